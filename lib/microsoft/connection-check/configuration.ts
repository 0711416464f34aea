import { z } from "zod";
import { formatDate, type DateTimePreferences } from "@/lib/format/datetime";
import { DOCS, diagnose, looksLikeSecretId, type Diagnosis } from "@/lib/microsoft/catalog";
import { CLOUD_IDS, type CloudId } from "@/lib/microsoft/clouds";
import { clientIdSchema, clientSecretSchema, tenantSchema } from "@/lib/microsoft/identifiers";
import { emailAddressSchema } from "./address";
import { failed, type Done } from "./outcome";
import type { ConnectionTestInput } from "./types";

/** Entra does not warn before a secret expires; two weeks leaves time to roll it out to every connection. */
export const EXPIRY_WARNING_DAYS = 14;
const DAY_MS = 86_400_000;

export interface Configuration {
  cloud: CloudId;
  tenant: string;
  clientId: string;
  clientSecret: string;
  mailbox: string;
  /** Undefined for a dry run. */
  to?: string;
  sandboxUrl?: string;
}

function configurationSchema(dryRun: boolean) {
  return z
    .object({
      cloud: z.enum(CLOUD_IDS, { error: `The cloud must be one of ${CLOUD_IDS.join(", ")}.` }),
      tenant: tenantSchema,
      clientId: clientIdSchema,
      clientSecret: clientSecretSchema,
      mailbox: emailAddressSchema("mailbox"),
      to: dryRun ? emailAddressSchema("recipient").optional() : emailAddressSchema("recipient"),
      sandboxUrl: z.url("The sandbox URL must be an http(s) URL.").optional(),
    })
    .refine((c) => c.cloud !== "sandbox" || c.sandboxUrl, {
      path: ["sandboxUrl"],
      message: "The sandbox cloud needs the sandbox's URL (M365_SANDBOX_URL).",
    });
}

/**
 * Settings the product's forms and the CLI already validate, so reaching this means a caller skipped them.
 * The catalog has no entry for it yet; the advice is specific enough to stand on its own.
 */
function invalidConfiguration(problems: string[]): Diagnosis {
  return {
    code: "INVALID_CONFIGURATION",
    source: "product",
    title: "The connection's settings are incomplete or malformed",
    cause: problems.join(" "),
    fix: "Correct the settings named above on the connection (or in the command's options) and test again.",
    docsUrl: DOCS.clientCredentialsFlow,
    step: "configuration",
    severity: "error",
    retryable: false,
    known: true,
    ids: {},
  };
}

const diagnosis = (code: string) => diagnose(code, { step: "configuration" });

/** Everything that can be known wrong before Microsoft is asked anything. */
export function checkConfiguration(input: ConnectionTestInput, now: Date, prefs: DateTimePreferences): Done<Configuration> {
  if (input.clientSecret === null) return failed(diagnosis("SECRET_UNREADABLE"));
  // Microsoft answers a pasted Secret ID with the same AADSTS7000215 as any wrong secret; here it is certain.
  if (looksLikeSecretId(input.clientSecret)) return failed(diagnosis("SECRET_LOOKS_LIKE_ID"));

  const parsed = configurationSchema(input.dryRun).safeParse(input);
  if (!parsed.success) return failed(invalidConfiguration(parsed.error.issues.map((issue) => issue.message)));
  const config: Configuration = { ...parsed.data, to: input.dryRun ? undefined : parsed.data.to };

  const expiresOn = input.secretExpiresOn;
  if (!expiresOn) {
    return { status: "passed", value: config, summary: "The settings are complete; no expiry date is recorded for the client secret." };
  }
  const daysLeft = Math.ceil((expiresOn.getTime() - now.getTime()) / DAY_MS);
  const details = { secretExpiresOn: expiresOn.toISOString(), daysLeft };
  const date = formatDate(expiresOn, prefs);
  if (daysLeft <= 0) return failed(diagnosis("SECRET_EXPIRED_BY_DATE"), details);
  if (daysLeft <= EXPIRY_WARNING_DAYS) {
    return {
      status: "warning",
      value: config,
      summary: `The client secret expires on ${date}, in ${daysLeft} day${daysLeft === 1 ? "" : "s"}.`,
      details,
      diagnosis: diagnosis("SECRET_EXPIRES_SOON"),
    };
  }
  return { status: "passed", value: config, summary: `The settings are complete; the client secret expires on ${date}.`, details };
}
