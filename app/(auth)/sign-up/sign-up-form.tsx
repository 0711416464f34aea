"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/field";
import { signUpAction } from "../actions";

/** `outbox`: in development, the sandbox page where the mail can be read. */
export function SignUpForm({ callbackUrl, outbox }: { callbackUrl: string; outbox?: string }) {
  const [state, action] = useActionState(signUpAction, null);
  // The same page whether the address was new or already had an account: the mail tells which.
  if (state?.ok) {
    return (
      <Card title="Check your inbox">
        <div className="space-y-3 text-sm text-slate-700">
          <p>
            We sent a link to <strong className="font-semibold text-slate-900">{state.data.email}</strong>. Open it to finish
            setting up your account; it works for 24 hours.
          </p>
          {outbox ? (
            <p className="rounded-md bg-amber-50 px-3 py-2 text-amber-900">
              Development: the mail went to the Microsoft 365 sandbox.{" "}
              <a href={outbox} className="font-semibold underline">
                Read it there
              </a>
              .
            </p>
          ) : (
            <p className="text-slate-500">No mail after a few minutes? Look in your spam folder, or sign in to send the link again.</p>
          )}
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-semibold text-blue-700 hover:underline">
            Sign in
          </Link>
        </div>
      </Card>
    );
  }
  const failed = state && !state.ok ? state : undefined;
  return (
    <Card title="Create your forge365 account">
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
    </Card>
  );
}
