"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { signOutAction } from "../../actions";
import { signInCodeAction } from "./actions";

export function TwoFactorStepForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action] = useActionState(signInCodeAction, null);
  const [recovery, setRecovery] = useState(false);
  if (state?.ok) {
    return (
      <div className="space-y-4">
        <FormMessage state={state} />
        {state.data.remainingRecoveryCodes <= 3 ? (
          <p className="text-sm text-slate-700">Make new recovery codes under Account → Two-factor sign-in before you run out.</p>
        ) : null}
        <Link href={state.data.continueTo} className="inline-block text-sm font-semibold text-blue-700 hover:underline">
          Continue
        </Link>
      </div>
    );
  }
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-4" noValidate>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <FormMessage state={state} />
        {recovery ? (
          <TextField key="recovery" label="Recovery code" name="code" autoComplete="off" autoFocus hint="One of the codes you saved when you set up two-factor sign-in; each works once." errors={errors?.code} />
        ) : (
          <TextField key="app" label="Code from your app" name="code" inputMode="numeric" autoComplete="one-time-code" autoFocus hint="The six digits your authenticator app shows for forge365." errors={errors?.code} />
        )}
        <SubmitButton className="w-full" pendingLabel="Checking…">
          Verify
        </SubmitButton>
      </form>
      <Button variant="ghost" className="w-full" onClick={() => setRecovery(!recovery)}>
        {recovery ? "Use a code from your app" : "Use a recovery code"}
      </Button>
      <form action={signOutAction}>
        <Button type="submit" variant="secondary" className="w-full">
          Cancel and sign out
        </Button>
      </form>
    </div>
  );
}
