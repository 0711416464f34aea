import type { Diagnosis, DiagnosisIds } from "@/lib/microsoft/catalog";
import { STEP_NAMES, type StepRecord, type StepStatus } from "./types";

export const STATUS_MARKS: Readonly<Record<StepStatus, string>> = { passed: "✓", failed: "✗", warning: "!", skipped: "–" };

const NAME_WIDTH = Math.max(...STEP_NAMES.map((name) => name.length));

/** Microsoft's own names for its identifiers, as its support forms ask for them. */
const ID_LABELS: ReadonlyArray<readonly [keyof DiagnosisIds, string]> = [
  ["traceId", "Trace ID"],
  ["correlationId", "Correlation ID"],
  ["requestId", "Request ID"],
  ["clientRequestId", "Client request ID"],
  ["timestamp", "Timestamp"],
];

/** "✗ token        153 ms  Client secret is wrong. [AADSTS7000215]" */
export function formatStep(step: StepRecord): string {
  const code = step.diagnosis && step.status !== "passed" ? ` [${step.diagnosis.code}]` : "";
  return `${STATUS_MARKS[step.status]} ${step.name.padEnd(NAME_WIDTH)} ${`${step.durationMs} ms`.padStart(8)}  ${step.summary}${code}`;
}

export function formatIds(ids: DiagnosisIds): string {
  return ID_LABELS.filter(([key]) => ids[key])
    .map(([key, label]) => `${label}: ${ids[key]}`)
    .join(" · ");
}

/** The advice as lines of text, in the order an admin reads them. */
export function formatDiagnosis(diagnosis: Diagnosis): string[] {
  const ids = formatIds(diagnosis.ids);
  return [
    `${diagnosis.code}: ${diagnosis.title}`,
    `Cause: ${diagnosis.cause}`,
    `Fix: ${diagnosis.fix}`,
    ...(diagnosis.rawMessage ? [`Microsoft's message: ${diagnosis.rawMessage}`] : []),
    `Docs: ${diagnosis.docsUrl}`,
    ...(ids ? [`Microsoft IDs: ${ids}`] : []),
  ];
}
