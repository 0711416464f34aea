import { logger } from "@/lib/log";
import { diagnose, type Diagnosis } from "@/lib/microsoft/catalog";
import { MICROSOFT_PROVIDER_ID } from "./provider";

const CALLBACK_PATH = `/api/auth/callback/${MICROSOFT_PROVIDER_ID}`;
/** A catalog code of Entra's, as it travels in `?microsoft=`: the prefix and digits, nothing a URL could smuggle text in. */
const AADSTS_CODE = /^AADSTS\d{4,9}$/;

/** The catalog's advice for an AADSTS code it knows; anything else is left to the generic message. */
export function microsoftSignInDiagnosis(code: unknown): Diagnosis | undefined {
  if (typeof code !== "string" || !AADSTS_CODE.test(code)) return undefined;
  const diagnosis = diagnose(code, { step: "authorize" });
  return diagnosis.known ? diagnosis : undefined;
}

/**
 * Where to send the browser when Microsoft answers "Sign in with Microsoft"'s redirect URI with an error, or undefined
 * for every other request. Microsoft puts its refusals in the query (the provider asks for no response_mode, so it is
 * `query`): `error` with `error_description` "AADSTS65004: User declined to consent…" (the auth code flow's error
 * response, https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow#error-response). Auth.js
 * turns all of them into `?error=OAuthCallbackError`, so they are answered here: only a code the catalog knows goes
 * on to the sign-in page, never Microsoft's text, which anyone can put in a link. Microsoft's IDs go to the log, where
 * they match the attempt in Entra's sign-in logs.
 */
export function microsoftCallbackErrorRedirect(url: URL): string | undefined {
  if (url.pathname !== CALLBACK_PATH) return undefined;
  const error = url.searchParams.get("error");
  if (!error) return undefined;
  const diagnosis = diagnose({ error, error_description: url.searchParams.get("error_description") ?? undefined }, { step: "authorize" });
  logger.info({ code: diagnosis.code, known: diagnosis.known, ids: diagnosis.ids }, "Microsoft refused a sign-in");
  const code = microsoftSignInDiagnosis(diagnosis.code)?.code;
  return code ? `/sign-in?microsoft=${code}` : "/sign-in?error=OAuthCallbackError";
}
