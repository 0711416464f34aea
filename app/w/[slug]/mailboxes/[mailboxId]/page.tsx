import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MailboxStatusBadge, mailboxStatusMeaning } from "@/components/accounts/mailbox-status-badge";
import { TestResult } from "@/components/connection-checks/test-result";
import { AutoRefresh } from "@/components/ui/auto-refresh";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { sandboxUrl } from "@/lib/microsoft/sandbox";
import { diagnosticsText, findMailbox, isInProgress, mailboxTests } from "@/lib/connection-checks/queries";
import { formatDateTime } from "@/lib/format/datetime";
import { workspacePage } from "@/lib/workspaces/page-guard";
import { hasRole } from "@/lib/workspaces/roles";
import { ConnectionCard } from "./connection-card";
import { TestConnectionForm } from "./test-form";

export const metadata: Metadata = { title: "Mailbox" };

export default async function MailboxPage({ params, searchParams }: PageProps<"/w/[slug]/mailboxes/[mailboxId]">) {
  const { slug, mailboxId } = await params;
  const { test: testId, page, connected, connectError } = await searchParams;
  const { workspace, role, user } = await workspacePage(slug);
  const mailbox = await findMailbox(workspace.id, mailboxId);
  if (!mailbox) notFound();
  const tests = await mailboxTests(workspace.id, mailbox.id, {
    testId: typeof testId === "string" ? testId : undefined,
    page: Number(typeof page === "string" ? page : 1) || 1,
  });
  const sandbox = mailbox.appRegistration.cloud === "SANDBOX" ? sandboxUrl() : undefined;

  return (
    <div className="space-y-6">
      <AutoRefresh active={isInProgress(tests.current)} />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="font-mono text-xl font-semibold">{mailbox.address}</h1>
        <MailboxStatusBadge status={mailbox.status} />
      </div>
      <p className="text-sm text-slate-700" data-testid="status-meaning">
        {mailboxStatusMeaning(mailbox.status)}
      </p>
      <p className="text-sm text-slate-600">
        Sends through{" "}
        <Link href={`/w/${workspace.slug}/accounts/${mailbox.appRegistration.id}`} className="font-semibold text-blue-700 hover:underline">
          {mailbox.appRegistration.label}
        </Link>
        . Last tested: {mailbox.lastTestedAt ? formatDateTime(mailbox.lastTestedAt, workspace) : "never"}.
        {sandbox ? (
          <>
            {" "}
            <a href={`${sandbox}/`} target="_blank" rel="noreferrer" className="font-semibold text-blue-700 hover:underline">
              Open the sandbox inbox
            </a>
          </>
        ) : null}
      </p>
      {mailbox.appRegistration.permissionMode === "DELEGATED" ? (
        <ConnectionCard slug={workspace.slug} userId={user.id} canConnect={hasRole(role, "MEMBER")} mailbox={mailbox} outcome={{ connected, connectError }} prefs={workspace} />
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[22rem_minmax(0,1fr)]">
        <Card title="Test Connection" description="Proves, step by step, that this mailbox can send.">
          {hasRole(role, "MEMBER") ? (
            <TestConnectionForm slug={workspace.slug} mailboxId={mailbox.id} defaultRecipient={user.email} />
          ) : (
            <p className="text-sm text-slate-500">Members and above can run tests.</p>
          )}
        </Card>
        <Card title="Result">
          {tests.current ? (
            <TestResult test={tests.current} diagnostics={diagnosticsText(tests.current, mailbox, workspace.name)} prefs={workspace} />
          ) : (
            <p className="text-sm text-slate-500">No test yet.</p>
          )}
        </Card>
      </div>
      <Card title={`History (${tests.total})`}>
        {tests.history.length ? (
          <table className="min-w-full text-sm">
            <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="py-2 pr-4">When</th>
                <th className="py-2 pr-4">Kind</th>
                <th className="py-2 pr-4">Outcome</th>
                <th className="py-2 pr-4">Code</th>
                <th className="py-2">Duration</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tests.history.map((t) => (
                <tr key={t.id} data-testid="history-row">
                  <td className="py-2 pr-4">
                    <Link href={`/w/${workspace.slug}/mailboxes/${mailbox.id}?test=${t.id}`} className="text-blue-700 hover:underline">
                      {formatDateTime(t.createdAt, workspace)}
                    </Link>
                  </td>
                  <td className="py-2 pr-4">{t.dryRun ? "Dry run" : "Send"}</td>
                  <td className="py-2 pr-4">
                    <Badge tone={t.status === "PASSED" ? "green" : t.status === "FAILED" ? "red" : "neutral"}>{t.status.toLowerCase()}</Badge>
                  </td>
                  <td className="py-2 pr-4 font-mono text-xs">{t.errorCode ?? ""}</td>
                  <td className="py-2">{t.durationMs !== null ? `${t.durationMs} ms` : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="text-sm text-slate-500">Past tests of this mailbox will be listed here.</p>
        )}
        {tests.pageCount > 1 ? (
          <nav className="mt-3 flex gap-3 text-sm" aria-label="History pages">
            {tests.page > 1 ? <Link href={`?page=${tests.page - 1}`} className="text-blue-700">Newer</Link> : null}
            {tests.page < tests.pageCount ? <Link href={`?page=${tests.page + 1}`} className="text-blue-700">Older</Link> : null}
          </nav>
        ) : null}
      </Card>
    </div>
  );
}
