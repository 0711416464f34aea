import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { logError } from "@/lib/log";
import { NotAllowedError, WorkspaceNotFoundError } from "@/lib/workspaces/errors";
import { UserFacingError } from "@/lib/errors";
import { type ActionResult, echoValues, fieldErrorsOf, formDataToObject } from "./result";

/**
 * Parses a form with its schema, runs the handler, and turns every refusal into an ActionResult.
 * Anything unexpected is logged server-side with a reference; the user never sees a stack.
 */
export async function runParsed<S extends z.ZodType, T>(
  schema: S,
  formData: FormData,
  handler: (input: z.infer<S>) => Promise<ActionResult<T>>,
  actionName: string,
): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(formDataToObject(formData));
  if (!parsed.success) {
    return {
      ok: false,
      error: "Some fields need your attention.",
      fieldErrors: fieldErrorsOf(parsed.error),
      values: echoValues(formData),
    };
  }
  try {
    return await handler(parsed.data);
  } catch (error) {
    return refusal(error, formData, actionName);
  }
}

export function refusal<T>(error: unknown, formData: FormData | null, actionName: string): ActionResult<T> {
  unstable_rethrow(error);
  const values = formData ? echoValues(formData) : undefined;
  if (error instanceof WorkspaceNotFoundError || error instanceof NotAllowedError) {
    return { ok: false, error: error.message, values };
  }
  if (error instanceof UserFacingError) {
    return { ok: false, error: error.message, values, fieldErrors: error.field ? { [error.field]: [error.message] } : undefined };
  }
  const reference = logError(error, { action: actionName });
  return { ok: false, error: `Something went wrong on our side (reference ${reference}). Nothing was changed.`, values };
}
