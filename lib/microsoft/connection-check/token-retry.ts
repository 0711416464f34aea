import { setTimeout as sleep } from "node:timers/promises";
import { retryAfterSeconds } from "@/lib/microsoft/retry-after";
import type { Fetch } from "@/lib/microsoft/transport";
import type { Deadline } from "./deadline";

/**
 * MSAL.NET's wait before it retries a 5xx of the token endpoint that names none (DefaultRetryPolicy,
 * DefaultStsRetryDelayMs, in AzureAD/microsoft-authentication-library-for-dotnet).
 */
const DEFAULT_WAIT_SECONDS = 1;

interface Answer {
  status: number;
  retryAfter?: string;
}

/** The token endpoint's last refusal: MSAL's errors keep its status only when the body was JSON, and never its headers. */
function watch(fetch: Fetch): { fetch: Fetch; last: () => Answer | undefined } {
  let last: Answer | undefined;
  const watched: Fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (!response.ok) last = { status: response.status, retryAfter: response.headers.get("retry-after") ?? undefined };
    return response;
  };
  return { fetch: watched, last: () => last };
}

/** Puts Entra's answer on MSAL's error, where diagnose() reads status and Retry-After as it does on Graph's errors. */
function withAnswer(error: unknown, answer: Answer | undefined): unknown {
  if (!answer || typeof error !== "object" || error === null) return error;
  const { status } = error as { status?: unknown };
  return Object.assign(error, {
    status: typeof status === "number" ? status : answer.status,
    ...(answer.retryAfter ? { headers: { "retry-after": answer.retryAfter } } : {}),
  });
}

interface Attempt<T> {
  /** Settles as the token request does; a failure carries Entra's answer. */
  outcome: Promise<T>;
  /** The one retry, shared by every test that waits on this request. */
  retry?: { startsAt: number; outcome: Promise<T> };
}

/**
 * Keyed by the token source's promise. A Test all hands one pending request to several tests
 * (lib/jobs/connection-check-runner.ts, bulkTokenSource); they share its retry as well instead of sending one each.
 */
const attempts = new WeakMap<Promise<unknown>, Attempt<unknown>>();

function attempt<T>(ask: (fetch: Fetch) => Promise<T>, fetch: Fetch): Attempt<T> {
  const watched = watch(fetch);
  const pending = ask(watched.fetch);
  const shared = attempts.get(pending) as Attempt<T> | undefined;
  if (shared) return shared;
  // Attached at once, so the answer is on the error before any other test sharing the request sees it.
  const created: Attempt<T> = {
    outcome: pending.catch((error: unknown) => {
      throw withAnswer(error, watched.last());
    }),
  };
  attempts.set(pending, created);
  return created;
}

/** Seconds to wait before the retry, or undefined when Entra's answer is not one that passes. */
function retryWait(error: unknown): number | undefined {
  const { status, headers } = (error ?? {}) as { status?: unknown; headers?: Record<string, string> };
  if (typeof status !== "number") return undefined;
  const asked = retryAfterSeconds(headers?.["retry-after"]);
  // Entra names its wait with every 429 (learn.microsoft.com/entra/msal/dotnet/advanced/client-and-server-throttling);
  // a guess could only be shorter than what it wants.
  if (status === 429) return asked;
  return status >= 500 && status < 600 ? (asked ?? DEFAULT_WAIT_SECONDS) : undefined;
}

/**
 * Asks Entra for a token, and once more when it answers with an outage or throttling and the wait fits in what is
 * left of the test, as MSAL.NET retries such answers once. One passing fault then no longer fails a test; a second
 * retry would outlast the deadline more often than it helps.
 */
export async function withOneRetry<T>(ask: (fetch: Fetch) => Promise<T>, fetch: Fetch, deadline: Deadline): Promise<T> {
  const first = attempt(ask, fetch);
  try {
    return await first.outcome;
  } catch (error) {
    const wait = retryWait(error);
    if (wait === undefined) throw error;
    const startsAt = first.retry?.startsAt ?? performance.now() + wait * 1000;
    // A wait past the deadline would turn Entra's own answer into a bare timeout.
    if (startsAt - performance.now() >= deadline.remainingMs()) throw error;
    first.retry ??= { startsAt, outcome: sleep(Math.max(0, startsAt - performance.now())).then(() => attempt(ask, fetch).outcome) };
    return await first.retry.outcome;
  }
}
