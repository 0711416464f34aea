import { z } from "zod";
import { datePattern, parseDateInput, todayIn } from "@/lib/format/date-input";
import { type DateTimePreferences, US_DEFAULTS } from "@/lib/format/datetime";
import { clientIdSchema, clientSecretSchema, tenantSchema } from "@/lib/microsoft/identifiers";
import { recordId } from "@/lib/validation/ids";
import { displayName } from "@/lib/validation/text";
import { STORED_CLOUDS } from "./microsoft-app";
import { mailboxListField } from "./mailbox-list";

/**
 * The date is read in the workspace's format and "already expired" is judged in its time zone.
 * Entra lets a secret live 24 months from the portal; longer ones exist (via API), but not past 2300.
 */
export function secretExpirySchema(prefs: DateTimePreferences = US_DEFAULTS, now?: Date) {
  return z
    .string({ error: "Enter the secret's expiry date." })
    .trim()
    .min(1, "Enter the secret's expiry date, as shown under Certificates & secrets → Expires.")
    .transform((text, ctx) => {
      const date = parseDateInput(text, prefs);
      if (!date) {
        ctx.addIssue({ code: "custom", message: `Enter the date as ${datePattern(prefs.locale)}.` });
        return z.NEVER;
      }
      if (date < todayIn(prefs.timeZone, now ?? new Date())) {
        ctx.addIssue({ code: "custom", message: "This secret has already expired. Create a new secret in Entra and paste its Value." });
        return z.NEVER;
      }
      if (date.getUTCFullYear() > 2299) {
        ctx.addIssue({ code: "custom", message: "Check the year: this date is too far in the future." });
        return z.NEVER;
      }
      return date;
    });
}

export const accountLabelSchema = displayName("label", 80);

export const PERMISSION_MODES = ["APPLICATION", "DELEGATED"] as const;

/** Application (client credentials) unless the form says otherwise: it is what most tenants grant. */
export const permissionModeSchema = z.preprocess((v) => v ?? "APPLICATION", z.enum(PERMISSION_MODES, { error: "Choose Application or Delegated." }));

export function cloudSchema(sandboxAvailable: boolean) {
  return z
    .enum(STORED_CLOUDS, { error: "Choose a cloud." })
    .refine((c) => sandboxAvailable || c !== "SANDBOX", "The sandbox is not configured on this server (M365_SANDBOX_URL).");
}

export function createAccountSchema(options: { sandboxAvailable: boolean; prefs?: DateTimePreferences; now?: Date }) {
  return z.object({
    label: accountLabelSchema,
    tenant: tenantSchema,
    clientId: clientIdSchema,
    clientSecret: clientSecretSchema,
    secretExpiresOn: secretExpirySchema(options.prefs, options.now),
    mailboxes: mailboxListField({ required: true }),
    cloud: z.preprocess((v) => v ?? "GLOBAL", cloudSchema(options.sandboxAvailable)),
    permissionMode: permissionModeSchema,
  });
}

export function replaceSecretSchema(prefs?: DateTimePreferences) {
  return z.object({
    accountId: recordId,
    clientSecret: clientSecretSchema,
    secretExpiresOn: secretExpirySchema(prefs),
  });
}

export function updateAccountSchema(prefs?: DateTimePreferences) {
  return z.object({
    accountId: recordId,
    label: accountLabelSchema,
    secretExpiresOn: secretExpirySchema(prefs),
  });
}

export const deleteAccountSchema = z.object({
  accountId: recordId,
  confirmation: z.string({ error: "Type the account's label to confirm." }).trim().min(1, "Type the account's label to confirm."),
});

export const addMailboxesSchema = z.object({
  accountId: recordId,
  mailboxes: mailboxListField({ required: true }),
});

export const removeMailboxSchema = z.object({ mailboxId: recordId });

const statuses = ["UNTESTED", "READY", "HEALTHY", "FAILING", "RECONNECT_REQUIRED"] as const;

/** Query-string filters of the Mailboxes page; anything malformed falls back to "no filter". */
export const mailboxQuerySchema = z.object({
  q: z.string().trim().max(254).optional().catch(undefined),
  status: z.enum(statuses).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export const MAILBOX_STATUSES = statuses;
