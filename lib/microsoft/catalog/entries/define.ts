import type { CatalogEntry, EntrySource, Severity, TestStep } from "../types";

interface EntryText {
  title: string;
  cause: string;
  fix: string;
  docsUrl: string;
  severity?: Severity;
  retryable?: boolean;
  anyStep?: boolean;
}

/** Most entries are non-retryable errors; the helper keeps the tables about what differs. */
export function definer(source: EntrySource) {
  return (code: string, step: TestStep, text: EntryText): CatalogEntry =>
    Object.freeze({
      code,
      source,
      step,
      title: text.title,
      cause: text.cause,
      fix: text.fix,
      docsUrl: text.docsUrl,
      severity: text.severity ?? "error",
      retryable: text.retryable ?? false,
      ...(text.anyStep ? { anyStep: true } : {}),
    });
}
