"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { requireTwoFactorAction } from "./actions";

/** One button that sets the requirement to the other state. */
export function TwoFactorRequirementForm({ slug, required, ownerHasTwoFactor }: { slug: string; required: boolean; ownerHasTwoFactor: boolean }) {
  const [state, action] = useActionState(requireTwoFactorAction, null);
  return (
    <form action={action} className="space-y-3" aria-label="Two-factor requirement">
      <input type="hidden" name="workspace" value={slug} />
      <input type="hidden" name="requireTwoFactor" value={required ? "off" : "on"} />
      <FormMessage state={state} />
      {required ? (
        <SubmitButton variant="secondary" pendingLabel="Saving…">
          Stop requiring two-factor sign-in
        </SubmitButton>
      ) : (
        <SubmitButton disabled={!ownerHasTwoFactor} pendingLabel="Saving…">
          Require two-factor sign-in
        </SubmitButton>
      )}
    </form>
  );
}
