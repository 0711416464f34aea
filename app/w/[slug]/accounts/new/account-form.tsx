"use client";

import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { type RadioOption, RadioGroupField } from "@/components/ui/radio-group";
import { useKeptForm } from "@/components/ui/use-kept-form";
import { createAccountAction } from "../actions";

const permissionModes: RadioOption[] = [
  {
    value: "APPLICATION",
    label: "Application (client credentials)",
    description:
      "forge365 signs in as the app and sends as any address the app may reach. Choose it when an admin grants the application permission Mail.Send.",
  },
  {
    value: "DELEGATED",
    label: "Delegated (each owner signs in)",
    description:
      "Each address's owner signs in once and forge365 sends only as them. Choose it when the tenant will not grant an application permission that can send as everyone.",
  },
];

export function AccountForm({ slug, clouds, datePattern }: { slug: string; clouds: Array<{ value: string; label: string }>; datePattern: string }) {
  const { state, form, pending, ready, fieldErrors } = useKeptForm(createAccountAction);
  return (
    <form {...form} className="space-y-4" noValidate aria-label="Add Microsoft 365 account">
      <input type="hidden" name="workspace" value={slug} />
      <FormMessage state={state} />
      <TextField label="Label" name="label" placeholder="Contoso — outbound" hint="A name your team recognises." errors={fieldErrors?.label} />
      <RadioGroupField legend="Permission mode" name="permissionMode" options={permissionModes} defaultValue="APPLICATION" errors={fieldErrors?.permissionMode} />
      <TextField label="Directory (tenant) ID" name="tenant" placeholder="00000000-0000-0000-0000-000000000000 or contoso.onmicrosoft.com" autoComplete="off" spellCheck={false} errors={fieldErrors?.tenant} />
      <TextField label="Application (client) ID" name="clientId" placeholder="00000000-0000-0000-0000-000000000000" autoComplete="off" spellCheck={false} errors={fieldErrors?.clientId} />
      <TextField
        label="Client secret value"
        name="clientSecret"
        type="password"
        autoComplete="new-password"
        spellCheck={false}
        hint="Encrypted on save and never shown again; only its first 3 characters stay visible, as in Entra."
        errors={fieldErrors?.clientSecret}
      />
      <TextField label="Secret expires" name="secretExpiresOn" placeholder={datePattern} inputMode="numeric" autoComplete="off" hint={`As ${datePattern}, from the Expires column.`} errors={fieldErrors?.secretExpiresOn} />
      <TextAreaField
        label="Mailboxes"
        name="mailboxes"
        rows={5}
        placeholder={"sales@contoso.com\nsupport@contoso.com"}
        hint="One per line, or separated by commas — paste a spreadsheet column."
        errors={fieldErrors?.mailboxes}
      />
      <details className="rounded-md bg-slate-50 p-3 text-sm ring-1 ring-slate-200">
        <summary className="cursor-pointer font-medium">Advanced</summary>
        <div className="mt-3">
          <SelectField label="Cloud" name="cloud" defaultValue="GLOBAL" options={clouds} errors={fieldErrors?.cloud} hint="Change only for US Government, China or the local sandbox." />
        </div>
      </details>
      <SubmitButton pending={pending} ready={ready} pendingLabel="Saving…">
        Add account
      </SubmitButton>
    </form>
  );
}
