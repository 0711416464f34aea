"use client";

import { useActionState } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { createWorkspaceAction } from "./actions";

export function CreateWorkspaceForm() {
  const [state, action] = useActionState(createWorkspaceAction, null);
  const failed = state && !state.ok ? state : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField label="Workspace name" name="name" placeholder="Acme Outreach" defaultValue={failed?.values?.name} errors={failed?.fieldErrors?.name} hint="Usually the client's name." />
      <TextField label="Slug (optional)" name="slug" placeholder="acme-outreach" defaultValue={failed?.values?.slug} errors={failed?.fieldErrors?.slug} hint="Used in links. Leave empty to derive it from the name." />
      <SelectField
        label="Environment"
        name="environment"
        defaultValue={failed?.values?.environment ?? "PRODUCTION"}
        options={[
          { value: "PRODUCTION", label: "Production — a client's live tenant" },
          { value: "TEST", label: "Test — rehearsals and the sandbox" },
        ]}
        errors={failed?.fieldErrors?.environment}
      />
      <SubmitButton pendingLabel="Creating…">Create workspace</SubmitButton>
    </form>
  );
}
