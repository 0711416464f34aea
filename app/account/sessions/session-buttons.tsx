"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { revokeOtherSessionsAction, revokeSessionAction } from "./actions";

export function RevokeSessionButton({ sessionId, device }: { sessionId: string; device: string }) {
  const [state, action] = useActionState(revokeSessionAction, null);
  return (
    <form action={action} aria-label={`Sign out ${device}`}>
      <input type="hidden" name="sessionId" value={sessionId} />
      <SubmitButton variant="secondary" pendingLabel="Signing out…">
        Sign out
      </SubmitButton>
      {state && !state.ok ? <FormMessage state={state} /> : null}
    </form>
  );
}

export function RevokeOtherSessionsButton({ disabled }: { disabled: boolean }) {
  const [state, action] = useActionState(revokeOtherSessionsAction, null);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <SubmitButton variant="danger" pendingLabel="Signing out…" disabled={disabled}>
        Sign out all other sessions
      </SubmitButton>
    </form>
  );
}
