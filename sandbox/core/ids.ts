import { createHash, randomBytes, randomUUID } from "node:crypto";

export const guid = (): string => randomUUID();

/** Same seed, same GUID: fixture objects keep their ids across resets without listing every one. */
export function stableGuid(seed: string): string {
  const h = createHash("sha256").update(seed).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export const randomToken = (bytes = 32): string => randomBytes(bytes).toString("base64url");

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const SECRET_CHARS = `${ALNUM}_.~-`;

function pick(alphabet: string, length: number): string {
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}

/**
 * Entra's generated secret values are 40 characters with a "~" in them (users trip over the tilde when
 * URL-encoding): https://github.com/MicrosoftDocs/azure-docs/issues/39037 and
 * https://github.com/oauth2-proxy/oauth2-proxy/issues/3225
 */
export const newSecretValue = (): string => `${pick(ALNUM, 3)}8Q~${pick(SECRET_CHARS, 34)}`;

/** Graph's passwordCredential.hint is the FIRST three characters of the value:
 * https://learn.microsoft.com/graph/api/resources/passwordcredential */
export const secretHint = (value: string): string => value.slice(0, 3);
