import { DiagnosisPanel } from "@/components/connection-checks/diagnosis-panel";
import { Alert } from "@/components/ui/alert";
import { microsoftSignInDiagnosis } from "@/lib/auth/microsoft/callback-error";
import { MICROSOFT_REFUSED } from "@/lib/auth/microsoft/messages";
import { microsoftSignInSettings } from "@/lib/auth/microsoft/provider";
import { MicrosoftSignInButton } from "./microsoft-sign-in-button";

/**
 * "Sign in with Microsoft", only where it is configured (AUTH_MICROSOFT_ENTRA_ID_ID and _SECRET). After Microsoft
 * refused a sign-in, `microsoft` is its AADSTS code (callback-error.ts), explained by the catalog.
 */
export function MicrosoftSignIn({ callbackUrl, microsoft }: { callbackUrl: string; microsoft?: unknown }) {
  if (!microsoftSignInSettings()) return null;
  const diagnosis = microsoftSignInDiagnosis(microsoft);
  return (
    <>
      {diagnosis ? (
        <div className="mt-4 space-y-3" data-testid="microsoft-refusal">
          <Alert tone="error">{MICROSOFT_REFUSED}</Alert>
          <DiagnosisPanel diagnosis={diagnosis} />
        </div>
      ) : null}
      <MicrosoftSignInButton callbackUrl={callbackUrl} />
    </>
  );
}
