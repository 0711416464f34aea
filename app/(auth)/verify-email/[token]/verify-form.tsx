"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { verifyEmailAction } from "../actions";

export function VerifyEmailForm({ token, callbackUrl }: { token: string; callbackUrl: string }) {
  const [state, action] = useActionState(verifyEmailAction, null);
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormMessage state={state} />
      <SubmitButton className="w-full" pendingLabel="Verifying…">Verify email address</SubmitButton>
    </form>
  );
}
