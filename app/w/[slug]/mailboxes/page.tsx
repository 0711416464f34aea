import type { Metadata } from "next";
import Link from "next/link";
import { MailboxStatusBadge, mailboxStatusLabels } from "@/components/accounts/mailbox-status-badge";
import { buttonClasses } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { FilterSelect } from "@/components/ui/filter-select";
import { Pagination } from "@/components/ui/pagination";
import { SearchField } from "@/components/ui/search-field";
import { TestAllForm } from "@/components/connection-checks/test-all-form";
import { countMailboxes, listMailboxes } from "@/lib/accounts/mailboxes";
import { hasRole } from "@/lib/workspaces/roles";
import { formatDateTime } from "@/lib/format/datetime";
import { MAILBOX_STATUSES, mailboxQuerySchema } from "@/lib/accounts/schemas";
import { workspacePage } from "@/lib/workspaces/page-guard";

export const metadata: Metadata = { title: "Mailboxes" };

export default async function MailboxesPage({ params, searchParams }: PageProps<"/w/[slug]/mailboxes">) {
  const { slug } = await params;
  const { workspace, role, user } = await workspacePage(slug);
  const query = mailboxQuerySchema.parse(await searchParams);
  const [result, workspaceTotal] = await Promise.all([
    listMailboxes(workspace.id, { search: query.q, status: query.status, page: query.page }),
    countMailboxes(workspace.id),
  ]);
  const pageLink = (page: number) => {
    const search = new URLSearchParams();
    if (query.q) search.set("q", query.q);
    if (query.status) search.set("status", query.status);
    search.set("page", String(page));
    return `/w/${workspace.slug}/mailboxes?${search}`;
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Mailboxes</h1>
        {hasRole(role, "MEMBER") ? <TestAllForm slug={workspace.slug} defaultRecipient={user.email} count={workspaceTotal} /> : null}
      </div>
      <form className="flex flex-wrap items-end gap-3" role="search">
        <SearchField value={query.q} placeholder="address contains…" />
        <FilterSelect
          label="Status"
          name="status"
          value={query.status}
          options={[{ value: "", label: "All" }, ...MAILBOX_STATUSES.map((s) => ({ value: s, label: mailboxStatusLabels[s] }))]}
        />
        <button type="submit" className={buttonClasses("secondary")}>
          Filter
        </button>
      </form>
      <DataTable
        columns={["Mailbox", "Account", "Status", "Last test", <span key="actions" className="sr-only">Actions</span>]}
        empty={result.rows.length ? null : query.q || query.status ? "No mailbox matches these filters." : "No mailboxes yet. Add a Microsoft 365 account first."}
      >
        {result.rows.map((m) => (
          <tr key={m.id} data-testid="mailbox-row">
            <td className="px-4 py-2 font-mono text-xs">
              <Link href={`/w/${workspace.slug}/mailboxes/${m.id}`} className="text-blue-700 hover:underline">
                {m.address}
              </Link>
            </td>
            <td className="px-4 py-2">
              <Link href={`/w/${workspace.slug}/accounts/${m.appRegistration.id}`} className="text-blue-700 hover:underline">
                {m.appRegistration.label}
              </Link>
            </td>
            <td className="px-4 py-2"><MailboxStatusBadge status={m.status} /></td>
            <td className="px-4 py-2 text-slate-600">{m.lastTestedAt ? formatDateTime(m.lastTestedAt, workspace) : "Never"}</td>
            <td className="px-4 py-2 text-right">
              <Link href={`/w/${workspace.slug}/mailboxes/${m.id}`} className="rounded-md px-2 py-1 text-xs font-semibold ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
                Test Connection
              </Link>
            </td>
          </tr>
        ))}
      </DataTable>
      <Pagination summary={`${result.total} mailbox${result.total === 1 ? "" : "es"}`} page={result.page} pageCount={result.pageCount} href={pageLink} />
    </div>
  );
}
