"use client";

import { type FormEvent, startTransition, useActionState } from "react";
import type { ActionResult } from "@/lib/actions/result";

/**
 * Submits a form to a server action without React's reset after the action, so a rejected form
 * keeps everything typed, secrets included, without the server ever sending them back.
 */
export function useKeptForm<T>(action: (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>) {
  const [state, dispatch, pending] = useActionState(action, null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  };
  return { state, onSubmit, pending, fieldErrors: state && !state.ok ? state.fieldErrors : undefined };
}
