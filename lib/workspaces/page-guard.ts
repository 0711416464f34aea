import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { requireUser, type CurrentUser } from "@/lib/auth/current-user";
import { TwoFactorRequiredError, WorkspaceNotFoundError } from "./errors";
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
    // Outside /w/[slug], whose layout runs this same guard: the page names the workspace and says what to do.
    if (error instanceof TwoFactorRequiredError) redirect(twoFactorRequiredPath(slug));
    throw error;
  }
});

/** Where a member of a workspace that requires two-factor sign-in, without it, is sent instead of the workspace. */
export function twoFactorRequiredPath(slug: string) {
  return `/account/two-factor/required?workspace=${encodeURIComponent(slug)}`;
}

/**
 * The guard as pages and layouts use it: sign-in first, then 404 for non-members, the two-factor page
 * where the workspace requires it, and 403 below the role.
 */
export async function workspacePage(slug: string, minimumRole: Role = "VIEWER") {
  const context = await membershipOf(slug);
  if (!hasRole(context.role, minimumRole)) forbidden();
  return context;
}
