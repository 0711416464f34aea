import type { ActionResult } from "@/lib/actions/result";
import { Alert } from "./alert";

/** The form-level outcome of an action; field messages are shown beside their fields. */
export function FormMessage({ state }: { state: ActionResult<unknown> | null }) {
  if (!state) return null;
  if (state.ok) return state.message ? <Alert tone="success">{state.message}</Alert> : null;
  return <Alert tone="error">{state.error}</Alert>;
}
