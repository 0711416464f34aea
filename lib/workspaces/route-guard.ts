import { getCurrentUser } from "@/lib/auth/current-user";
import { escapeHtml } from "@/lib/format/html";
import { NotAllowedError, TwoFactorRequiredError, WorkspaceNotFoundError } from "./errors";
import { requireMembership, type WorkspaceContext } from "./guard";
import type { Role } from "./roles";

function page(status: number, title: string, text: string, link = { href: "/", text: "Back to your workspaces" }) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1><p>${text}</p><p><a href="${link.href}">${link.text}</a></p></main></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

/** The guard's refusals as a route handler returns them; null for any other error. */
export function guardRefusal(error: unknown): Response | null {
  if (error instanceof WorkspaceNotFoundError) {
    return page(404, "Workspace not found", "This workspace doesn't exist, or you're not a member of it.");
  }
  if (error instanceof NotAllowedError) return page(403, "Not allowed", error.message);
  if (error instanceof TwoFactorRequiredError) {
    // The message names the workspace, whose name its admins chose.
    return page(403, "Two-factor sign-in required", escapeHtml(error.message), { href: "/account/two-factor", text: "Turn on two-factor sign-in" });
  }
  return null;
}

/**
 * The guard as route handlers (downloads) use it: the same answers as pages give, 404 for a visitor
 * who is not a member (signed in or not) and 403 below the role, as a Response to return.
 */
export async function workspaceRoute(slug: string, minimumRole: Role): Promise<WorkspaceContext | Response> {
  try {
    return await requireMembership((await getCurrentUser())?.id, slug, minimumRole);
  } catch (error) {
    const refusal = guardRefusal(error);
    if (refusal) return refusal;
    throw error;
  }
}

/** A file download that no shared cache keeps. */
export function download(body: BodyInit, filename: string, contentType: string) {
  return new Response(body, {
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${filename.replace(/[^\w.-]+/g, "-")}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
