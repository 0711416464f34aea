import { z } from "zod";

const statuses = ["UNTESTED", "HEALTHY", "FAILING", "RECONNECT_REQUIRED"] as const;

/** Query-string filters of the Mailboxes page; anything malformed falls back to "no filter". */
export const mailboxQuerySchema = z.object({
  q: z.string().trim().max(254).optional().catch(undefined),
  status: z.enum(statuses).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export const MAILBOX_STATUSES = statuses;
