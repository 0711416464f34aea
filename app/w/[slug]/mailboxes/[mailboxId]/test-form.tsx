"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useKeptForm } from "@/components/ui/use-kept-form";
import { testMailboxAction } from "../actions";

export function TestConnectionForm({ slug, mailboxId, defaultRecipient }: { slug: string; mailboxId: string; defaultRecipient: string }) {
  const router = useRouter();
  const { state, form, pending, ready, fieldErrors } = useKeptForm(testMailboxAction);
  useEffect(() => {
    if (state?.ok) router.replace(`/w/${slug}/mailboxes/${mailboxId}?test=${state.data.testId}`);
  }, [state, router, slug, mailboxId]);
  return (
    <form {...form} className="space-y-3" noValidate aria-label="Test Connection">
      <input type="hidden" name="workspace" value={slug} />
      <input type="hidden" name="mailboxId" value={mailboxId} />
      {state && !state.ok ? <FormMessage state={state} /> : null}
      <TextField label="Send the test mail to" name="recipient" type="email" defaultValue={defaultRecipient} errors={fieldErrors?.recipient} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="dryRun" className="rounded border-slate-300" />
        Dry run: check token, permissions and mailbox without sending
      </label>
      <SubmitButton pending={pending} ready={ready} pendingLabel="Starting…">
        Test Connection
      </SubmitButton>
    </form>
  );
}
