"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { connectMailboxAction, disconnectMailboxAction } from "./actions";

interface MailboxRef {
  slug: string;
  mailboxId: string;
  address: string;
}

function Hidden({ slug, mailboxId }: MailboxRef) {
  return (
    <>
      <input type="hidden" name="workspace" value={slug} />
      <input type="hidden" name="mailboxId" value={mailboxId} />
    </>
  );
}

/** Sends the browser to Microsoft's sign-in; it comes back to the mailbox's page. */
export function ConnectButton({ label, ...ref }: MailboxRef & { label: "Connect with Microsoft" | "Reconnect" }) {
  const [state, action] = useActionState(connectMailboxAction, null);
  return (
    <form action={action} aria-label={`${label}: ${ref.address}`}>
      <Hidden {...ref} />
      <SubmitButton variant={label === "Reconnect" ? "secondary" : "primary"} pendingLabel="Opening Microsoft…">
        {label}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function DisconnectButton(ref: MailboxRef) {
  const [state, action] = useActionState(disconnectMailboxAction, null);
  return (
    <form
      action={action}
      aria-label={`Disconnect ${ref.address}`}
      onSubmit={(e) => {
        if (!confirm(`Disconnect ${ref.address}? forge365 forgets its sign-in, and tests stop until someone connects it again.`)) e.preventDefault();
      }}
    >
      <Hidden {...ref} />
      <SubmitButton variant="ghost" pendingLabel="Disconnecting…">
        Disconnect
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
