import type { WorkspaceContext } from "./guard";
import type { Role } from "./roles";

/**
 * A person acting in a workspace, as the guard admitted them: the role decides what a change may do,
 * and the rest is what its audit event records. Every audited change of the domain takes one.
 */
export interface Actor {
  workspaceId: string;
  userId: string;
  role: Role;
  /** Where the request came from, when it came over HTTP. */
  ipAddress?: string | null;
}

export function actorOf(context: WorkspaceContext, ipAddress?: string | null): Actor {
  return { workspaceId: context.workspace.id, userId: context.userId, role: context.role, ipAddress };
}
