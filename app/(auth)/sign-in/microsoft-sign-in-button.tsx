"use client";

import { useSearchParams } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { microsoftSignInMessage } from "@/lib/auth/microsoft/messages";
import { signInWithMicrosoftAction } from "./microsoft-action";

export function MicrosoftSignInButton({ callbackUrl }: { callbackUrl: string }) {
  const params = useSearchParams();
  const message = microsoftSignInMessage(params.get("microsoft"), params.get("error"));
  return (
    <form action={signInWithMicrosoftAction} className="mt-4 space-y-3 border-t border-slate-200 pt-4">
      {message ? <Alert tone="error">{message}</Alert> : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <SubmitButton className="w-full" variant="secondary" pendingLabel="Going to Microsoft…">
        Sign in with Microsoft
      </SubmitButton>
    </form>
  );
}
