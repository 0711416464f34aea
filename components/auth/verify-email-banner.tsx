"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/actions/result";

/** Shown to a signed-in person whose address is not verified yet; `resend` mails a new link. */
export function VerifyEmailBanner({ email, resend }: { email: string; resend: (previous: ActionResult | null) => Promise<ActionResult> }) {
  const [state, action] = useActionState(resend, null);
  return (
    <Alert tone="warning" className="mb-4">
      <form action={action} className="space-y-2">
        <p className="font-semibold">Verify your email address</p>
        <p>
          We sent a link to {email}. Until you open it, you cannot join workspaces you are invited to.
        </p>
        <FormMessage state={state} />
        <SubmitButton variant="secondary" pendingLabel="Sending…">Send the link again</SubmitButton>
      </form>
    </Alert>
  );
}
