import { z } from "zod";

/** Query string of the Workspaces page; anything malformed falls back to "no filter". */
export const workspaceQuerySchema = z.object({
  q: z.string().trim().max(60).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
