import { secretExpiryCalendar } from "@/lib/accounts/calendar";
import { db } from "@/lib/db/client";
import { download, workspaceRoute } from "@/lib/workspaces/route-guard";

export async function GET(_request: Request, { params }: RouteContext<"/w/[slug]/accounts/[accountId]/calendar.ics">) {
  const { slug, accountId } = await params;
  const ctx = await workspaceRoute(slug, "VIEWER");
  if (ctx instanceof Response) return ctx;
  const account = await db.appRegistration.findFirst({
    where: { id: accountId, workspaceId: ctx.workspace.id },
    select: { id: true, label: true, tenant: true, clientId: true, secretExpiresOn: true },
  });
  if (!account) return new Response("Not found", { status: 404 });
  return download(secretExpiryCalendar({ workspace: ctx.workspace, account }), `${account.label}-secret-expiry.ics`, "text/calendar; charset=utf-8");
}
