"use client";

import { useActionState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { removeWebhookAction, setWebhookAction } from "./actions";

export function WebhookForm({ slug, url, hasSecret }: { slug: string; url: string | null; hasSecret: boolean }) {
  const [state, action] = useActionState(setWebhookAction, null);
  const failed = state && !state.ok ? state : undefined;
  const secret = state?.ok ? state.data.secret : null;
  return (
    <form action={action} className="max-w-lg space-y-4" noValidate aria-label="Webhook">
      <input type="hidden" name="workspace" value={slug} />
      <FormMessage state={state} />
      {secret ? (
        <div className="space-y-2 rounded-md bg-amber-50 p-3 ring-1 ring-amber-200">
          <TextField label="Signing secret" name="signing-secret-display" value={secret} readOnly className="font-mono text-xs" />
          <CopyButton text={secret} label="Copy secret" />
        </div>
      ) : null}
      <TextField
        label="Webhook URL"
        name="url"
        type="url"
        defaultValue={failed?.values?.url ?? url ?? ""}
        placeholder="https://hooks.example.com/forge365"
        hint="Receives a signed JSON POST when an account starts failing, recovers, or its secret nears expiry."
        errors={failed?.fieldErrors?.url}
      />
      {hasSecret ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="regenerate" /> Generate a new signing secret (the old one stops working at once)
        </label>
      ) : null}
      <SubmitButton pendingLabel="Saving…">Save webhook</SubmitButton>
    </form>
  );
}

export function RemoveWebhookButton({ slug }: { slug: string }) {
  const [state, action] = useActionState(removeWebhookAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="workspace" value={slug} />
      <FormMessage state={state} />
      <SubmitButton variant="danger" pendingLabel="Removing…">Remove webhook</SubmitButton>
    </form>
  );
}
