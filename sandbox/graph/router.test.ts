import { describe, expect, it } from "vitest";
import { DEMO_CLIENT_ID, DEMO_MAILBOXES } from "../fixtures/demo";
import { graphTestClient } from "./graph-test-client";
import type { MailboxConcurrency } from "./throttle";
import { useSandbox } from "@/tests/helpers/sandbox";

const sb = useSandbox();
const { graph, sendMail: send } = graphTestClient(sb);

const sendMail = (token: string, subject = "hi", signal?: AbortSignal) => send(token, DEMO_MAILBOXES.sender, { subject }, { signal });

const concurrency = async () =>
  (await sb.control<{ mailboxes: MailboxConcurrency[] }>("GET", "concurrency")).mailboxes.find((m) => m.appId === DEMO_CLIENT_ID);

describe("Graph in the sandbox", () => {
  it("delays responses by the configured latency", async () => {
    const token = await sb.appToken();
    await sb.control("PUT", "faults", { endpoint: "users", latencyMs: 250 });
    const started = performance.now();
    expect((await graph(token, "users")).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
  });

  it("fails at the configured rate in Graph's error shape", async () => {
    const token = await sb.appToken();
    await sb.control("PUT", "faults", { endpoint: "*", failureRate: 1, failStatus: 503, retryAfterSeconds: 7 });
    const res = await graph(token, "organization", { headers: { "client-request-id": "c0ffee00-0000-4000-8000-000000000001" } });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("7");
    expect(res.headers.get("client-request-id")).toBe("c0ffee00-0000-4000-8000-000000000001");
    const { error } = await res.json();
    expect(error).toMatchObject({ code: "serviceNotAvailable", innerError: { "request-id": res.headers.get("request-id"), "client-request-id": "c0ffee00-0000-4000-8000-000000000001" } });
    expect(error.innerError.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  });

  it("records the concurrency high-water mark per app and mailbox, throttled attempts included", async () => {
    const token = await sb.appToken();
    await sb.control("PUT", "faults", { endpoint: "sendMail", latencyMs: 200 });
    const four = await Promise.all(Array.from({ length: 4 }, () => sendMail(token)));
    expect(four.map((r) => r.status)).toEqual([202, 202, 202, 202]);
    expect(await concurrency()).toMatchObject({ mailbox: expect.any(String), peak: 4, throttled: 0, inFlight: 0, admitted: 4 });

    const six = await Promise.all(Array.from({ length: 6 }, () => sendMail(token)));
    expect(six.filter((r) => r.status === 429)).toHaveLength(2);
    // A refused request leaves at once, so six at a time show as a peak of five: still over the limit of four.
    expect(await concurrency()).toMatchObject({ peak: 5, throttled: 2, inFlight: 0 });
  });

  it("holds a hung request until the client gives up, then frees its slot", async () => {
    const token = await sb.appToken();
    await sb.control("PUT", "faults", { endpoint: "sendMail", hang: true });
    await expect(sendMail(token, "stuck", AbortSignal.timeout(150))).rejects.toMatchObject({ name: "TimeoutError" });
    await expect.poll(async () => (await concurrency())?.inFlight).toBe(0);
  });

  it("pages a mailbox folder newest first", async () => {
    const token = await sb.appToken();
    for (const subject of ["one", "two", "three"]) expect((await sendMail(token, subject)).status).toBe(202);
    const first = await (await graph(token, `users/${DEMO_MAILBOXES.recipient}/mailFolders/inbox/messages?$top=2`)).json();
    expect(first.value.map((m: { subject: string }) => m.subject)).toEqual(["three", "two"]);
    const next = new URL(first["@odata.nextLink"]);
    expect(next.origin).toBe("https://graph.microsoft.com");
    const second = await (await fetch(`${sb.url}/graph.microsoft.com${next.pathname}${next.search}`, { headers: { Authorization: `Bearer ${token}` } })).json();
    expect(second.value.map((m: { subject: string }) => m.subject)).toEqual(["one"]);
    const sent = await (await graph(token, `users/${DEMO_MAILBOXES.sender}/mailFolders/sentitems/messages`)).json();
    expect(sent.value).toHaveLength(3);
  });

  it("answers without a token, and on unknown paths, as Graph does", async () => {
    const anonymous = await fetch(`${sb.url}/graph.microsoft.com/v1.0/users`);
    expect([anonymous.status, (await anonymous.json()).error.message]).toEqual([401, "Access token is empty."]);
    const token = await sb.appToken();
    const unknown = await graph(token, "nonsense");
    expect([unknown.status, (await unknown.json()).error.code]).toEqual([400, "BadRequest"]);
    const badJson = await graph(token, `users/${DEMO_MAILBOXES.sender}/sendMail`, { method: "POST", body: "{" });
    expect([badJson.status, (await badJson.json()).error.code]).toEqual([400, "BadRequest"]);
  });
});
