/** Why a Microsoft sign-in was refused (linking.ts); the sign-in page reads it from `?microsoft=`. */
export type MicrosoftRefusal = "account_exists" | "email_not_vouched" | "no_email" | "session_present";

const REFUSALS: Record<MicrosoftRefusal, string> = {
  account_exists:
    "An account with this email already exists. Microsoft sign-in joins it only once both forge365 and Microsoft have verified the address: sign in with your email and password instead.",
  email_not_vouched:
    "Microsoft did not confirm that your organization owns your account's email address, so forge365 cannot use it. Ask your administrator to add the optional claim xms_edov to the app registration, or create an account with email and password.",
  no_email: "Your Microsoft account has no email address forge365 can use. Create an account with email and password instead.",
  session_present: "A previous sign-in in this browser was still open. Try Sign in with Microsoft again.",
};

/** Above the catalog's advice when Microsoft refused with an AADSTS code it knows (callback-error.ts). */
export const MICROSOFT_REFUSED = "Microsoft did not sign you in. To try again, select Sign in with Microsoft. Microsoft's reason:";

/**
 * Auth.js's error types (`?error=`) a Microsoft sign-in can end with. A refusal from Microsoft gets here as
 * OAuthCallbackError only when the catalog does not know its code (callback-error.ts), so the page says what can
 * have happened.
 */
const AUTH_ERRORS: Record<string, string> = {
  OAuthCallbackError:
    "Microsoft did not complete the sign-in: it was cancelled, the requested permissions were declined, or your organization does not allow this app. Try again, or ask your administrator.",
  OAuthAccountNotLinked: "This Microsoft account is linked to another forge365 account.",
  OAuthSignInError: "Sign in with Microsoft could not start. Try again in a moment.",
  CallbackRouteError: "Microsoft's answer could not be checked. Try again in a moment.",
  Configuration: "Sign in with Microsoft could not be completed. Try again in a moment.",
};

export function microsoftSignInMessage(refusal: string | null, authError: string | null): string | undefined {
  if (refusal && Object.hasOwn(REFUSALS, refusal)) return REFUSALS[refusal as MicrosoftRefusal];
  return authError && Object.hasOwn(AUTH_ERRORS, authError) ? AUTH_ERRORS[authError] : undefined;
}
