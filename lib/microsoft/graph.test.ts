import { GraphError, RetryHandlerOptions } from "@microsoft/microsoft-graph-client";
import { describe, expect, it } from "vitest";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_FAILING_APPS, DEMO_MAILBOXES, DEMO_TENANT_ID } from "@/sandbox/fixtures/demo";
import { useSandbox } from "@/tests/helpers/sandbox";
import { createGraphClient } from "./graph";
import { acquireAppToken, createConfidentialClient } from "./msal";
import { createMicrosoftFetch } from "./transport";

const sb = useSandbox();
const NO_RETRIES = new RetryHandlerOptions(0, 0);

async function graphFor(app = { clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET }, retry = NO_RETRIES) {
  const fetch = createMicrosoftFetch({ cloud: "sandbox", sandboxUrl: sb.url });
  const msal = createConfidentialClient({ cloud: "sandbox", tenant: DEMO_TENANT_ID, ...app, fetch });
  const { accessToken } = await acquireAppToken(msal, { cloud: "sandbox" });
  return createGraphClient({ accessToken, fetch, cloud: "sandbox", retry });
}

const message = (to: string, subject = "Sandbox test") => ({
  message: {
    subject,
    body: { contentType: "Text", content: "Hello from the test suite." },
    toRecipients: [{ emailAddress: { address: to } }],
  },
});

async function graphError(promise: Promise<unknown>): Promise<GraphError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphError);
  return error as GraphError;
}

describe("Microsoft Graph client against the sandbox", () => {
  it("lists users and reads the organization", async () => {
    const graph = await graphFor();
    const users = await graph.api("/users").get();
    expect(users["@odata.context"]).toBe("https://graph.microsoft.com/v1.0/$metadata#users");
    expect(users.value.map((u: { userPrincipalName: string }) => u.userPrincipalName)).toContain(DEMO_MAILBOXES.sender);
    const user = await graph.api(`/users/${DEMO_MAILBOXES.sender}`).get();
    expect(user).toMatchObject({ displayName: "Adele Vance", mail: DEMO_MAILBOXES.sender });
    const org = await graph.api("/organization").get();
    expect(org.value[0]).toMatchObject({ id: DEMO_TENANT_ID, displayName: "Contoso" });
  });

  it("sends mail that lands in the recipient's inbox and in the sent-message log", async () => {
    const graph = await graphFor();
    await graph.api(`/users/${DEMO_MAILBOXES.sender}/sendMail`).post(message(DEMO_MAILBOXES.recipient, "Quarterly numbers"));

    const { messages } = await sb.control<{ messages: { subject: string; owner: string }[] }>("GET", `mail?mailbox=${DEMO_MAILBOXES.recipient}`);
    expect(messages).toEqual([expect.objectContaining({ subject: "Quarterly numbers", owner: DEMO_MAILBOXES.recipient })]);
    const { sent } = await sb.control<{ sent: { sender: string; appId: string; deliveredTo: string[] }[] }>("GET", "sent");
    expect(sent).toEqual([expect.objectContaining({ sender: DEMO_MAILBOXES.sender, appId: DEMO_CLIENT_ID, deliveredTo: [DEMO_MAILBOXES.recipient] })]);

    const inbox = await graph.api(`/users/${DEMO_MAILBOXES.recipient}/mailFolders/inbox/messages`).get();
    expect(inbox.value[0]).toMatchObject({ subject: "Quarterly numbers", from: { emailAddress: { address: DEMO_MAILBOXES.sender } } });
  });

  it.each([
    ["admin consent not granted", DEMO_FAILING_APPS.noAdminConsent, DEMO_MAILBOXES.sender, 401, "NoPermissionsInAccessToken", "token contains no permissions"],
    ["Mail.Send not granted", DEMO_FAILING_APPS.noMailSend, DEMO_MAILBOXES.sender, 403, "ErrorAccessDenied", "Access is denied"],
    ["a mailbox that does not exist", undefined, DEMO_MAILBOXES.nonexistent, 404, "ErrorInvalidUser", "is invalid"],
    ["a user without an Exchange licence", undefined, DEMO_MAILBOXES.unlicensed, 404, "MailboxNotEnabledForRESTAPI", "inactive, soft-deleted"],
    ["a mailbox outside the app's access policy", undefined, DEMO_MAILBOXES.blockedByPolicy, 403, "ErrorAccessDenied", "Access to OData is disabled"],
  ])("surfaces sending with %s as %i %s", async (_name, app, sender, status, code, text) => {
    const graph = await graphFor(app);
    const error = await graphError(graph.api(`/users/${sender}/sendMail`).post(message(DEMO_MAILBOXES.recipient)));
    expect(error.statusCode).toBe(status);
    expect(error.code).toBe(code);
    expect(error.message).toContain(text);
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.headers?.get("request-id")).toBe(error.requestId);
  });

  it("rejects an invalid recipient with ErrorInvalidRecipients", async () => {
    const graph = await graphFor();
    const error = await graphError(graph.api(`/users/${DEMO_MAILBOXES.sender}/sendMail`).post(message("not-an-address")));
    expect([error.statusCode, error.code]).toEqual([400, "ErrorInvalidRecipients"]);
  });

  it("refuses /me for an app-only token", async () => {
    const graph = await graphFor();
    const error = await graphError(graph.api("/me").get());
    expect([error.statusCode, error.code]).toEqual([400, "BadRequest"]);
  });

  it("throttles the fifth concurrent request for one app and mailbox with 429 and Retry-After", async () => {
    const graph = await graphFor();
    await sb.control("PUT", "faults", { endpoint: "sendMail", latencyMs: 300 });
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => graph.api(`/users/${DEMO_MAILBOXES.sender}/sendMail`).post(message(DEMO_MAILBOXES.recipient))),
    );
    const throttled = results.flatMap((r) => (r.status === "rejected" ? [r.reason as GraphError] : []));
    expect(throttled.length).toBeGreaterThanOrEqual(1);
    expect(throttled[0]).toMatchObject({ statusCode: 429, code: "ApplicationThrottled", message: "Application is over its MailboxConcurrency limit." });
    expect(Number(throttled[0].headers?.get("Retry-After"))).toBeGreaterThan(0);
  });

  it("accepts mail past a mailbox's messages-per-minute limit and delivers it in the next minute, as Exchange queues it", async () => {
    await sb.control("PUT", "limits", { messagesPerMinute: 2 });
    const graph = await graphFor();
    const send = () => graph.api(`/users/${DEMO_MAILBOXES.sender}/sendMail`).post(message(DEMO_MAILBOXES.recipient));
    for (let i = 0; i < 3; i++) await send();
    const { sent } = await sb.control<{ sent: { deliveredAt: string }[] }>("GET", "sent");
    expect(sent).toHaveLength(3);
    expect(Date.parse(sent[2].deliveredAt) - Date.parse(sent[0].deliveredAt)).toBe(60_000);
  });

  it("lets the SDK's RetryHandler wait out Retry-After and succeed", async () => {
    await sb.control("PUT", "faults", { endpoint: "users", failNext: 1, failStatus: 429, retryAfterSeconds: 1 });
    const graph = await graphFor(undefined, new RetryHandlerOptions(0, 2));
    const started = Date.now();
    const users = await graph.api("/users").get();
    expect(users.value.length).toBeGreaterThan(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });
});
