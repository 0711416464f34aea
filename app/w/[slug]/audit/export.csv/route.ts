import { allAuditEvents } from "@/lib/audit/list";
import { auditCsvHeader, auditCsvRows } from "@/lib/audit/csv";
import { auditQuerySchema } from "@/lib/audit/schemas";
import { download, workspaceRoute } from "@/lib/workspaces/route-guard";

export async function GET(request: Request, { params }: RouteContext<"/w/[slug]/audit/export.csv">) {
  const { slug } = await params;
  const ctx = await workspaceRoute(slug, "ADMIN");
  if (ctx instanceof Response) return ctx;
  const query = auditQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const encoder = new TextEncoder();
  const events = allAuditEvents(ctx.workspace.id, query);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(auditCsvHeader()));
    },
    async pull(controller) {
      const next = await events.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(auditCsvRows(next.value, ctx.workspace)));
    },
  });
  return download(body, `${ctx.workspace.slug}-audit-log.csv`, "text/csv; charset=utf-8");
}
