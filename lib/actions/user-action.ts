import type { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import type { ActionResult } from "./result";
import { runParsed } from "./run";

/** Actions that belong to the signed-in person rather than to a workspace. */
export function userAction<S extends z.ZodType, T>(
  name: string,
  schema: S,
  run: (user: CurrentUser, input: z.infer<S>) => Promise<ActionResult<T>>,
) {
  return async (_previous: ActionResult<T> | null, formData: FormData): Promise<ActionResult<T>> => {
    const user = await getCurrentUser();
    if (!user) return { ok: false, error: "Your session has ended. Sign in again." };
    return runParsed(schema, formData, (input) => run(user, input), name);
  };
}
