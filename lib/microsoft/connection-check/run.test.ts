import { describe, expect, it } from "vitest";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_CLIENT_SECRET_ID, DEMO_FAILING_APPS, DEMO_MAILBOXES, DEMO_TENANT_ID } from "@/sandbox/fixtures/demo";
import { useSandbox } from "@/tests/helpers/sandbox";
import { runConnectionTest } from "./run";
import { demoInput, recordingTokenSource, runChecked, statuses, stepOf } from "@/tests/helpers/connection-check";
import type { ConnectionTestInput, ConnectionTestResult, StepRecord } from "./types";

const sb = useSandbox();
const DAY_MS = 86_400_000;

interface DeliveredMessage {
  subject: string;
  owner: string;
  body: { contentType: string; content: string };
}

const inbox = async (mailbox: string) =>
  (await sb.control<{ messages: DeliveredMessage[] }>("GET", `mail?mailbox=${encodeURIComponent(mailbox)}`)).messages;

const run = (overrides: Partial<ConnectionTestInput> = {}): Promise<ConnectionTestResult> => runChecked(sb.url, overrides);

const patchDemoApp = (body: object) => sb.control("PATCH", `tenants/${DEMO_TENANT_ID}/applications/${DEMO_CLIENT_ID}`, body);

describe("runConnectionTest against the sandbox", () => {
  it("passes every step for a healthy mailbox and delivers the test message, not saved to Sent Items", async () => {
    const now = new Date("2026-11-26T21:41:00Z");
    const reported: StepRecord[] = [];
    const { source, tokens } = recordingTokenSource();
    const result = await runConnectionTest(demoInput(sb.url, { now: () => now, tokenSource: source }), { onStep: (s) => reported.push(s) });

    expect(result.outcome).toBe("passed");
    expect(statuses(result)).toEqual({ configuration: "passed", token: "passed", permissions: "passed", mailbox: "passed", send: "passed" });
    expect(reported).toEqual(result.steps);
    expect(result.errorCode).toBeUndefined();
    expect(result.upstreamCalls).toBe(3);
    expect(result.upstreamMs).toBeGreaterThanOrEqual(0);
    expect(result.token?.roles).toContain("Mail.Send");
    expect(result.token?.acquiredAt).toEqual(now);
    expect(stepOf(result, "mailbox").details).toMatchObject({ displayName: "Adele Vance", mail: DEMO_MAILBOXES.sender });
    const send = stepOf(result, "send");
    expect(send.details).toMatchObject({ httpStatus: 202, saveToSentItems: false, bounceCheck: "not-looked" });
    expect(send.summary).toMatch(/^Microsoft accepted the test message to alex\.wilber@\S+ \(HTTP 202\)\. Accepted is not delivered: it can still bounce/);
    expect(tokens).toHaveLength(1);

    const reference = String(send.details?.reference);
    expect(reference).toMatch(/^[0-9A-F]{10}$/);
    const [message] = await inbox(DEMO_MAILBOXES.recipient);
    expect(message.subject).toBe(`forge365 connection test — Acme Sandbox — 11/26/2026, 9:41 PM UTC (ref ${reference})`);
    expect(message.body.content).toContain("No action is needed");
    expect(await sb.control("GET", `mail?mailbox=${DEMO_MAILBOXES.sender}&folder=sentitems`)).toEqual({ messages: [] });
    const { sent } = await sb.control<{ sent: { savedToSentItems: boolean }[] }>("GET", "sent");
    expect(sent).toEqual([expect.objectContaining({ savedToSentItems: false })]);
  });

  it("collects Microsoft's identifiers from successful answers: Entra's trace and correlation IDs, Graph's request IDs", async () => {
    const result = await run();
    const byStep = Object.fromEntries(result.ids.map(({ step, ...ids }) => [step, ids]));
    expect(byStep.token).toEqual({ traceId: expect.any(String), correlationId: expect.any(String), timestamp: expect.any(String) });
    expect(byStep.mailbox).toMatchObject({ requestId: expect.any(String), clientRequestId: expect.any(String) });
    expect(byStep.send).toMatchObject({ requestId: expect.any(String), clientRequestId: expect.any(String) });
  });

  it("skips only the send step in a dry run, and sends nothing", async () => {
    const result = await run({ dryRun: true, to: undefined });
    expect(result.outcome).toBe("passed");
    expect(stepOf(result, "send")).toMatchObject({ status: "skipped", summary: "Dry run: no mail sent, so sending was not tested." });
    expect(result.upstreamCalls).toBe(2);
    expect(await inbox(DEMO_MAILBOXES.recipient)).toEqual([]);
  });

  it.each([
    ["unknown tenant", { tenant: "nowhere.onmicrosoft.com" }, "AADSTS90002"],
    ["unknown client ID", { clientId: "00000000-1111-2222-3333-444444444444" }, "AADSTS700016"],
    ["wrong secret", { clientSecret: "Abc8Q~wrongwrongwrongwrongwrongwrongwron" }, "AADSTS7000215"],
    ["secret expired in Entra", DEMO_FAILING_APPS.expiredSecret, "AADSTS7000222"],
    ["disabled application", DEMO_FAILING_APPS.disabled, "AADSTS7000112"],
    ["Conditional Access block", DEMO_FAILING_APPS.conditionalAccess, "AADSTS53003"],
  ])("fails at the token step for %s (%s)", async (_name, overrides, code) => {
    const { clientId, clientSecret, tenant } = overrides as Partial<ConnectionTestInput>;
    const result = await run({ ...(tenant ? { tenant } : {}), ...(clientId ? { clientId } : {}), ...(clientSecret ? { clientSecret } : {}) });
    expect(result.outcome).toBe("failed");
    expect(result.errorCode).toBe(code);
    expect(statuses(result)).toEqual({ configuration: "passed", token: "failed", permissions: "skipped", mailbox: "skipped", send: "skipped" });
    expect(stepOf(result, "permissions").summary).toBe("Not run: an earlier step failed.");
    expect(result.diagnosis).toMatchObject({ code, step: "token", known: true });
    expect(result.diagnosis?.ids).toMatchObject({ traceId: expect.any(String), correlationId: expect.any(String) });
    expect(result.token).toBeUndefined();
  });

  it("warns about broader permissions than sending needs, and still passes", async () => {
    await patchDemoApp({
      applicationPermissions: ["Mail.Send", "User.Read.All", "Mail.ReadWrite"].map((name) => ({ name, adminConsented: true })),
    });
    const result = await run();
    expect(result.outcome).toBe("passed");
    const permissions = stepOf(result, "permissions");
    expect(permissions).toMatchObject({ status: "warning", diagnosis: { code: "EXCESSIVE_PERMISSIONS" } });
    expect(permissions.details?.excessive).toEqual(["Mail.ReadWrite"]);
    expect(result.errorCode).toBeUndefined();
  });

  it("fails at the mailbox step when the directory has no such user", async () => {
    const result = await run({ mailbox: DEMO_MAILBOXES.nonexistent });
    expect(result.errorCode).toBe("Request_ResourceNotFound");
    expect(statuses(result)).toMatchObject({ mailbox: "failed", send: "skipped" });
    expect(result.diagnosis?.ids.requestId).toBeTruthy();
  });

  it("skips the mailbox step without User.Read.All; sending then reports the missing mailbox (ErrorInvalidUser)", async () => {
    await patchDemoApp({ applicationPermissions: [{ name: "Mail.Send", adminConsented: true }] });
    const result = await run({ mailbox: DEMO_MAILBOXES.nonexistent });
    expect(stepOf(result, "mailbox")).toMatchObject({ status: "skipped", diagnosis: { code: "USER_READ_ALL_NOT_GRANTED", severity: "info" } });
    expect(stepOf(result, "send").status).toBe("failed");
    expect(result.errorCode).toBe("ErrorInvalidUser");
  });

  it("warns at the mailbox step about a user without a mail address, and fails the send with MailboxNotEnabledForRESTAPI", async () => {
    const result = await run({ mailbox: DEMO_MAILBOXES.unlicensed });
    expect(stepOf(result, "mailbox")).toMatchObject({ status: "warning", details: { mail: null } });
    expect(stepOf(result, "send").status).toBe("failed");
    expect(result.errorCode).toBe("MailboxNotEnabledForRESTAPI");
  });

  it("fails at the send step when an application access policy keeps the app out (ODataDisabled)", async () => {
    const result = await run({ mailbox: DEMO_MAILBOXES.blockedByPolicy });
    expect(statuses(result)).toMatchObject({ mailbox: "passed", send: "failed" });
    expect(result.errorCode).toBe("ErrorAccessDenied.ODataDisabled");
    expect(result.diagnosis).toMatchObject({ step: "permissions", httpStatus: 403 });
  });
});

describe("the configuration step", () => {
  const now = new Date("2026-11-26T12:00:00Z");

  it.each([
    ["a Secret ID pasted as the secret", { clientSecret: DEMO_CLIENT_SECRET_ID }, "SECRET_LOOKS_LIKE_ID"],
    ["a secret the vault cannot open", { clientSecret: null }, "SECRET_UNREADABLE"],
    ["a recorded expiry in the past", { secretExpiresOn: new Date(now.getTime() - DAY_MS) }, "SECRET_EXPIRED_BY_DATE"],
    ["a mailbox that is not an address", { mailbox: "adele" }, "INVALID_CONFIGURATION"],
    ["no recipient outside a dry run", { to: undefined }, "INVALID_CONFIGURATION"],
    ["the sandbox cloud without its URL", { sandboxUrl: undefined }, "INVALID_CONFIGURATION"],
  ])("stops %s before asking Microsoft anything", async (_name, overrides, code) => {
    const result = await run({ now: () => now, ...overrides });
    expect(result.errorCode).toBe(code);
    expect(result.diagnosis?.step).toBe("configuration");
    expect(statuses(result)).toEqual({ configuration: "failed", token: "skipped", permissions: "skipped", mailbox: "skipped", send: "skipped" });
    expect(result.upstreamCalls).toBe(0);
  });

  it("names every invalid setting", async () => {
    const result = await run({ tenant: "not a tenant", clientId: "abc", mailbox: "adele" });
    expect(result.diagnosis?.cause).toMatch(/tenant.*client.*mailbox/is);
  });

  it("warns when the recorded expiry is two weeks away or less, and passes", async () => {
    const result = await run({ now: () => now, secretExpiresOn: new Date(now.getTime() + 10 * DAY_MS) });
    expect(result.outcome).toBe("passed");
    expect(stepOf(result, "configuration")).toMatchObject({
      status: "warning",
      summary: "The client secret expires on 12/06/2026, in 10 days.",
      details: { daysLeft: 10 },
      diagnosis: { code: "SECRET_EXPIRES_SOON", severity: "warning" },
    });
  });

  it("passes quietly with a distant expiry", async () => {
    const result = await run({ now: () => now, secretExpiresOn: new Date(now.getTime() + 90 * DAY_MS), dryRun: true });
    expect(stepOf(result, "configuration")).toMatchObject({ status: "passed", details: { daysLeft: 90 } });
    expect(stepOf(result, "configuration").diagnosis).toBeUndefined();
  });
});

describe("callers", () => {
  it("always asks with skipCache, whatever source the caller brings", async () => {
    const requests: boolean[] = [];
    const { source } = recordingTokenSource();
    await run({ dryRun: true, tokenSource: (request) => (requests.push(request.skipCache), source(request)) });
    expect(requests).toEqual([true]);
  });

  it("finishes the run when a step listener throws", async () => {
    const result = await runConnectionTest(demoInput(sb.url, { dryRun: true, clientSecret: DEMO_CLIENT_SECRET }), {
      onStep: () => {
        throw new Error("stream closed");
      },
    });
    expect(result.outcome).toBe("passed");
  });
});
