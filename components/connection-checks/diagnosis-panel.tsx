import type { Diagnosis } from "@/lib/microsoft/catalog";

const idLabels: Array<[keyof Diagnosis["ids"], string]> = [
  ["traceId", "Trace ID"],
  ["correlationId", "Correlation ID"],
  ["requestId", "Request ID"],
  ["clientRequestId", "Client request ID"],
  ["timestamp", "Timestamp"],
];

/** What went wrong, why, and exactly what to change: the catalog's entry for Microsoft's code. */
export function DiagnosisPanel({ diagnosis }: { diagnosis: Diagnosis }) {
  const ids = idLabels.filter(([key]) => diagnosis.ids?.[key]);
  return (
    <div className="space-y-3 rounded-md bg-red-50 p-4 text-sm ring-1 ring-red-200" data-testid="diagnosis">
      <p className="font-semibold text-red-900">
        {diagnosis.title} <span className="ml-1 font-mono text-xs font-normal text-red-700">{diagnosis.code}</span>
      </p>
      <div>
        <p className="text-xs font-semibold uppercase tracking-wide text-red-800">Likely cause</p>
        <p className="text-red-900">{diagnosis.cause}</p>
      </div>
      <div>
        <p className="text-xs font-semibold uppercase tracking-wide text-red-800">How to fix it</p>
        <p className="whitespace-pre-line text-red-900">{diagnosis.fix}</p>
      </div>
      {diagnosis.rawMessage ? (
        <details>
          <summary className="cursor-pointer text-xs font-semibold text-red-800">Microsoft's message</summary>
          <p className="mt-1 break-words font-mono text-xs text-red-900">{diagnosis.rawMessage}</p>
        </details>
      ) : null}
      {ids.length ? (
        <dl className="grid gap-x-4 gap-y-1 text-xs sm:grid-cols-[auto_1fr]">
          {ids.map(([key, label]) => (
            <div key={key} className="contents">
              <dt className="text-red-800">{label}</dt>
              <dd className="break-all font-mono text-red-900">{diagnosis.ids[key]}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <a href={diagnosis.docsUrl} target="_blank" rel="noreferrer" className="inline-block font-semibold text-red-800 underline">
        Microsoft's documentation
      </a>
    </div>
  );
}
