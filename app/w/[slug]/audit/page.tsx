import type { Metadata } from "next";
import { buttonClasses } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { FilterSelect } from "@/components/ui/filter-select";
import { Pagination } from "@/components/ui/pagination";
import { auditActionLabels, auditDetails } from "@/lib/audit/labels";
import { auditActors, listAuditEvents } from "@/lib/audit/list";
import { AUDIT_ACTIONS } from "@/lib/audit/record";
import { formatDateTime } from "@/lib/format/datetime";
import { auditQuerySchema } from "@/lib/audit/schemas";
import { workspacePage } from "@/lib/workspaces/page-guard";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage({ params, searchParams }: PageProps<"/w/[slug]/audit">) {
  const { slug } = await params;
  const { workspace } = await workspacePage(slug, "ADMIN");
  const query = auditQuerySchema.parse(await searchParams);
  const [result, actors] = await Promise.all([listAuditEvents(workspace.id, query), auditActors(workspace.id)]);
  const link = (path: string, page?: number) => {
    const search = new URLSearchParams();
    if (query.type) search.set("type", query.type);
    if (query.actor) search.set("actor", query.actor);
    if (page) search.set("page", String(page));
    return `/w/${workspace.slug}/audit${path}?${search}`;
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Audit log</h1>
          <p className="mt-1 text-sm text-slate-600">Every change to credentials and membership: who, when, from where. Events are never edited or deleted.</p>
        </div>
        <a href={link("/export.csv")} className={buttonClasses("secondary")} download>
          Export CSV
        </a>
      </div>
      <form className="flex flex-wrap items-end gap-3" role="search" aria-label="Filter the audit log">
        <FilterSelect
          label="Event"
          name="type"
          value={query.type}
          options={[{ value: "", label: "All events" }, ...AUDIT_ACTIONS.map((action) => ({ value: action, label: auditActionLabels[action] }))]}
        />
        <FilterSelect
          label="Who"
          name="actor"
          value={query.actor}
          options={[{ value: "", label: "Everyone" }, { value: "system", label: "forge365 (no person)" }, ...actors.map((a) => ({ value: a.id, label: a.email }))]}
        />
        <button type="submit" className={buttonClasses("secondary")}>
          Filter
        </button>
      </form>
      <DataTable
        columns={["When", "Event", "Who", "Target", "IP address", "Details"]}
        empty={result.rows.length ? null : query.type || query.actor ? "No event matches these filters." : "Nothing has happened in this workspace yet."}
      >
        {result.rows.map((e) => (
          <tr key={e.id} data-testid="audit-row" data-action={e.action}>
            <td className="whitespace-nowrap px-4 py-2 text-slate-600">{formatDateTime(e.createdAt, workspace)}</td>
            <td className="px-4 py-2 font-medium">{auditActionLabels[e.action as keyof typeof auditActionLabels] ?? e.action}</td>
            <td className="px-4 py-2">{e.actor?.email ?? "forge365"}</td>
            <td className="px-4 py-2">
              <span className="text-xs text-slate-500">{e.targetType}</span> {e.targetLabel ?? e.targetId}
            </td>
            <td className="px-4 py-2 font-mono text-xs">{e.ipAddress ?? ""}</td>
            <td className="max-w-md px-4 py-2 text-xs text-slate-600">{auditDetails(e.metadata)}</td>
          </tr>
        ))}
      </DataTable>
      <Pagination summary={`${result.total} event${result.total === 1 ? "" : "s"}`} page={result.page} pageCount={result.pageCount} href={(page) => link("", page)} />
    </div>
  );
}
