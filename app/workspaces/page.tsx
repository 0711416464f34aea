import type { Metadata } from "next";
import Link from "next/link";
import { signOutAction } from "@/app/(auth)/actions";
import { VerifyEmailNotice } from "@/app/(auth)/verify-email/notice";
import { buttonClasses } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { SearchField } from "@/components/ui/search-field";
import { EnvironmentBadge } from "@/components/workspaces/environment-badge";
import { UserShell } from "@/components/workspaces/user-shell";
import { requireUser } from "@/lib/auth/current-user";
import { workspaceQuerySchema } from "@/lib/workspaces/schemas";
import { roleLabels } from "@/lib/workspaces/roles";
import { listWorkspacesOf } from "@/lib/workspaces/workspaces";

export const metadata: Metadata = { title: "Workspaces" };

export default async function WorkspacesPage({ searchParams }: PageProps<"/workspaces">) {
  const user = await requireUser("/workspaces");
  const query = workspaceQuerySchema.parse(await searchParams);
  const result = await listWorkspacesOf(user.id, { page: query.page, search: query.q });
  const link = (page: number) => `/workspaces?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), page: String(page) })}`;

  return (
    <UserShell email={user.email} signOut={signOutAction}>
      <main className="mx-auto max-w-6xl space-y-6 px-4 py-6">
        <VerifyEmailNotice userId={user.id} />
        <div className="flex items-center justify-between gap-4">
          <h1 className="text-2xl font-semibold">Workspaces</h1>
          <Link href="/workspaces/new" className={buttonClasses("primary")}>
            New workspace
          </Link>
        </div>
        <form className="flex flex-wrap items-end gap-3" role="search" aria-label="Find a workspace">
          <SearchField value={query.q} placeholder="name contains…" />
          <button type="submit" className={buttonClasses("secondary")}>
            Find
          </button>
        </form>
        <DataTable
          columns={["Workspace", "Environment", "Your role"]}
          empty={result.rows.length ? null : query.q ? "No workspace of yours has this in its name." : "You are not a member of any workspace yet."}
        >
          {result.rows.map((w) => (
            <tr key={w.slug} data-testid="workspace-row">
              <td className="px-4 py-3">
                <Link href={`/w/${w.slug}`} className="font-semibold text-blue-700 hover:underline">
                  {w.name}
                </Link>
              </td>
              <td className="px-4 py-3">
                <EnvironmentBadge environment={w.environment} />
              </td>
              <td className="px-4 py-3">{roleLabels[w.role]}</td>
            </tr>
          ))}
        </DataTable>
        <Pagination summary={`${result.total} workspace${result.total === 1 ? "" : "s"}`} page={result.page} pageCount={result.pageCount} href={link} />
      </main>
    </UserShell>
  );
}
