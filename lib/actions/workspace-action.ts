import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import type { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { clientIp } from "@/lib/auth/request-meta";
import { requireMembership, type WorkspaceContext } from "@/lib/workspaces/guard";
import { type Actor, actorOf } from "@/lib/workspaces/actor";
import type { Role } from "@/lib/workspaces/roles";
import type { ActionResult } from "./result";
import { refusal, runParsed } from "./run";

export interface WorkspaceActionContext extends WorkspaceContext {
  user: CurrentUser;
  /** Who is acting where, as the domain's audited functions take it. */
  actor: Actor;
}

export interface WorkspaceActionDefinition<S extends z.ZodType = z.ZodType, T = unknown> {
  /** Stable name, used in logs and by the isolation matrix. */
  name: string;
  /** The least role allowed to call it. */
  role: Role;
  /** A function of the caller's workspace when parsing depends on it (dates typed in its format). */
  schema: S | ((ctx: WorkspaceContext) => S);
  run(ctx: WorkspaceActionContext, input: z.infer<S>): Promise<ActionResult<T>>;
}

export type WorkspaceAction<T = unknown> = ((
  previous: ActionResult<T> | null,
  formData: FormData,
) => Promise<ActionResult<T>>) & { definition: WorkspaceActionDefinition };

/**
 * Every server action that touches a workspace is built here: the guard runs before the input is
 * even parsed, with the workspace named by the form's `workspace` field. A change refreshes every
 * page of that workspace.
 */
export function workspaceAction<S extends z.ZodType, T>(definition: WorkspaceActionDefinition<S, T>): WorkspaceAction<T> {
  const action = async (_previous: ActionResult<T> | null, formData: FormData) => {
    const ipAddress = clientIp(await headers());
    const result = await executeWorkspaceAction(definition, await getCurrentUser(), formData, { ipAddress });
    if (result.ok) revalidatePath(`/w/${String(formData.get("workspace"))}`, "layout");
    return result;
  };
  return Object.assign(action, { definition: definition as unknown as WorkspaceActionDefinition });
}

export async function executeWorkspaceAction<S extends z.ZodType, T>(
  definition: WorkspaceActionDefinition<S, T>,
  user: CurrentUser | null,
  formData: FormData,
  meta: { ipAddress?: string | null } = {},
): Promise<ActionResult<T>> {
  let ctx: WorkspaceContext;
  try {
    ctx = await requireMembership(user?.id, String(formData.get("workspace") ?? ""), definition.role);
  } catch (error) {
    return refusal(error, null, definition.name);
  }
  const schema = typeof definition.schema === "function" ? definition.schema(ctx) : definition.schema;
  return runParsed(schema, formData, (input) => definition.run({ ...ctx, user: user!, actor: actorOf(ctx, meta.ipAddress ?? null) }, input), definition.name);
}
