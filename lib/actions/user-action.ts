import type { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import type { ActionResult } from "./result";
import { runParsed } from "./run";

export interface UserActionDefinition<S extends z.ZodType = z.ZodType, T = unknown> {
  name: string;
  schema: S;
  run(user: CurrentUser, input: z.infer<S>): Promise<ActionResult<T>>;
}

/** Actions that belong to the signed-in person rather than to a workspace. */
export function userAction<S extends z.ZodType, T>(definition: UserActionDefinition<S, T>) {
  const action = async (_previous: ActionResult<T> | null, formData: FormData) =>
    executeUserAction(definition, await getCurrentUser(), formData);
  return Object.assign(action, { definition: definition as unknown as UserActionDefinition });
}

export async function executeUserAction<S extends z.ZodType, T>(
  definition: UserActionDefinition<S, T>,
  user: CurrentUser | null,
  formData: FormData,
): Promise<ActionResult<T>> {
  if (!user) return { ok: false, error: "Your session has ended. Sign in again." };
  return runParsed(definition.schema, formData, (input) => definition.run(user, input), definition.name);
}
