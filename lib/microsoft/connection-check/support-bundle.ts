import { scrub } from "@/lib/microsoft/catalog";
import { CLOUDS, type CloudId } from "@/lib/microsoft/clouds";
import { formatDiagnosis, formatIds, formatStep } from "./format";
import type { ConnectionTestResult } from "./types";

export interface SupportContext {
  appVersion: string;
  cloud: CloudId;
  tenant: string;
  clientId: string;
  mailbox: string;
  workspace?: string;
}

export interface SupportBundle {
  text: string;
  json: Record<string, unknown>;
}

/** Every string, however deep, through the catalog's scrub: the bundle is pasted into tickets and chats. */
function scrubDeep<T>(value: T): T {
  if (typeof value === "string") return scrub(value) as T;
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map(scrubDeep) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, scrubDeep(v)])) as T;
  }
  return value;
}

/**
 * "Copy diagnostics": what Microsoft support or the forge365 maintainers need to follow a test up — the
 * connection's public identifiers, each step, the advice and Microsoft's request identifiers. Times are
 * ISO 8601 in UTC, which both sides read the same way.
 */
export function supportBundle(result: ConnectionTestResult, context: SupportContext): SupportBundle {
  const safe = scrubDeep(result);
  const ctx = scrubDeep(context);
  const json = {
    product: "forge365",
    ...ctx,
    outcome: safe.outcome,
    errorCode: safe.errorCode,
    startedAt: safe.startedAt.toISOString(),
    finishedAt: safe.finishedAt.toISOString(),
    durationMs: safe.durationMs,
    upstreamMs: safe.upstreamMs,
    upstreamCalls: safe.upstreamCalls,
    steps: safe.steps.map(({ name, status, durationMs, summary, diagnosis }) => ({ name, status, durationMs, summary, code: diagnosis?.code })),
    diagnosis: safe.diagnosis,
    microsoftIds: safe.ids,
    token: safe.token && {
      acquiredAt: safe.token.acquiredAt.toISOString(),
      expiresAt: safe.token.expiresAt?.toISOString() ?? null,
      roles: safe.token.roles,
      ...(safe.token.scopes ? { scopes: safe.token.scopes } : {}),
    },
  };

  const lines = [
    "forge365 connection test diagnostics",
    `App version: ${ctx.appVersion}`,
    `Cloud: ${ctx.cloud} (${CLOUDS[ctx.cloud].label})`,
    `Tenant ID: ${ctx.tenant}`,
    `Client ID: ${ctx.clientId}`,
    `Mailbox: ${ctx.mailbox}`,
    ...(ctx.workspace ? [`Workspace: ${ctx.workspace}`] : []),
    `Outcome: ${safe.outcome}${safe.errorCode ? ` (${safe.errorCode})` : ""}`,
    `Started: ${json.startedAt}`,
    `Finished: ${json.finishedAt}`,
    `Duration: ${safe.durationMs} ms, of which ${safe.upstreamMs} ms waiting on Microsoft over ${safe.upstreamCalls} request(s)`,
    ...(json.token
      ? [
          `Token: acquired ${json.token.acquiredAt}, expires ${json.token.expiresAt ?? "unknown"}, ` +
            (safe.token?.scopes ? `delegated scopes: ${safe.token.scopes.join(", ")}` : `roles: ${json.token.roles.join(", ") || "none"}`),
        ]
      : []),
    "",
    "Steps:",
    ...safe.steps.map((step) => `  ${formatStep(step)}`),
    ...(safe.diagnosis ? ["", "Diagnosis:", ...formatDiagnosis(safe.diagnosis).map((line) => `  ${line}`)] : []),
    ...(safe.ids.length ? ["", "Microsoft IDs:", ...safe.ids.map(({ step, ...ids }) => `  ${step}: ${formatIds(ids)}`)] : []),
  ];
  return { text: `${lines.join("\n")}\n`, json };
}
