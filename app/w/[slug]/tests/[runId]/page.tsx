import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/ui/auto-refresh";
import { Card } from "@/components/ui/card";
import { bulkRunProgress } from "@/lib/connection-checks/queries";
import { formatDateTime } from "@/lib/format/datetime";
import type { Diagnosis } from "@/lib/microsoft/catalog";
import { workspacePage } from "@/lib/workspaces/page-guard";

export const metadata: Metadata = { title: "Test all" };

export default async function BulkRunPage({ params }: PageProps<"/w/[slug]/tests/[runId]">) {
  const { slug, runId } = await params;
  const { workspace } = await workspacePage(slug);
  const progress = await bulkRunProgress(workspace.id, runId);
  if (!progress) notFound();
  const { run, done, passed, failed, failing } = progress;
  const percent = run.total ? Math.round((done / run.total) * 100) : 100;
  return (
    <div className="space-y-6">
      <AutoRefresh active={run.status === "RUNNING"} intervalMs={1000} />
      <h1 className="text-2xl font-semibold">Test all{run.dryRun ? " (dry run)" : ""}</h1>
      <Card>
        <p className="text-sm text-slate-600">Started {formatDateTime(run.createdAt, workspace)}{run.finishedAt ? `, finished ${formatDateTime(run.finishedAt, workspace)}` : ""}. You can leave this page: the tests go on and their results stay.</p>
        <div className="mt-4 h-3 overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100}>
          <div className="h-full bg-blue-600 transition-all" style={{ width: `${percent}%` }} />
        </div>
        <p className="mt-2 text-sm" data-testid="bulk-progress">
          <strong>{done}</strong> / {run.total} done · <span className="text-emerald-700">{passed} passed</span> ·{" "}
          <span className="text-red-700">{failed} failing</span>
          {run.status === "DONE" ? " · finished" : ""}
        </p>
      </Card>
      {failing.length ? (
        <Card title="Failing mailboxes">
          <ul className="divide-y divide-slate-100">
            {failing.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm" data-testid="failing-row">
                <Link href={`/w/${workspace.slug}/mailboxes/${t.mailbox.id}?test=${t.id}`} className="font-mono text-blue-700 hover:underline">
                  {t.mailbox.address}
                </Link>
                <span className="text-slate-700">
                  {(t.diagnosis as unknown as Diagnosis | null)?.title} <span className="font-mono text-xs text-slate-500">{t.errorCode}</span>
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
