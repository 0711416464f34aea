import { Alert } from "@/components/ui/alert";
import { CopyButton } from "@/components/ui/copy-button";
import { diagnosisOf, isInProgress, type StoredTest, stepsOf } from "@/lib/connection-checks/queries";
import { type DateTimePreferences, formatDateTime } from "@/lib/format/datetime";
import { DiagnosisPanel } from "./diagnosis-panel";
import { StepList } from "./step-list";

/** One run: its steps (live while it runs), then success or the diagnosis, and "Copy diagnostics". */
export function TestResult({ test, diagnostics, prefs }: { test: StoredTest; diagnostics: string; prefs: DateTimePreferences }) {
  const running = isInProgress(test);
  const diagnosis = diagnosisOf(test);
  return (
    <div className="space-y-4" data-testid="test-result" data-status={test.status}>
      <p className="text-xs text-slate-500">
        {test.dryRun ? "Dry run" : `Test mail to ${test.recipient}`} · started {formatDateTime(test.startedAt ?? test.createdAt, prefs)}
        {test.durationMs !== null ? ` · ${test.durationMs} ms` : ""}
      </p>
      <StepList steps={stepsOf(test)} running={running} />
      {running ? <p className="text-sm text-slate-500">{test.status === "QUEUED" ? "Waiting for a free slot…" : "Testing…"}</p> : null}
      {test.status === "PASSED" ? (
        <Alert tone="success">
          {test.dryRun
            ? "Everything up to sending works: the token, its permissions and the mailbox. No mail was sent, so sending was not tested."
            : `Microsoft accepted the test mail to ${test.recipient}. Check the inbox in 2–3 minutes: accepted is not delivered, and a bounce can still come back.`}
        </Alert>
      ) : null}
      {diagnosis ? <DiagnosisPanel diagnosis={diagnosis} /> : null}
      {running ? null : (
        <div className="space-y-2">
          <CopyButton text={diagnostics} label="Copy diagnostics" />
          <details>
            <summary className="cursor-pointer text-xs font-semibold text-slate-600">Show diagnostics</summary>
            <pre className="mt-2 max-h-72 overflow-auto rounded-md bg-slate-50 p-3 text-xs ring-1 ring-slate-200" data-testid="diagnostics">
              {diagnostics}
            </pre>
          </details>
        </div>
      )}
    </div>
  );
}
