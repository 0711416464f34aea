/** Where in a Test Connection run a problem shows up, in the order the run performs them. */
export const TEST_STEPS = ["configuration", "authorize", "token", "permissions", "mailbox", "send"] as const;
export type TestStep = (typeof TEST_STEPS)[number];

export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Who speaks the code: Microsoft Entra (AADSTS / OAuth), Microsoft Graph, MSAL on our side, or forge365 itself. */
export type EntrySource = "entra" | "graph" | "msal" | "product";

export interface CatalogEntry {
  /** Key of the entry: "AADSTS7000215", "ErrorAccessDenied", "network_error", "SECRET_EXPIRED_BY_DATE" … */
  readonly code: string;
  readonly source: EntrySource;
  /** One line, plain language, no jargon a mailbox owner would not know. */
  readonly title: string;
  /** The likely reason, in the order an admin should suspect them. */
  readonly cause: string;
  /** What to change and where: menu path, button names, PowerShell. */
  readonly fix: string;
  /** Microsoft's documentation for this case (learn.microsoft.com). */
  readonly docsUrl: string;
  readonly step: TestStep;
  readonly severity: Severity;
  /** True when trying again later can succeed with nothing changed (throttling, outages). */
  readonly retryable: boolean;
  /**
   * True when the code can come from any step (timeouts, outages, throttling): then the step the
   * caller was running when it failed is more precise than `step`.
   */
  readonly anyStep?: boolean;
}

export interface DiagnosisIds {
  traceId?: string;
  correlationId?: string;
  requestId?: string;
  clientRequestId?: string;
  timestamp?: string;
}

export interface Diagnosis extends Omit<CatalogEntry, "anyStep"> {
  /** False when the code is not in the catalog and the generic advice was used. */
  known: boolean;
  /** Microsoft's own message, scrubbed of anything secret-shaped. */
  rawMessage?: string;
  ids: DiagnosisIds;
  httpStatus?: number;
  /** From a Retry-After header, when Microsoft sent one. */
  retryAfterSeconds?: number;
}

export interface DiagnoseOptions {
  /** The step that was running; used for unknown codes and for codes that can happen at any step. */
  step?: TestStep;
  /**
   * Set by the caller when the stored secret has the shape of a Secret ID (a GUID): Microsoft's
   * AADSTS7000215 cannot tell that case apart, but the advice is far more precise when we can.
   */
  secretLooksLikeId?: boolean;
}
