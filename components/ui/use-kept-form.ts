"use client";

import { type FormEvent, startTransition, useActionState, useEffect, useState } from "react";
import type { ActionResult } from "@/lib/actions/result";

/**
 * Submits a form to a server action without React's reset after the action, so a rejected form
 * keeps everything typed, secrets included, without the server ever sending them back.
 * `form` must be spread on the <form> and `pending` and `ready` passed to its SubmitButton: until the
 * page is interactive the button stays disabled, and POST keeps a typed secret out of any URL even then.
 */
export function useKeptForm<T>(action: (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>) {
  const [state, dispatch, pending] = useActionState(action, null);
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  };
  return { state, form: { onSubmit, method: "post" }, pending, ready, fieldErrors: state && !state.ok ? state.fieldErrors : undefined };
}
