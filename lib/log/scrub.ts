export const CENSOR = "[Redacted]";

/**
 * Secrets recognised by their shape, wherever they sit: messages, error messages and stacks,
 * response bodies kept as strings, keys too deep for the redact paths. The patterns run on
 * the serialized JSON line, so they avoid quotes and backslashes and need no word boundaries
 * (a preceding escape such as `\n` would defeat one); erring towards masking a little extra.
 */
const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  // Authorization header values; RFC 6750 token characters.
  [/(bearer)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${CENSOR}`],
  // JWTs (access and id tokens, client assertions): base64url JSON header, then two more parts.
  [/eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, CENSOR],
  // URL-encoded bodies and query strings, e.g. the token request MSAL sends.
  [/(client_secret|client_assertion|assertion|refresh_token|access_token|id_token|password)=[^&\s"\\]+/gi, `$1=${CENSOR}`],
  // Entra ID client secret values (three characters, a digit, "Q~", then 31-34 more).
  [/[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}/g, CENSOR],
  // Passwords in connection strings: scheme://user:password@host.
  [/(\/\/[^\s:@/"\\]+:)[^\s@/"\\]+@/g, `$1${CENSOR}@`],
];

export function scrubText(text: string): string {
  return RULES.reduce((scrubbed, [pattern, replacement]) => scrubbed.replace(pattern, replacement), text);
}
