"use client";

import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm() {
  const [state, action] = useActionState(changePasswordAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="max-w-sm space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" errors={errors?.currentPassword} />
      <TextField label="New password" name="newPassword" type="password" autoComplete="new-password" hint="At least 12 characters." errors={errors?.newPassword} />
      <TextField label="Repeat new password" name="confirmPassword" type="password" autoComplete="new-password" errors={errors?.confirmPassword} />
      <SubmitButton pendingLabel="Saving…">Change password</SubmitButton>
    </form>
  );
}
