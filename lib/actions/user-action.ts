import { headers } from "next/headers";
import type { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { clientIp } from "@/lib/auth/request-meta";
import type { ActionResult } from "./result";
import { runParsed } from "./run";

export interface UserActionDefinition<S extends z.ZodType = z.ZodType, T = unknown> {
  name: string;
  schema: S;
  /** `request.ipAddress` keys the per-IP limits of checks such as the current password. */
  run(user: CurrentUser, input: z.infer<S>, request: { ipAddress: string }): Promise<ActionResult<T>>;
}

/** Actions that belong to the signed-in person rather than to a workspace. */
export function userAction<S extends z.ZodType, T>(definition: UserActionDefinition<S, T>) {
  const action = async (_previous: ActionResult<T> | null, formData: FormData) =>
    executeUserAction(definition, await getCurrentUser(), formData, { ipAddress: clientIp(await headers()) });
  return Object.assign(action, { definition: definition as unknown as UserActionDefinition });
}

export async function executeUserAction<S extends z.ZodType, T>(
  definition: UserActionDefinition<S, T>,
  user: CurrentUser | null,
  formData: FormData,
  meta: { ipAddress?: string | null } = {},
): Promise<ActionResult<T>> {
  if (!user) return { ok: false, error: "Your session has ended. Sign in again." };
  const request = { ipAddress: meta.ipAddress ?? "unknown" };
  return runParsed(definition.schema, formData, (input) => definition.run(user, input, request), definition.name);
}
