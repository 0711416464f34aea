/**
 * Microsoft's messages never contain credentials, but they are shown in the browser and written to
 * logs, and a wrapped error can carry a request body. Anything secret-shaped is removed before a
 * message leaves this module.
 */
const MAX_LENGTH = 2000;

const SECRET_FIELDS = "client_secret|client_assertion|refresh_token|access_token|id_token|assertion|password";

const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  // JWTs (access, ID and assertion tokens): three base64url parts, the header starting with "eyJ".
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, "[redacted token]"],
  [/\b(Bearer)\s+[A-Za-z0-9._~+/=-]{8,}/gi, "$1 [redacted]"],
  // Form or query encoded: client_secret=...&
  [new RegExp(`\\b(${SECRET_FIELDS})=[^&\\s"']+`, "gi"), "$1=[redacted]"],
  // JSON encoded: "client_secret": "..."
  [new RegExp(`("(?:${SECRET_FIELDS})"\\s*:\\s*")(?:[^"\\\\]|\\\\.)*(")`, "gi"), "$1[redacted]$2"],
  // Entra client secret values: about 40 characters with a "~" a few characters in (e.g. "abC8Q~…").
  [/\b[A-Za-z0-9._-]{2,8}~[A-Za-z0-9._~-]{24,}/g, "[redacted secret]"],
];

export function scrub(text: string): string {
  let out = text;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out.length > MAX_LENGTH ? `${out.slice(0, MAX_LENGTH)}…` : out;
}
