import { describe, expect, it } from "vitest";
import { DEMO_MAILBOXES } from "@/sandbox/fixtures/demo";
import { useSandbox } from "@/tests/helpers/sandbox";
import { runChecked, statuses, stepOf } from "@/tests/helpers/connection-check";

const sb = useSandbox();

/** The sandbox returns a bounce this long after the send; Exchange takes seconds, which the window covers. */
const delayBounces = (ndrDelaySeconds: number) => sb.control("PUT", "limits", { ndrDelaySeconds });

describe("looking for a bounce after Microsoft accepted the test message", () => {
  it("fails the send with the report's status code when a restricted sender's message comes back (5.1.8)", async () => {
    await delayBounces(0);
    const result = await runChecked(sb.url, { mailbox: DEMO_MAILBOXES.restrictedSender, bounceWindowMs: 5_000 });
    expect(statuses(result)).toMatchObject({ mailbox: "passed", send: "failed" });
    expect(result.errorCode).toBe("NDR_5.1.8");
    expect(result.diagnosis).toMatchObject({ step: "send", source: "product", rawMessage: expect.stringContaining("550 5.1.8 Access denied, bad outbound sender") });
    expect(stepOf(result, "send").details).toMatchObject({ httpStatus: 202, bounceCheck: "bounced", ndrStatusCode: "5.1.8", ndrSubject: expect.stringMatching(/^Undeliverable: /) });
    // One sendMail, one look: a bounce that is already there ends the wait.
    expect(result.upstreamCalls).toBe(4);
  });

  it("keeps looking within the window for a bounce that comes late", async () => {
    await delayBounces(1);
    const started = performance.now();
    const result = await runChecked(sb.url, { mailbox: DEMO_MAILBOXES.restrictedSender, bounceWindowMs: 4_000 });
    expect(result.errorCode).toBe("NDR_5.1.8");
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(performance.now() - started).toBeLessThan(4_000);
  });

  it("passes a send that does not bounce within the window, and says a bounce can still come later", async () => {
    const result = await runChecked(sb.url, { bounceWindowMs: 1_000 });
    expect(result.outcome).toBe("passed");
    const send = stepOf(result, "send");
    expect(send.details).toMatchObject({ bounceCheck: "none", bounceWaitMs: expect.any(Number) });
    expect(Number(send.details?.bounceWaitMs)).toBeGreaterThanOrEqual(1_000);
    expect(send.summary).toMatch(/Accepted is not delivered: it can still bounce, and none had reached adele\.vance@\S+ after 1 s\.$/);
    // The recipient's copy names the reference the look-up searched for, in the subject and the custom header.
    const { messages } = await sb.control<{ messages: Array<{ subject: string }> }>("GET", `mail?mailbox=${DEMO_MAILBOXES.recipient}`);
    expect(messages[0].subject).toContain(`(ref ${String(send.details?.reference)})`);
  });

  it("never waits past the run's deadline: with no time left it passes the send without looking", async () => {
    const result = await runChecked(sb.url, { mailbox: DEMO_MAILBOXES.restrictedSender, bounceWindowMs: 20_000, totalTimeoutMs: 2_000 });
    expect(result.outcome).toBe("passed");
    expect(stepOf(result, "send")).toMatchObject({ details: { bounceCheck: "no-time" }, summary: expect.stringMatching(/no time was left/) });
  });

  it("does not take the test message itself, sent to its own mailbox, for a bounce", async () => {
    const result = await runChecked(sb.url, { to: DEMO_MAILBOXES.sender, bounceWindowMs: 200 });
    expect(result.outcome).toBe("passed");
    expect(stepOf(result, "send").details).toMatchObject({ bounceCheck: "none" });
  });

  it("passes the send when the look-up itself fails, and says a bounce would go unnoticed", async () => {
    await sb.control("PUT", "faults", { endpoint: "messages", failureRate: 1, failStatus: 500 });
    const result = await runChecked(sb.url, { bounceWindowMs: 1_000 });
    expect(result.outcome).toBe("passed");
    expect(stepOf(result, "send")).toMatchObject({ details: { bounceCheck: "unreadable" }, summary: expect.stringMatching(/looking for one in \S+ failed \(/) });
  });
});
