import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "@/lib/accounts/accounts";
import { db } from "@/lib/db/client";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_MAILBOXES, DEMO_TENANT_ID } from "@/sandbox/fixtures/demo";
import { captureLogs, type CapturedLogs } from "@/tests/helpers/capture-logs";
import { createUser, createWorkspace } from "@/tests/helpers/factories";
import { useSandbox } from "@/tests/helpers/sandbox";
import { startSmtpInbox, type SmtpInbox } from "@/tests/helpers/smtp-inbox";
import { DEVELOPMENT_MAIL_SENDER, developmentOutbox, mailTransportConfig } from "./config";
import type { OutgoingMail } from "./message";
import { sendMail } from "./send";

const LINK = "http://localhost:3000/reset-password/tHe-LiNk-iS-a-CrEdEnTiAl_0123456789abcdefghij";

const mail = (to: string): OutgoingMail => ({
  purpose: "reset_password",
  to,
  subject: "Reset your forge365 password",
  text: `Choose a new password:\n\n${LINK}\n`,
  html: `<p>Choose a new password: <a href="${LINK}">${LINK}</a></p>`,
});

const MAIL_VARIABLES = ["SMTP_URL", "MAIL_FROM", "MAIL_WORKSPACE"] as const;
let logs: CapturedLogs;
afterEach(() => {
  for (const name of MAIL_VARIABLES) delete process.env[name];
  logs?.restore();
});

describe("through SMTP (SMTP_URL)", () => {
  let inbox: SmtpInbox;
  beforeAll(async () => {
    inbox = await startSmtpInbox();
  });
  afterAll(() => inbox.close());

  it("delivers text and HTML from MAIL_FROM, authenticating with the URL's credentials", async () => {
    process.env.SMTP_URL = inbox.url;
    process.env.MAIL_FROM = "no-reply@forge365.test";
    expect(await sendMail(mail("ada@example.test"))).toEqual({ sent: true });
    const received = inbox.messages.at(-1)!;
    expect(received).toMatchObject({ from: "no-reply@forge365.test", to: ["ada@example.test"], username: "forge365" });
    expect(received.source).toMatch(/^From: forge365 <no-reply@forge365\.test>/m);
    expect(received.source).toMatch(/multipart\/alternative/);
    expect(received.source).toContain("Content-Type: text/plain");
    expect(received.source).toContain("Content-Type: text/html");
    expect(await inbox.linkSentTo("ada@example.test", "/reset-password/")).toBe(LINK);
  });

  it("logs a failure with a reference, never the link, and does not throw", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:9";
    process.env.MAIL_FROM = "no-reply@forge365.test";
    logs = captureLogs();
    const result = await sendMail(mail("ada@example.test"));
    if (result.sent) expect.unreachable("a closed port accepted the mail");
    expect(result.reference).toMatch(/^[0-9a-f]{10}$/);
    expect(logs.lines.find((l) => l.includes(result.reference))).toContain('"mail":"reset_password"');
    expect(logs.lines.join("\n")).not.toContain("tHe-LiNk");
  });
});

describe("through a Microsoft 365 mailbox forge365 manages (MAIL_FROM of MAIL_WORKSPACE)", () => {
  const sandbox = useSandbox();
  beforeAll(() => {
    process.env.M365_SANDBOX_URL = sandbox.url;
  });

  async function workspaceSending() {
    const owner = await createUser();
    const workspace = await createWorkspace({ OWNER: owner });
    const { id } = await createAccount(
      { workspaceId: workspace.id, userId: owner.id, role: "OWNER" },
      {
        label: "Contoso",
        cloud: "SANDBOX",
        tenant: DEMO_TENANT_ID,
        clientId: DEMO_CLIENT_ID,
        clientSecret: DEMO_CLIENT_SECRET,
        secretExpiresOn: new Date(Date.UTC(2099, 0, 1)),
        mailboxes: [{ address: DEMO_MAILBOXES.sender, line: 1 }],
      },
    );
    process.env.MAIL_WORKSPACE = workspace.slug;
    process.env.MAIL_FROM = DEMO_MAILBOXES.sender.toUpperCase();
    return { accountId: id };
  }

  it("sends with Graph's sendMail as that mailbox, keeps no copy in Sent Items, and caches the app's token for every instance", async () => {
    const { accountId } = await workspaceSending();
    expect(await sendMail(mail(DEMO_MAILBOXES.recipient))).toEqual({ sent: true });
    const { messages } = await sandbox.control<{ messages: { subject: string; from: { emailAddress: { address: string } }; body: { contentType: string; content: string } }[] }>(
      "GET",
      `mail?mailbox=${DEMO_MAILBOXES.recipient}`,
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ subject: "Reset your forge365 password", from: { emailAddress: { address: DEMO_MAILBOXES.sender } } });
    expect(messages[0].body.content).toContain(LINK);
    const { sent } = await sandbox.control<{ sent: { identity: string; savedToSentItems: boolean }[] }>("GET", "sent");
    expect(sent).toMatchObject([{ identity: "app", savedToSentItems: false }]);
    expect(await db.tokenCache.count({ where: { appRegistrationId: accountId } })).toBe(1);
  });

  it("asks Entra anew, once, when Graph no longer accepts the cached token", async () => {
    await workspaceSending();
    expect(await sendMail(mail(DEMO_MAILBOXES.recipient))).toEqual({ sent: true });
    // An hour later by Microsoft's clock the cached token is refused, though by the cache's own clock it is still valid.
    await sandbox.control("POST", "clock", { advanceSeconds: 3_700 });
    expect(await sendMail(mail(DEMO_MAILBOXES.recipient))).toEqual({ sent: true });
    expect((await sandbox.control<{ sent: unknown[] }>("GET", "sent")).sent).toHaveLength(2);
  });

  it("logs a reference when the workspace has no such mailbox, and sends nothing", async () => {
    await workspaceSending();
    process.env.MAIL_FROM = DEMO_MAILBOXES.another;
    logs = captureLogs();
    const result = await sendMail(mail(DEMO_MAILBOXES.recipient));
    expect(result).toMatchObject({ sent: false });
    expect(logs.lines.join("\n")).toContain(`has no mailbox ${DEMO_MAILBOXES.another}`);
    expect((await sandbox.control<{ sent: unknown[] }>("GET", "sent")).sent).toEqual([]);
  });
});

describe("configuration", () => {
  it("prefers SMTP, then the named mailbox; development falls back to the seeded demo sender, production to nothing", () => {
    expect(mailTransportConfig({ SMTP_URL: "smtp://mail.example.com", MAIL_FROM: "a@example.com", MAIL_WORKSPACE: "ops" })).toEqual({
      kind: "smtp",
      url: "smtp://mail.example.com",
      from: "a@example.com",
    });
    expect(mailTransportConfig({ MAIL_FROM: "a@example.com", MAIL_WORKSPACE: "ops", NODE_ENV: "production" })).toEqual({
      kind: "microsoft365",
      workspace: "ops",
      from: "a@example.com",
    });
    expect(mailTransportConfig({ NODE_ENV: "development" })).toEqual({ kind: "microsoft365", ...DEVELOPMENT_MAIL_SENDER });
    expect(mailTransportConfig({ NODE_ENV: "production" })).toBeUndefined();
    // The development sender is the sandbox's working sender mailbox, which scripts/seed-demo.ts adds.
    expect(DEVELOPMENT_MAIL_SENDER.from).toBe(DEMO_MAILBOXES.sender);
  });

  it("points development at the sandbox's page of mail to outside addresses, and nothing else there", () => {
    const sandbox = "http://127.0.0.1:4010";
    expect(developmentOutbox({ NODE_ENV: "development", M365_SANDBOX_URL: sandbox })).toBe(`${sandbox}/outbound`);
    expect(developmentOutbox({ NODE_ENV: "development", M365_SANDBOX_URL: sandbox, SMTP_URL: "smtp://mail.example.com" })).toBeUndefined();
    expect(developmentOutbox({ NODE_ENV: "production", M365_SANDBOX_URL: sandbox, MAIL_FROM: "a@example.com", MAIL_WORKSPACE: "ops" })).toBeUndefined();
    expect(developmentOutbox({ NODE_ENV: "development" })).toBeUndefined();
  });
});
