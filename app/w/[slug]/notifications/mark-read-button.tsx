"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { markNotificationsReadAction } from "./actions";

export function MarkReadButton({ slug }: { slug: string }) {
  const [state, action] = useActionState(markNotificationsReadAction, null);
  return (
    <form action={action} className="flex items-center gap-3">
      <input type="hidden" name="workspace" value={slug} />
      <FormMessage state={state} />
      <SubmitButton variant="secondary" pendingLabel="Marking…">Mark all as read</SubmitButton>
    </form>
  );
}
