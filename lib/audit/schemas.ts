import { z } from "zod";
import { recordId } from "@/lib/validation/ids";
import { AUDIT_ACTIONS } from "./record";

/** Query-string filters of the Audit log page and its CSV export; anything malformed means "no filter". */
export const auditQuerySchema = z.object({
  type: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  /** A member's user id, or "system" for events no person caused (key rotation, scheduled checks). */
  actor: z.union([z.literal("system"), recordId]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export type AuditQuery = z.infer<typeof auditQuerySchema>;
