import { randomBytes } from "node:crypto";
import { US_DEFAULTS, type DateTimePreferences } from "@/lib/format/datetime";
import { createGraphClient } from "@/lib/microsoft/graph";
import { createMicrosoftFetch } from "@/lib/microsoft/transport";
import { applicationAccess, delegatedAccess } from "./access";
import { checkConfiguration } from "./configuration";
import { startDeadline, type Deadline } from "./deadline";
import { composeTestMessage } from "./message";
import { retryWithin } from "./retry";
import { sendTestMessage } from "./send";
import { StepRunner } from "./step-runner";
import { freshTokenSource, type AcquiredToken } from "./token";
import type { ConnectionTestHooks, ConnectionTestInput, ConnectionTestResult } from "./types";
import { Upstream } from "./upstream";

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_TOTAL_TIMEOUT_MS = 30_000;
/**
 * How long a send waits for a bounce. The refusals it is for (restricted sender, tenant outbound blocks) are decided by
 * the sender's own Exchange as it submits, so their report comes back in seconds; a longer wait would slow every
 * passing test for the rare late one, which the next run reports anyway.
 */
export const DEFAULT_BOUNCE_WINDOW_MS = 10_000;

interface RunContext {
  input: ConnectionTestInput;
  now: () => Date;
  prefs: DateTimePreferences;
  deadline: Deadline;
  run: StepRunner;
  upstream: Upstream;
}

/** The steps in order, each run only when the one before did not fail. Returns the token, if one was issued. */
async function runSteps({ input, now, prefs, deadline, run, upstream }: RunContext): Promise<AcquiredToken | undefined> {
  const config = await run.step("configuration", async () => checkConfiguration(input, now(), prefs));
  if (!config) return undefined;

  const { cloud, tenant, clientId, clientSecret, mailbox, to } = config;
  const microsoftFetch = createMicrosoftFetch({ cloud, sandboxUrl: config.sandboxUrl, timeoutMs: input.timeoutMs ?? DEFAULT_TIMEOUT_MS });
  const fetch = upstream.wrap(microsoftFetch, cloud);
  const access = input.delegatedTokenSource ? delegatedAccess(input.delegatedTokenSource) : applicationAccess(input.tokenSource ?? freshTokenSource);
  const token = await run.step("token", () => access.token({ request: { cloud, tenant, clientId, clientSecret, fetch }, now, prefs, deadline }));
  if (!token) return undefined;

  const graph = createGraphClient({ accessToken: token.accessToken, fetch, cloud, retry: retryWithin(deadline) });
  const ready =
    (await run.step("permissions", async () => access.permissions(token))) &&
    (await run.step("mailbox", () => access.mailbox(graph, mailbox, token)));
  if (!ready) return token;

  await run.step("send", async () => {
    if (!to) return { status: "skipped", value: true, summary: "Dry run: no mail sent, so sending was not tested." };
    const sentAt = now();
    const reference = randomBytes(5).toString("hex").toUpperCase();
    const message = composeTestMessage({ mailbox, workspaceName: input.workspaceName, sentAt, prefs, appVersion: input.appVersion, reference });
    return sendTestMessage({
      graph,
      mailbox,
      sender: access.sender(mailbox),
      to,
      message,
      sentAt,
      explainRefusal: (err) => access.refusal(err, token),
      bounces: { reading: access.mailReading(token), windowMs: input.bounceWindowMs ?? DEFAULT_BOUNCE_WINDOW_MS, deadline },
    });
  });
  return token;
}

/**
 * Proves, step by step, that a mailbox can send through an app registration: settings, a fresh token, the
 * token's permissions, the mailbox, and a real test message that does not bounce. Resolves whatever Microsoft or the settings do,
 * within totalTimeoutMs; neither the result nor a step ever holds the client secret or the access token.
 */
export async function runConnectionTest(input: ConnectionTestInput, hooks: ConnectionTestHooks = {}): Promise<ConnectionTestResult> {
  const now = input.now ?? (() => new Date());
  const startedAt = now();
  const started = performance.now();
  const deadline = startDeadline(input.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS);
  const upstream = new Upstream(deadline.signal);
  const run = new StepRunner(deadline, upstream, hooks);

  let token: AcquiredToken | undefined;
  try {
    token = await runSteps({ input, now, prefs: input.dateTimePrefs ?? US_DEFAULTS, deadline, run, upstream });
  } finally {
    deadline.dispose();
  }

  const steps = run.finish();
  const failure = run.failure;
  return {
    outcome: failure ? "failed" : "passed",
    steps,
    ...(failure?.diagnosis ? { errorCode: failure.diagnosis.code, diagnosis: failure.diagnosis } : {}),
    ids: run.ids,
    startedAt,
    finishedAt: now(),
    durationMs: Math.round(performance.now() - started),
    upstreamMs: Math.round(upstream.totalMs),
    upstreamCalls: upstream.calls.length,
    ...(token ? { token: { acquiredAt: token.acquiredAt, expiresAt: token.expiresOn, roles: token.roles, ...(token.scopes.length ? { scopes: token.scopes } : {}) } } : {}),
  };
}
