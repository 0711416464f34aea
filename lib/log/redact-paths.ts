/** Keys whose values are secret whatever they look like. */
const SECRET_KEYS = [
  "password",
  "secret",
  "clientSecret",
  "client_secret",
  "secretText",
  "clientAssertion",
  "client_assertion",
  "token",
  "accessToken",
  "access_token",
  "refreshToken",
  "refresh_token",
  "idToken",
  "id_token",
  "authorization",
  "Authorization",
  "cookie",
  "Cookie",
  "sealed",
] as const;

/**
 * pino's redact paths have no "any depth" wildcard, so each key is listed at the top level and
 * under one to three levels of nesting (`err.response.headers.authorization`). Deeper values
 * are left to the shape patterns in scrub.ts.
 */
const MAX_DEPTH = 3;

export const REDACT_PATHS: readonly string[] = SECRET_KEYS.flatMap((key) =>
  Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => `${"*.".repeat(depth)}${key}`),
);
