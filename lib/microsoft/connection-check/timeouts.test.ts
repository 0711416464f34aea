import { describe, expect, it } from "vitest";
import { useSandbox } from "@/tests/helpers/sandbox";
import { runConnectionTest } from "./run";
import { demoInput } from "@/tests/helpers/connection-check";
import type { ConnectionTestInput } from "./types";

const sb = useSandbox();

const fault = (body: object) => sb.control("PUT", "faults", body);

async function timed(overrides: Partial<ConnectionTestInput>) {
  const started = performance.now();
  const result = await runConnectionTest(demoInput(sb.url, overrides));
  return { result, elapsed: performance.now() - started };
}

describe("time limits", () => {
  it("turns a hanging token endpoint into TIMEOUT at the token step, within the per-request limit", async () => {
    await fault({ endpoint: "token", hang: true });
    const { result, elapsed } = await timed({ timeoutMs: 300, totalTimeoutMs: 5_000 });
    expect(result.errorCode).toBe("TIMEOUT");
    expect(result.diagnosis).toMatchObject({ step: "token", retryable: true });
    expect(result.steps.map((s) => s.status)).toEqual(["passed", "failed", "skipped", "skipped", "skipped"]);
    expect(elapsed).toBeLessThan(2_000);
    expect(result.upstreamMs).toBeGreaterThanOrEqual(250);
  });

  it("turns a hanging sendMail into TIMEOUT at the send step", async () => {
    await fault({ endpoint: "sendMail", hang: true });
    const { result, elapsed } = await timed({ timeoutMs: 300, totalTimeoutMs: 5_000 });
    expect(result.errorCode).toBe("TIMEOUT");
    expect(result.diagnosis?.step).toBe("send");
    expect(result.steps.at(-1)?.status).toBe("failed");
    expect(elapsed).toBeLessThan(2_000);
  });

  it("reports throttling instead of waiting out a Retry-After longer than the time left", async () => {
    await fault({ endpoint: "sendMail", failureRate: 1, failStatus: 429, retryAfterSeconds: 20 });
    const { result, elapsed } = await timed({ timeoutMs: 5_000, totalTimeoutMs: 5_000 });
    expect(result.errorCode).toBe("TooManyRequests");
    expect(result.diagnosis).toMatchObject({ step: "send", retryable: true, retryAfterSeconds: 20 });
    expect(elapsed).toBeLessThan(1_000);
  });

  it("retries a throttled request when the wait fits in the time left", async () => {
    await fault({ endpoint: "sendMail", failNext: 1, failStatus: 503, retryAfterSeconds: 1 });
    const { result, elapsed } = await timed({ totalTimeoutMs: 5_000 });
    expect(result.outcome).toBe("passed");
    expect(result.upstreamCalls).toBe(4);
    expect(elapsed).toBeGreaterThanOrEqual(1_000);
  });

  it("skips the steps after a deadline that expires during an earlier one", async () => {
    await fault({ endpoint: "users", latencyMs: 2_000 });
    const { result, elapsed } = await timed({ timeoutMs: 5_000, totalTimeoutMs: 500 });
    expect(result.steps.map((s) => [s.name, s.status])).toEqual([
      ["configuration", "passed"],
      ["token", "passed"],
      ["permissions", "passed"],
      ["mailbox", "failed"],
      ["send", "skipped"],
    ]);
    expect(result.errorCode).toBe("TIMEOUT");
    expect(elapsed).toBeLessThan(1_200);
  });
});
