"use client";

import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { useKeptForm } from "@/components/ui/use-kept-form";
import { testAllAction } from "@/app/w/[slug]/mailboxes/actions";

/** "Test all" over an account (accountId) or the whole workspace. */
export function TestAllForm({ slug, accountId, defaultRecipient, count }: { slug: string; accountId?: string; defaultRecipient: string; count: number }) {
  const { state, form, pending, ready, fieldErrors } = useKeptForm(testAllAction);
  return (
    <form {...form} className="flex flex-wrap items-end gap-3" noValidate aria-label="Test all">
      <input type="hidden" name="workspace" value={slug} />
      <input type="hidden" name="accountId" value={accountId ?? ""} />
      <label className="text-sm">
        <span className="block font-medium">Test mails go to</span>
        <input name="recipient" type="email" defaultValue={defaultRecipient} aria-invalid={fieldErrors?.recipient ? true : undefined} className="mt-1 rounded-md border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300" />
      </label>
      <label className="flex items-center gap-2 pb-2 text-sm">
        <input type="checkbox" name="dryRun" defaultChecked className="rounded border-slate-300" />
        Dry run (no mail sent)
      </label>
      <SubmitButton variant="secondary" pending={pending} ready={ready} disabled={count === 0} pendingLabel="Queuing…">
        {`Test all ${count}`}
      </SubmitButton>
      {state && !state.ok ? <div className="w-full"><FormMessage state={state} />{fieldErrors?.recipient ? <p className="text-xs text-red-600">{fieldErrors.recipient.join(" ")}</p> : null}</div> : null}
    </form>
  );
}
