import { z } from "zod";

/** A list's page number from the query string; anything malformed means the first page. */
export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
