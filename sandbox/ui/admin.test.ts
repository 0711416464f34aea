import { describe, expect, it } from "vitest";
import { DEMO_CLIENT_SECRET, DEMO_MAILBOXES, DEMO_RBAC_APP, DEMO_TENANT_ID } from "../fixtures/demo";
import { useSandbox } from "@/tests/helpers/sandbox";

const sb = useSandbox();

describe("admin view", () => {
  it("lists tenants, apps and users, showing secret hints and never secret values", async () => {
    const res = await fetch(`${sb.url}/`);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const page = await res.text();
    expect(page).toContain("Contoso");
    expect(page).toContain("Forge365 Mailer");
    expect(page).toContain(`${DEMO_CLIENT_SECRET.slice(0, 3)}•••`);
    expect(page).not.toContain(DEMO_CLIENT_SECRET);
    expect(page).toContain("expired");
    expect(page).toContain("blocked by Conditional Access");
  });

  it("shows Exchange role assignments, Send As grants, guests, restricted senders and a tenant's outbound block", async () => {
    await sb.control("PATCH", `tenants/${DEMO_TENANT_ID}`, { outboundBlock: "lowReputationIp" });
    const page = await (await fetch(`${sb.url}/`)).text();
    expect(page).toContain("Exchange role assignments (RBAC for Applications)");
    expect(page).toContain(`RBAC Scoped App<br><code>${DEMO_RBAC_APP.clientId}</code></td><td>Application Mail.Send</td>`);
    expect(page).toContain("Send As granted to");
    expect(page).toContain("Lee Gu (Fabrikam) <span class=\"muted\">(guest)</span>");
    expect(page).toContain("guest: no mailbox here");
    expect(page).toContain("restricted (5.1.8)");
    expect(page).toContain("outbound mail blocked: traffic not accepted from this IP (5.7.708)");
    expect(page).toContain(`<code>${DEMO_MAILBOXES.sender}</code></div>`);
  });

  it("shows delivered mail with markup escaped and HTML bodies confined to a sandboxed iframe", async () => {
    const token = await sb.appToken();
    const res = await fetch(`${sb.url}/graph.microsoft.com/v1.0/users/${DEMO_MAILBOXES.sender}/sendMail`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        message: {
          subject: "<script>alert('subject')</script>",
          body: { contentType: "HTML", content: `<p onclick="x()">Hi</p><script>alert("body")</script>` },
          toRecipients: [{ emailAddress: { address: DEMO_MAILBOXES.recipient, name: "<b>Alex</b>" } }],
        },
      }),
    });
    expect(res.status).toBe(202);
    const { messages } = await sb.control<{ messages: { ownerId: string }[] }>("GET", `mail?mailbox=${DEMO_MAILBOXES.recipient}`);
    const page = await (await fetch(`${sb.url}/mailbox/${messages[0].ownerId}`)).text();
    expect(page).toContain("&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt;");
    expect(page).toContain("&lt;b&gt;Alex&lt;/b&gt;");
    expect(page).toContain(`<iframe sandbox srcdoc="&lt;p onclick=&quot;x()&quot;&gt;Hi&lt;/p&gt;&lt;script&gt;alert(&quot;body&quot;)&lt;/script&gt;"`);
    expect(page).not.toMatch(/<script>alert/);
  });

  it("keeps mail to outside addresses on /outbound, with its links to follow from the top window", async () => {
    const token = await sb.appToken();
    const link = "http://localhost:3000/verify-email/abc?x=1&y=2";
    const res = await fetch(`${sb.url}/graph.microsoft.com/v1.0/users/${DEMO_MAILBOXES.sender}/sendMail`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        message: {
          subject: "Verify your email address",
          body: { contentType: "HTML", content: `<p><a href="${link.replace("&", "&amp;")}">Verify</a></p>` },
          toRecipients: [{ emailAddress: { address: "someone@example.test" } }],
        },
        saveToSentItems: false,
      }),
    });
    expect(res.status).toBe(202);
    expect(await (await fetch(`${sb.url}/`)).text()).toMatch(/<a href="\/outbound">Mail to outside addresses \([1-9]\d*\)<\/a>/);
    const page = await (await fetch(`${sb.url}/outbound`)).text();
    expect(page).toContain("To someone@example.test");
    expect(page).toContain(`<a href="http://localhost:3000/verify-email/abc?x=1&amp;y=2" rel="noreferrer">`);
    expect(page).toContain("<iframe sandbox srcdoc=");
  });
});
