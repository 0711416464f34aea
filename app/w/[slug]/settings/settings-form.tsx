"use client";

import { useActionState } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { LOCALES } from "@/lib/format/locales";
import { updateWorkspaceAction } from "./actions";

export function WorkspaceSettingsForm({
  workspace,
  canEdit,
  timeZones,
}: {
  workspace: { slug: string; name: string; environment: "TEST" | "PRODUCTION"; locale: string; timeZone: string };
  canEdit: boolean;
  timeZones: string[];
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
        <SelectField
          label="Date and time format"
          name="locale"
          defaultValue={failed?.values?.locale ?? workspace.locale}
          options={LOCALES.map((l) => ({ value: l.value, label: l.label }))}
          hint="Used on every page, export, notification and calendar file of this workspace, and for dates you type."
          errors={failed?.fieldErrors?.locale}
        />
        <SelectField
          label="Time zone"
          name="timeZone"
          defaultValue={failed?.values?.timeZone ?? workspace.timeZone}
          options={timeZones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }))}
          hint="Times are shown in this zone, and expiry reminders go off at 09:00 in it."
          errors={failed?.fieldErrors?.timeZone}
        />
        <TextField label="Slug" name="slug-display" value={workspace.slug} readOnly disabled hint="Part of every link to this workspace; it never changes." />
        {canEdit ? <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton> : null}
      </fieldset>
    </form>
  );
}
