"use client";

import Link from "next/link";
import { useActionState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/actions/result";
import { confirmEnrolmentAction, regenerateRecoveryCodesAction, turnOffTwoFactorAction } from "./actions";

function PasswordAndCodeFields({ state, codeLabel, codeHint }: { state: ActionResult<unknown> | null; codeLabel: string; codeHint: string }) {
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <>
      <TextField label={codeLabel} name="code" inputMode="numeric" autoComplete="one-time-code" hint={codeHint} errors={errors?.code} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" errors={errors?.password} />
    </>
  );
}

/** Shown once, right after they are made: only their hashes are kept. */
function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <div className="space-y-3 rounded-md bg-amber-50 p-4 ring-1 ring-amber-200">
      <p className="text-sm font-semibold text-amber-900">Save these recovery codes now: they are not shown again.</p>
      <p className="text-sm text-amber-900">Each signs you in once in place of a code from your app, if you lose your phone.</p>
      <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-1 font-mono text-sm text-slate-900">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <CopyButton text={codes.join("\n")} label="Copy codes" />
    </div>
  );
}

export function ConfirmEnrolmentForm() {
  const [state, action] = useActionState(confirmEnrolmentAction, null);
  if (state?.ok) {
    return (
      <div className="space-y-4">
        <FormMessage state={state} />
        <RecoveryCodes codes={state.data.recoveryCodes} />
        <Link href="/account/two-factor" className="inline-block text-sm font-semibold text-blue-700 hover:underline">
          I saved my recovery codes
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="max-w-sm space-y-4" noValidate aria-label="Turn on two-factor sign-in">
      <FormMessage state={state} />
      <PasswordAndCodeFields state={state} codeLabel="Code from the app" codeHint="Six digits; a new one every 30 seconds." />
      <SubmitButton pendingLabel="Checking…">Turn on two-factor sign-in</SubmitButton>
    </form>
  );
}

const eitherCode = "A code from your app, or one of your recovery codes.";

export function RegenerateRecoveryCodesForm() {
  const [state, action] = useActionState(regenerateRecoveryCodesAction, null);
  return (
    <form action={action} className="max-w-sm space-y-4" noValidate aria-label="New recovery codes">
      <FormMessage state={state} />
      {state?.ok ? <RecoveryCodes codes={state.data.recoveryCodes} /> : null}
      <PasswordAndCodeFields state={state} codeLabel="Code" codeHint={eitherCode} />
      <SubmitButton variant="secondary" pendingLabel="Making codes…">
        Make new recovery codes
      </SubmitButton>
    </form>
  );
}

export function TurnOffForm() {
  const [state, action] = useActionState(turnOffTwoFactorAction, null);
  return (
    <form action={action} className="max-w-sm space-y-4" noValidate aria-label="Turn off two-factor sign-in">
      <FormMessage state={state} />
      <PasswordAndCodeFields state={state} codeLabel="Code" codeHint={eitherCode} />
      <SubmitButton variant="danger" pendingLabel="Turning off…">
        Turn off two-factor sign-in
      </SubmitButton>
    </form>
  );
}
