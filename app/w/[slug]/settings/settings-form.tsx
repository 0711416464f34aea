"use client";

import { useActionState } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { updateWorkspaceAction } from "./actions";

export function WorkspaceSettingsForm({
  workspace,
  canEdit,
}: {
  workspace: { slug: string; name: string; environment: "TEST" | "PRODUCTION" };
  canEdit: boolean;
}) {
  const [state, action] = useActionState(updateWorkspaceAction, null);
  const failed = state && !state.ok ? state : undefined;
  return (
    <form action={action} className="max-w-lg space-y-4" noValidate>
      <input type="hidden" name="workspace" value={workspace.slug} />
      <FormMessage state={state} />
      <fieldset disabled={!canEdit} className="space-y-4">
        <TextField label="Workspace name" name="name" defaultValue={failed?.values?.name ?? workspace.name} errors={failed?.fieldErrors?.name} />
        <SelectField
          label="Environment"
          name="environment"
          defaultValue={failed?.values?.environment ?? workspace.environment}
          options={[
            { value: "TEST", label: "Test" },
            { value: "PRODUCTION", label: "Production" },
          ]}
          hint="Shown as a badge on every page of this workspace, so nobody mistakes a live client for a rehearsal."
          errors={failed?.fieldErrors?.environment}
        />
        <TextField label="Slug" name="slug-display" value={workspace.slug} readOnly disabled hint="Part of every link to this workspace; it never changes." />
        {canEdit ? <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton> : null}
      </fieldset>
    </form>
  );
}
