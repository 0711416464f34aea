import { db } from "@/lib/db/client";
import type { WorkspaceEnvironment } from "@/lib/db/generated/prisma/enums";
import { NotAllowedError, TwoFactorRequiredError, WorkspaceNotFoundError } from "./errors";
import { hasRole, type Role } from "./roles";

export interface WorkspaceContext {
  userId: string;
  role: Role;
  /** locale and timeZone are the workspace's date and time preferences, ready for lib/format. */
  workspace: { id: string; slug: string; name: string; environment: WorkspaceEnvironment; locale: string; timeZone: string };
}

/**
 * The one authorization guard: every page, action and route that touches workspace data goes
 * through it. Membership is queried, never inferred, and a non-member cannot tell a workspace
 * they are not in from one that does not exist. A workspace that requires two-factor sign-in admits
 * only members who have it on, whatever their role, so no page, action or route can forget to ask.
 */
export async function requireMembership(
  userId: string | null | undefined,
  slug: string,
  minimumRole: Role,
): Promise<WorkspaceContext> {
  if (!userId || typeof slug !== "string" || slug.length > 64) throw new WorkspaceNotFoundError();
  const membership = await db.membership.findFirst({
    where: { userId, workspace: { slug } },
    select: {
      role: true,
      workspace: { select: { id: true, slug: true, name: true, environment: true, locale: true, timeZone: true, requireTwoFactor: true } },
      user: { select: { totpEnabledAt: true } },
    },
  });
  if (!membership) throw new WorkspaceNotFoundError();
  const { requireTwoFactor, ...workspace } = membership.workspace;
  if (requireTwoFactor && !membership.user.totpEnabledAt) throw new TwoFactorRequiredError(workspace.name);
  if (!hasRole(membership.role, minimumRole)) throw new NotAllowedError(minimumRole);
  return { userId, role: membership.role, workspace };
}
