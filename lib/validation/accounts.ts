import { z } from "zod";
import { datePattern, parseDateInput, todayIn } from "@/lib/format/date-input";
import { type DateTimePreferences, US_DEFAULTS } from "@/lib/format/datetime";
import { mailboxListField } from "./mailbox-list";
import { recordId } from "./ids";
import { displayName } from "./text";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export const CLOUD_VALUES = ["GLOBAL", "USGOV", "USGOVDOD", "CHINA", "SANDBOX"] as const;
export type CloudValue = (typeof CLOUD_VALUES)[number];

export const tenantSchema = z
  .string({ error: "Enter the Directory (tenant) ID." })
  .trim()
  .toLowerCase()
  .min(1, "Enter the Directory (tenant) ID, or the tenant's domain such as contoso.onmicrosoft.com.")
  .refine(
    (v) => GUID.test(v) || DOMAIN.test(v),
    "Enter the Directory (tenant) ID (a GUID like 72f988bf-86f1-41af-91ab-2d7cd011db47) or a verified domain like contoso.onmicrosoft.com.",
  );

export const clientIdSchema = z
  .string({ error: "Enter the Application (client) ID." })
  .trim()
  .toLowerCase()
  .min(1, "Enter the Application (client) ID.")
  .regex(GUID, "The Application (client) ID is a GUID like 00001111-aaaa-2222-bbbb-3333cccc4444, on the app's Overview page.");

export const SECRET_ID_MESSAGE = "This looks like the Secret ID; paste the secret's Value";

export const clientSecretSchema = z
  .string({ error: "Paste the client secret's Value." })
  .trim()
  .min(1, "Paste the client secret's Value.")
  .max(512, "A client secret has at most 512 characters; paste only the Value.")
  .refine((v) => !GUID.test(v), SECRET_ID_MESSAGE)
  .refine((v) => !/\s/.test(v), "A client secret has no spaces; paste only the Value.");

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
    .enum(CLOUD_VALUES, { error: "Choose a cloud." })
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


export const accountIdSchema = z.object({ accountId: recordId });

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
