import { microsoftSignInSettings } from "@/lib/auth/microsoft/provider";
import { MicrosoftSignInButton } from "./microsoft-sign-in-button";

/** "Sign in with Microsoft", only where it is configured (AUTH_MICROSOFT_ENTRA_ID_ID and _SECRET). */
export function MicrosoftSignIn({ callbackUrl }: { callbackUrl: string }) {
  return microsoftSignInSettings() ? <MicrosoftSignInButton callbackUrl={callbackUrl} /> : null;
}
