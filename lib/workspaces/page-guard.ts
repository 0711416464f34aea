import { forbidden, notFound } from "next/navigation";
import { cache } from "react";
import { requireUser, type CurrentUser } from "@/lib/auth/current-user";
import { NotAllowedError, WorkspaceNotFoundError } from "./errors";
import { requireMembership, type WorkspaceContext } from "./guard";
import type { Role } from "./roles";

/**
 * The guard as pages and layouts use it: sign-in first, then 404 for non-members and 403 below
 * the role. Cached per request, so a layout and its page share one membership query.
 */
export const workspacePage = cache(
  async (slug: string, minimumRole: Role = "VIEWER"): Promise<WorkspaceContext & { user: CurrentUser }> => {
    const user = await requireUser(`/w/${encodeURIComponent(slug)}`);
    try {
      return { ...(await requireMembership(user.id, slug, minimumRole)), user };
    } catch (error) {
      if (error instanceof WorkspaceNotFoundError) notFound();
      if (error instanceof NotAllowedError) forbidden();
      throw error;
    }
  },
);
