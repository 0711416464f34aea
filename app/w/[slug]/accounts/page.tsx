import type { Metadata } from "next";
import Link from "next/link";
import { SecretExpiryBadge } from "@/components/accounts/secret-expiry-badge";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { listAccounts } from "@/lib/accounts/accounts";
import { cloudLabel } from "@/lib/accounts/microsoft-app";
import { pageQuerySchema } from "@/lib/validation/page-query";
import { workspacePage } from "@/lib/workspaces/page-guard";
import { hasRole } from "@/lib/workspaces/roles";

export const metadata: Metadata = { title: "Microsoft 365 accounts" };

export default async function AccountsPage({ params, searchParams }: PageProps<"/w/[slug]/accounts">) {
  const { slug } = await params;
  const { workspace, role } = await workspacePage(slug);
  const query = pageQuerySchema.parse(await searchParams);
  const accounts = await listAccounts(workspace.id, query.page);
  const canAdd = hasRole(role, "MEMBER");
  const addLink = (
    <Link href={`/w/${workspace.slug}/accounts/new`} className={buttonClasses("primary")}>
      Add Microsoft 365 account
    </Link>
  );

  if (accounts.total === 0) {
    return (
      <Card className="py-12 text-center">
        <h1 className="text-lg font-semibold">No Microsoft 365 accounts yet</h1>
        <p className="mx-auto mt-2 max-w-md text-sm text-slate-600">
          Add the client's Entra ID app registration (tenant ID, client ID and client secret) and the mailboxes that
          send through it.
        </p>
        <div className="mt-6">{canAdd ? addLink : <p className="text-sm text-slate-500">Members and above can add accounts.</p>}</div>
      </Card>
    );
  }

  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Microsoft 365 accounts</h1>
        {canAdd ? addLink : null}
      </div>
      <DataTable columns={["Account", "Tenant", "Mailboxes", "Client secret"]}>
        {accounts.rows.map((a) => (
          <tr key={a.id} data-testid="account-row">
            <td className="px-4 py-3">
              <Link href={`/w/${workspace.slug}/accounts/${a.id}`} className="font-semibold text-blue-700 hover:underline">
                {a.label}
              </Link>
              <div className="text-xs text-slate-500">{cloudLabel(a.cloud)}</div>
            </td>
            <td className="px-4 py-3 font-mono text-xs">{a.tenant}</td>
            <td className="px-4 py-3">{a._count.mailboxes}</td>
            <td className="px-4 py-3">
              <SecretExpiryBadge expiresOn={a.secretExpiresOn} prefs={workspace} />
            </td>
          </tr>
        ))}
      </DataTable>
      <Pagination
        summary={`${accounts.total} account${accounts.total === 1 ? "" : "s"}`}
        page={accounts.page}
        pageCount={accounts.pageCount}
        href={(page) => `/w/${workspace.slug}/accounts?page=${page}`}
      />
    </div>
  );
}
