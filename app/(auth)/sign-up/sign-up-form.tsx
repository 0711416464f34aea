"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/field";
import { signUpAction } from "../actions";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action] = useActionState(signUpAction, null);
  const failed = state && !state.ok ? state : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormMessage state={state} />
      <TextField label="Name" name="name" autoComplete="name" required defaultValue={failed?.values?.name} errors={failed?.fieldErrors?.name} />
      <TextField label="Work email" name="email" type="email" autoComplete="email" required defaultValue={failed?.values?.email} errors={failed?.fieldErrors?.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 12 characters."
        errors={failed?.fieldErrors?.password}
      />
      <SubmitButton className="w-full" pendingLabel="Creating your account…">Create account</SubmitButton>
      <p className="text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-semibold text-blue-700 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
