"use client";

import { useActionState } from "react";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useKeptForm } from "@/components/ui/use-kept-form";
import { addMailboxesAction, deleteAccountAction, removeMailboxAction, replaceSecretAction, updateAccountAction } from "../actions";

interface AccountRef {
  slug: string;
  accountId: string;
}

function Hidden({ slug, accountId }: AccountRef) {
  return (
    <>
      <input type="hidden" name="workspace" value={slug} />
      <input type="hidden" name="accountId" value={accountId} />
    </>
  );
}

export function ReplaceSecretForm({ datePattern, ...ref }: AccountRef & { datePattern: string }) {
  const { state, form, pending, ready, fieldErrors } = useKeptForm(replaceSecretAction);
  return (
    <form {...form} className="space-y-4" noValidate aria-label="Replace secret">
      <Hidden {...ref} />
      <FormMessage state={state} />
      <TextField label="New client secret value" name="clientSecret" type="password" autoComplete="new-password" spellCheck={false} errors={fieldErrors?.clientSecret} />
      <TextField label="New secret expires" name="secretExpiresOn" placeholder={datePattern} autoComplete="off" errors={fieldErrors?.secretExpiresOn} />
      <SubmitButton pending={pending} ready={ready} pendingLabel="Replacing…">
        Replace secret
      </SubmitButton>
    </form>
  );
}

export function EditAccountForm({ label, expires, datePattern, ...ref }: AccountRef & { label: string; expires: string; datePattern: string }) {
  const { state, form, pending, ready, fieldErrors } = useKeptForm(updateAccountAction);
  return (
    <form {...form} className="space-y-4" noValidate aria-label="Edit account">
      <Hidden {...ref} />
      <FormMessage state={state} />
      <TextField label="Label" name="label" defaultValue={label} errors={fieldErrors?.label} />
      <TextField label="Secret expires" name="secretExpiresOn" defaultValue={expires} placeholder={datePattern} hint="Correct the date if it differs from Entra's Expires column." errors={fieldErrors?.secretExpiresOn} />
      <SubmitButton variant="secondary" pending={pending} ready={ready} pendingLabel="Saving…">
        Save
      </SubmitButton>
    </form>
  );
}

export function AddMailboxesForm(ref: AccountRef) {
  const { state, form, pending, ready, fieldErrors } = useKeptForm(addMailboxesAction);
  return (
    <form {...form} className="space-y-3" noValidate aria-label="Add mailboxes">
      <Hidden {...ref} />
      <FormMessage state={state} />
      <TextAreaField label="Add mailboxes" name="mailboxes" rows={3} placeholder="one@contoso.com, two@contoso.com" hint="One per line, or separated by commas." errors={fieldErrors?.mailboxes} />
      <SubmitButton variant="secondary" pending={pending} ready={ready} pendingLabel="Adding…">
        Add mailboxes
      </SubmitButton>
    </form>
  );
}

export function RemoveMailboxButton({ slug, mailboxId, address }: { slug: string; mailboxId: string; address: string }) {
  const [state, action] = useActionState(removeMailboxAction, null);
  return (
    <form action={action} onSubmit={(e) => { if (!confirm(`Remove ${address}? Its test history goes with it.`)) e.preventDefault(); }}>
      <input type="hidden" name="workspace" value={slug} />
      <input type="hidden" name="mailboxId" value={mailboxId} />
      <button type="submit" className="rounded-md px-2 py-1 text-xs font-semibold text-red-700 ring-1 ring-inset ring-red-200 hover:bg-red-50" aria-label={`Remove ${address}`}>
        Remove
      </button>
      {state && !state.ok ? <p className="mt-1 text-xs text-red-700">{state.error}</p> : null}
    </form>
  );
}

export function DeleteAccountForm({ label, mailboxCount, ...ref }: AccountRef & { label: string; mailboxCount: number }) {
  const [state, action] = useActionState(deleteAccountAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="space-y-3" noValidate aria-label="Delete account">
      <Hidden {...ref} />
      <p className="text-sm text-slate-700">
        Deletes <strong>{label}</strong>, its sealed secret and its {mailboxCount} mailbox{mailboxCount === 1 ? "" : "es"} from forge365.
        The app registration in Entra is not touched.
      </p>
      <FormMessage state={state} />
      <TextField label={`Type "${label}" to confirm`} name="confirmation" autoComplete="off" errors={errors?.confirmation} />
      <SubmitButton variant="danger" pendingLabel="Deleting…">Delete account</SubmitButton>
    </form>
  );
}
