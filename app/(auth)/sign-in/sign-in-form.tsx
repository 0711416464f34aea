"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/field";
import { signInAction } from "../actions";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action] = useActionState(signInAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormMessage state={state} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={state && !state.ok ? state.values?.email : undefined} errors={errors?.email} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required errors={errors?.password} />
      <SubmitButton className="w-full" pendingLabel="Signing in…">Sign in</SubmitButton>
      <p className="text-center text-sm text-slate-600">
        New here?{" "}
        <Link href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-semibold text-blue-700 hover:underline">
          Create an account
        </Link>
      </p>
    </form>
  );
}
