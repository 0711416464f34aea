import { describe, expect, it } from "vitest";
import type { AppToken } from "@/lib/microsoft/msal";
import { demoInput } from "@/tests/helpers/connection-check";
import { useSandbox } from "@/tests/helpers/sandbox";
import { runConnectionTest } from "./run";
import { freshTokenSource } from "./token";
import type { ConnectionTestInput, TokenSource } from "./types";

const sb = useSandbox();
const tokenFault = (settings: object) => sb.control("PUT", "faults", { endpoint: "token", ...settings });

/** The real token source, counting the requests it makes. */
function countingSource() {
  let requests = 0;
  const source: TokenSource = (request) => {
    requests += 1;
    return freshTokenSource(request);
  };
  return { source, requests: () => requests };
}

/** One token request for several runs, failures not kept: how a Test all shares it (bulkTokenSource). */
function sharedSource() {
  let pending: Promise<AppToken> | undefined;
  let requests = 0;
  const source: TokenSource = (request) => {
    if (!pending) {
      requests += 1;
      const current = freshTokenSource(request);
      pending = current;
      current.catch(() => {
        if (pending === current) pending = undefined;
      });
    }
    return pending;
  };
  return { source, requests: () => requests };
}

async function timedRun(overrides: Partial<ConnectionTestInput>) {
  const started = performance.now();
  const result = await runConnectionTest(demoInput(sb.url, { dryRun: true, to: undefined, ...overrides }));
  return { result, token: result.steps.find((s) => s.name === "token")!, elapsed: performance.now() - started };
}

describe("the token step against Entra's passing failures", () => {
  it("retries once after Retry-After when the token endpoint fails once with 503, and passes", async () => {
    await tokenFault({ failNext: 1, failStatus: 503, retryAfterSeconds: 1 });
    const { source, requests } = countingSource();
    const { token, elapsed } = await timedRun({ tokenSource: source, totalTimeoutMs: 10_000 });
    expect(token.status).toBe("passed");
    expect(requests()).toBe(2);
    expect(elapsed).toBeGreaterThanOrEqual(1_000);
  });

  it("gives Entra's diagnosis, retryable and with its Correlation ID, when the retry fails too", async () => {
    await tokenFault({ failNext: 2, failStatus: 503, retryAfterSeconds: 1 });
    const { source, requests } = countingSource();
    const { result, token } = await timedRun({ tokenSource: source, totalTimeoutMs: 10_000 });
    expect(requests()).toBe(2);
    expect(token.status).toBe("failed");
    expect(result.diagnosis).toMatchObject({
      code: "AADSTS90006",
      step: "token",
      retryable: true,
      httpStatus: 503,
      retryAfterSeconds: 1,
      ids: { correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/), traceId: expect.any(String) },
    });
    expect(result.diagnosis?.fix).toMatch(/quote the Correlation ID/);
  });

  it("does not wait for a Retry-After longer than the time left, and reports Entra's answer at once", async () => {
    await tokenFault({ failureRate: 1, failStatus: 503, retryAfterSeconds: 20 });
    const { source, requests } = countingSource();
    const { result, elapsed } = await timedRun({ tokenSource: source, totalTimeoutMs: 5_000 });
    expect(requests()).toBe(1);
    expect(elapsed).toBeLessThan(1_000);
    expect(result.diagnosis).toMatchObject({ code: "AADSTS90006", retryable: true, retryAfterSeconds: 20 });
    expect(result.diagnosis?.fix).toMatch(/Microsoft asked to wait 20 seconds/);
  });

  it("retries a 500 that names no wait after a second, as MSAL.NET does", async () => {
    await tokenFault({ failNext: 1, failStatus: 500 });
    const { source, requests } = countingSource();
    const { token, elapsed } = await timedRun({ tokenSource: source, totalTimeoutMs: 10_000 });
    expect(token.status).toBe("passed");
    expect(requests()).toBe(2);
    expect(elapsed).toBeGreaterThanOrEqual(1_000);
  });

  it("does not retry a refusal that a retry cannot change", async () => {
    const { source, requests } = countingSource();
    const { result } = await timedRun({ tokenSource: source, clientSecret: "Abc8Q~wrongwrongwrongwrongwrongwrongwron" });
    expect(result.errorCode).toBe("AADSTS7000215");
    expect(requests()).toBe(1);
  });
});

describe("a token request shared by the tests of a Test all", () => {
  const runAll = (source: TokenSource) =>
    Promise.all([1, 2, 3].map(() => timedRun({ tokenSource: source, totalTimeoutMs: 10_000 })));

  // Retry-After 2 differs from the wait for a 5xx that names none (1 s): a test that did not see Entra's answer on the
  // shared failure would ask again a second early, on its own.
  it("is retried once for all of them, after the wait Entra asked for", async () => {
    await tokenFault({ failNext: 1, failStatus: 503, retryAfterSeconds: 2 });
    const { source, requests } = sharedSource();
    const started = performance.now();
    const runs = await runAll(source);
    expect(runs.map((r) => r.token.status)).toEqual(["passed", "passed", "passed"]);
    expect(requests()).toBe(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(2_000);
  });

  it("fails all of them with the same diagnosis when the shared retry fails too, without a retry each", async () => {
    // One retry per test would have sent three and found the sandbox answering again after the second.
    await tokenFault({ failNext: 2, failStatus: 503, retryAfterSeconds: 2 });
    const { source, requests } = sharedSource();
    const runs = await runAll(source);
    expect(runs.map((r) => r.result.errorCode)).toEqual(["AADSTS90006", "AADSTS90006", "AADSTS90006"]);
    for (const { result } of runs) expect(result.diagnosis).toMatchObject({ retryable: true, retryAfterSeconds: 2 });
    expect(requests()).toBe(2);
  });
});

/** Entra's throttling answer is a bare "429 Too Many Requests" with no JSON: only the token step sees its status and wait. */
describe("Entra's bare 429", () => {
  it("is waited out once when its Retry-After fits", async () => {
    await tokenFault({ failNext: 1, failStatus: 429, retryAfterSeconds: 1 });
    const { source, requests } = countingSource();
    const { token, elapsed } = await timedRun({ tokenSource: source, totalTimeoutMs: 10_000 });
    expect(token.status).toBe("passed");
    expect(requests()).toBe(2);
    expect(elapsed).toBeGreaterThanOrEqual(1_000);
  });

  it("is diagnosed as Entra throttling, with the wait Entra asked for, when it does not fit", async () => {
    await tokenFault({ failureRate: 1, failStatus: 429, retryAfterSeconds: 60 });
    const { source, requests } = countingSource();
    const { result } = await timedRun({ tokenSource: source, totalTimeoutMs: 5_000 });
    expect(requests()).toBe(1);
    expect(result.diagnosis).toMatchObject({
      code: "ENTRA_THROTTLED",
      source: "entra",
      step: "token",
      retryable: true,
      httpStatus: 429,
      retryAfterSeconds: 60,
      fix: expect.stringMatching(/wait 60 seconds/),
      ids: { correlationId: expect.any(String) },
    });
  });
});
