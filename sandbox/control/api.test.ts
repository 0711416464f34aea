import { describe, expect, it } from "vitest";
import { DEMO_CLIENT_ID, DEMO_MAILBOXES, DEMO_TENANT_ID } from "../fixtures/demo";
import { useSandbox } from "@/tests/helpers/sandbox";

const sb = useSandbox();

const raw = (method: string, path: string, body: unknown) =>
  fetch(`${sb.url}/_sandbox/${path}`, { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

const FABRIKAM = "2f1c3b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b";
const FABRIKAM_APP = "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d";

describe("control API", () => {
  it("validates its input and names what is wrong", async () => {
    const res = await raw("PUT", "faults", { endpoint: "nowhere", latencyMs: -5 });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toBe("invalid_body");
    expect(body.issues.map((i: { path: string[] }) => i.path[0]).sort()).toEqual(["endpoint", "latencyMs"]);
    expect((await raw("POST", "tenants", { id: "not-a-guid", displayName: "" })).status).toBe(400);
    const role = await raw("POST", `tenants/${DEMO_TENANT_ID}/role-assignments`, { name: "x", appId: DEMO_CLIENT_ID, role: "Application Mail.Delete" });
    expect([role.status, (await role.json()).issues[0].path]).toEqual([400, ["role"]]);
    expect((await raw("DELETE", `tenants/${DEMO_TENANT_ID}/role-assignments/nothing`, undefined)).status).toBe(404);
  });

  it("builds a tenant whose new app can get tokens with the secret it was handed once", async () => {
    await sb.control("POST", "tenants", {
      id: FABRIKAM,
      displayName: "Fabrikam",
      domains: [{ name: "fabrikam.onmicrosoft.com", isDefault: true, isInitial: true }],
      users: [{ userPrincipalName: "ops@fabrikam.onmicrosoft.com", displayName: "Ops", password: "pw" }],
    });
    await sb.control("POST", `tenants/${FABRIKAM}/applications`, {
      appId: FABRIKAM_APP,
      displayName: "Fabrikam Sender",
      applicationPermissions: [{ name: "Mail.Send", adminConsented: true }],
    });
    const secret = await sb.control<{ secretText: string; hint: string; keyId: string }>("POST", `tenants/${FABRIKAM}/applications/${FABRIKAM_APP}/secrets`, {
      displayName: "ci",
    });
    expect(secret.secretText).toMatch(/^.{3}8Q~.{34}$/);
    expect(secret.hint).toBe(secret.secretText.slice(0, 3));

    const state = await sb.control<{ tenants: { id: string; applications: { secrets: object[] }[] }[] }>("GET", "state");
    expect(JSON.stringify(state)).not.toContain(secret.secretText);
    const token = await sb.appToken(FABRIKAM_APP, secret.secretText, "fabrikam.onmicrosoft.com");

    const res = await fetch(`${sb.url}/graph.microsoft.com/v1.0/users/ops@fabrikam.onmicrosoft.com/sendMail`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ message: { subject: "cross-tenant", toRecipients: [{ emailAddress: { address: DEMO_MAILBOXES.recipient } }] } }),
    });
    expect(res.status).toBe(202);
    const { messages } = await sb.control<{ messages: { subject: string }[] }>("GET", `mail?mailbox=${DEMO_MAILBOXES.recipient}`);
    expect(messages.map((m) => m.subject)).toEqual(["cross-tenant"]);
  });

  it("restricts an app to the mailboxes of a RestrictAccess policy", async () => {
    await sb.control("POST", `tenants/${DEMO_TENANT_ID}/application-access-policies`, {
      appId: DEMO_CLIENT_ID,
      accessRight: "RestrictAccess",
      mailboxes: [DEMO_MAILBOXES.sender],
    });
    const token = await sb.appToken();
    const send = (from: string) =>
      fetch(`${sb.url}/graph.microsoft.com/v1.0/users/${from}/sendMail`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify({ message: { toRecipients: [{ emailAddress: { address: DEMO_MAILBOXES.recipient } }] } }),
      });
    expect((await send(DEMO_MAILBOXES.sender)).status).toBe(202);
    const refused = await send(DEMO_MAILBOXES.another);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toMatch(/^Access to OData is disabled/);
  });

  it("turns an app or a user off and on", async () => {
    await sb.control("PATCH", `tenants/${DEMO_TENANT_ID}/applications/${DEMO_CLIENT_ID}`, { enabled: false });
    await expect(sb.appToken()).rejects.toThrow(/AADSTS7000112/);
    await sb.control("PATCH", `tenants/${DEMO_TENANT_ID}/applications/${DEMO_CLIENT_ID}`, { enabled: true });
    await sb.control("PATCH", `tenants/${DEMO_TENANT_ID}/users/${DEMO_MAILBOXES.sender}`, { exchangeLicensed: false });
    const res = await fetch(`${sb.url}/graph.microsoft.com/v1.0/users/${DEMO_MAILBOXES.sender}/sendMail`, {
      method: "POST",
      headers: { Authorization: `Bearer ${await sb.appToken()}`, "Content-Type": "application/json" },
      body: JSON.stringify({ message: { toRecipients: [{ emailAddress: { address: DEMO_MAILBOXES.recipient } }] } }),
    });
    expect((await res.json()).error.code).toBe("MailboxNotEnabledForRESTAPI");
  });

  it("resets to the fixture", async () => {
    await sb.control("POST", "tenants", { id: FABRIKAM, displayName: "Fabrikam", domains: [{ name: "fabrikam.onmicrosoft.com" }] });
    await sb.control("PUT", "limits", { mailboxConcurrency: 1, recipientsPerDay: 5 });
    await sb.control("PATCH", `tenants/${DEMO_TENANT_ID}`, { outboundBlock: "tenantExceededThreshold" });
    await sb.control("POST", "reset");
    const state = await sb.control<{ tenants: { id: string; outboundBlock: string | null }[]; limits: Record<string, number> }>("GET", "state");
    expect(state.tenants.map((t) => [t.id, t.outboundBlock])).toEqual([[DEMO_TENANT_ID, null]]);
    expect(state.limits).toEqual({ mailboxConcurrency: 4, messagesPerMinute: 30, recipientsPerDay: 10_000, maxMessageSizeBytes: 36_700_160, ndrDelaySeconds: 2 });
  });
});
