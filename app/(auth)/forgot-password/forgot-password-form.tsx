"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/field";
import { requestPasswordResetAction } from "./actions";

export function ForgotPasswordForm() {
  const [state, action] = useActionState(requestPasswordResetAction, null);
  if (state?.ok) {
    return (
      <Card title="Check your inbox">
        <div className="space-y-3 text-sm text-slate-700">
          <p>
            If an account exists for <strong className="font-semibold text-slate-900">{state.data.email}</strong>, we sent a link
            to reset its password. The link works once, for 30 minutes.
          </p>
          <Link href="/sign-in" className="font-semibold text-blue-700 hover:underline">
            Back to sign in
          </Link>
        </div>
      </Card>
    );
  }
  const failed = state && !state.ok ? state : undefined;
  return (
    <Card title="Reset your password" description="Enter your account's email address and we will mail you a link to choose a new password.">
      <form action={action} className="space-y-4" noValidate>
        <FormMessage state={state} />
        <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={failed?.values?.email} errors={failed?.fieldErrors?.email} />
        <SubmitButton className="w-full" pendingLabel="Sending…">Send reset link</SubmitButton>
        <p className="text-center text-sm text-slate-600">
          <Link href="/sign-in" className="font-semibold text-blue-700 hover:underline">
            Back to sign in
          </Link>
        </p>
      </form>
    </Card>
  );
}
