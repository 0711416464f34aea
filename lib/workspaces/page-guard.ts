import { forbidden, notFound } from "next/navigation";
import { cache } from "react";
import { requireUser, type CurrentUser } from "@/lib/auth/current-user";
import { WorkspaceNotFoundError } from "./errors";
import { requireMembership, type WorkspaceContext } from "./guard";
import { hasRole, type Role } from "./roles";

/**
 * Sign-in and membership, once per request and workspace: the layout and a page that needs a
 * higher role (the audit log, admins and up) share one session and one membership query.
 */
const membershipOf = cache(async (slug: string): Promise<WorkspaceContext & { user: CurrentUser }> => {
  const user = await requireUser(`/w/${encodeURIComponent(slug)}`);
  try {
    return { ...(await requireMembership(user.id, slug, "VIEWER")), user };
  } catch (error) {
    if (error instanceof WorkspaceNotFoundError) notFound();
    throw error;
  }
});

/** The guard as pages and layouts use it: sign-in first, then 404 for non-members and 403 below the role. */
export async function workspacePage(slug: string, minimumRole: Role = "VIEWER") {
  const context = await membershipOf(slug);
  if (!hasRole(context.role, minimumRole)) forbidden();
  return context;
}
