import type { DateTimePreferences } from "@/lib/format/datetime";
import type { Diagnosis, DiagnosisIds, TestStep } from "@/lib/microsoft/catalog";
import type { CloudId } from "@/lib/microsoft/clouds";
import type { UserToken } from "@/lib/microsoft/delegated";
import type { AppToken } from "@/lib/microsoft/msal";
import type { Fetch } from "@/lib/microsoft/transport";

/** The steps of a run, in order. The catalog's "authorize" step belongs to delegated sign-in, not to this test. */
export const STEP_NAMES = ["configuration", "token", "permissions", "mailbox", "send"] as const satisfies readonly TestStep[];
export type StepName = (typeof STEP_NAMES)[number];

export type StepStatus = "passed" | "failed" | "warning" | "skipped";

/** JSON-safe values only: the dashboard stores details as they are and streams them to the browser. */
export type StepDetails = Record<string, string | number | boolean | null | string[]>;

export interface StepRecord {
  name: StepName;
  status: StepStatus;
  durationMs: number;
  /** One plain sentence. */
  summary: string;
  details?: StepDetails;
  diagnosis?: Diagnosis;
}

export interface TokenRequest {
  cloud: CloudId;
  tenant: string;
  clientId: string;
  clientSecret: string;
  /** The connection's Microsoft fetch: a client built for this request must send through it. */
  fetch: Fetch;
  skipCache: boolean;
}

/**
 * Where an app-only Graph token comes from. Sending paths pass one backed by a long-lived MSAL client with a
 * persisted cache; a connection test always asks with skipCache, so whatever the source, Entra is asked anew.
 */
export type TokenSource = (request: TokenRequest) => Promise<AppToken>;

/**
 * Where a delegated account's token for the mailbox comes from: its stored sign-in (refresh token), which the
 * source renews and stores again. null when no sign-in is stored for the mailbox.
 */
export type DelegatedTokenSource = (request: TokenRequest) => Promise<UserToken | null>;

export interface ConnectionTestInput {
  cloud: CloudId;
  tenant: string;
  clientId: string;
  /** null when the vault could not open the stored secret. */
  clientSecret: string | null;
  /** The expiry recorded with the secret, checked before Microsoft is asked. */
  secretExpiresOn?: Date;
  /** The mailbox to send from. */
  mailbox: string;
  /** Recipient of the test message; required unless dryRun. */
  to?: string;
  /** Proves everything up to sending, without sending: sending itself is not tested. */
  dryRun: boolean;
  workspaceName?: string;
  /** Base URL of the Microsoft 365 emulator; required for the sandbox cloud. */
  sandboxUrl?: string;
  dateTimePrefs?: DateTimePreferences;
  appVersion: string;
  /** Per upstream request. */
  timeoutMs?: number;
  /** For the whole run, whatever Microsoft does. */
  totalTimeoutMs?: number;
  /**
   * How long to keep looking for a bounce of the test message once Microsoft has accepted it, when the app may read
   * the sender's mailbox; 0 does not look. Never past totalTimeoutMs.
   */
  bounceWindowMs?: number;
  now?: () => Date;
  /** How the token is acquired; a fresh MSAL client unless the caller brings its own. */
  tokenSource?: TokenSource;
  /** Set for a delegated account: the run then acts as the mailbox's own sign-in, and tokenSource is unused. */
  delegatedTokenSource?: DelegatedTokenSource;
}

export interface ConnectionTestHooks {
  /** Called as each step completes (skipped steps included), in step order. */
  onStep?(step: StepRecord): void;
}

/** Microsoft's identifiers of the last request a step made, for a support ticket. */
export interface StepIds extends DiagnosisIds {
  step: StepName;
}

export interface ConnectionTestResult {
  outcome: "passed" | "failed";
  steps: StepRecord[];
  /** The failing step's diagnosis code. */
  errorCode?: string;
  diagnosis?: Diagnosis;
  ids: StepIds[];
  startedAt: Date;
  finishedAt: Date;
  durationMs: number;
  /** Time spent waiting on Microsoft. */
  upstreamMs: number;
  upstreamCalls: number;
  /** Permissions the token carried: application roles, or the delegated scopes of a signed-in mailbox. */
  token?: { acquiredAt: Date; expiresAt: Date | null; roles: string[]; scopes?: string[] };
}
