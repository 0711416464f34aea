"use client";

import { useActionState } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { inviteMemberAction } from "./actions";

export function InviteForm({ slug, roles }: { slug: string; roles: Array<{ value: string; label: string }> }) {
  const [state, action] = useActionState(inviteMemberAction, null);
  const failed = state && !state.ok ? state : undefined;
  return (
    <div className="space-y-3">
      <form action={action} className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end" noValidate>
        <input type="hidden" name="workspace" value={slug} />
        <TextField label="Email" name="email" type="email" defaultValue={failed?.values?.email} errors={failed?.fieldErrors?.email} />
        <SelectField label="Role" name="role" defaultValue={failed?.values?.role ?? "MEMBER"} options={roles} errors={failed?.fieldErrors?.role} />
        <SubmitButton pendingLabel="Inviting…">Create invitation</SubmitButton>
      </form>
      <FormMessage state={state} />
      {state?.ok ? (
        <div className="flex items-center gap-2">
          <input
            aria-label="Invitation link"
            readOnly
            value={state.data.link}
            className="w-full rounded-md bg-slate-50 px-3 py-2 font-mono text-xs ring-1 ring-slate-200"
            onFocus={(e) => e.currentTarget.select()}
          />
          <button
            type="button"
            className="rounded-md px-3 py-2 text-sm font-semibold ring-1 ring-slate-300 hover:bg-slate-50"
            onClick={() => navigator.clipboard?.writeText(state.data.link)}
          >
            Copy
          </button>
        </div>
      ) : null}
    </div>
  );
}
