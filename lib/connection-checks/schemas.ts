import { z } from "zod";
import { emailSchema } from "@/lib/validation/email";
import { recordId } from "@/lib/validation/ids";

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const optionalEmail = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), emailSchema.optional());

/** A test sends to a recipient unless it is a dry run. */
function needsRecipient<T extends { dryRun: boolean; recipient?: string }>(value: T, ctx: z.RefinementCtx) {
  if (!value.dryRun && !value.recipient) {
    ctx.addIssue({ code: "custom", path: ["recipient"], message: "Enter who should receive the test mail, or choose a dry run." });
  }
}

export const testMailboxSchema = z.object({ mailboxId: recordId, recipient: optionalEmail, dryRun: checkbox }).superRefine(needsRecipient);

export const testAllSchema = z
  .object({ accountId: z.preprocess((v) => (v === "" ? undefined : v), recordId.optional()), recipient: optionalEmail, dryRun: checkbox })
  .superRefine(needsRecipient);
