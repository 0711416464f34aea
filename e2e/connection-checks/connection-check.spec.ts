import fs from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_FAILING_APPS, DEMO_MAILBOXES, DEMO_RBAC_APP, DEMO_TENANT_ID } from "@/sandbox/fixtures/demo";
import { createWorkspace, DEMO, fillAccountForm, nextYear, runTest, SERVER_LOG, signIn } from "../helpers";

const SANDBOX = `http://127.0.0.1:${process.env.SANDBOX_PORT ?? 4110}`;

/** Adds an account of the sandbox's demo tenant with one mailbox, and opens that mailbox's page. */
async function addSandboxAccount(page: Page, label: string, app: { clientId: string; clientSecret: string }, address: string, workspace = "acme-sandbox") {
  await page.goto(`/w/${workspace}/accounts/new`);
  const { clientId, clientSecret } = app;
  await fillAccountForm(page, { label, tenant: DEMO_TENANT_ID, clientId, clientSecret, expires: nextYear(), mailboxes: address, cloud: "Sandbox (local emulator)" });
  await page.getByRole("button", { name: "Add account" }).click();
  await page.getByRole("link", { name: address }).first().click();
}

async function openMailbox(page: Page, address: string) {
  await page.goto("/w/acme-sandbox/mailboxes");
  await page.getByRole("link", { name: address, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: address })).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
});

test("a healthy mailbox passes every step and the test mail lands in the sandbox inbox", async ({ page }) => {
  // The demo app may read mail, so after Microsoft accepts the message the test looks for a bounce for 10 s.
  test.setTimeout(120_000);
  await openMailbox(page, DEMO_MAILBOXES.sender);
  const result = await runTest(page, { to: DEMO_MAILBOXES.recipient, verdictTimeoutMs: 80_000 });
  await expect(result).toHaveAttribute("data-status", "PASSED");
  for (const step of ["configuration", "token", "permissions", "mailbox", "send"]) {
    await expect(page.getByTestId(`step-${step}`)).toHaveAttribute("data-status", "passed");
  }
  await expect(page.getByText(`Microsoft accepted the test mail to ${DEMO_MAILBOXES.recipient}. Check the inbox in 2–3 minutes`)).toBeVisible();
  await expect(page.getByTestId("step-send")).toContainText("Accepted is not delivered");
  await expect(page.getByText("Healthy — sent")).toBeVisible();
  await expect(page.getByTestId("history-row").first()).toContainText("passed");

  const inbox = await (await page.request.get(`${SANDBOX}/_sandbox/mail?mailbox=${DEMO_MAILBOXES.recipient}`)).text();
  expect(inbox).toContain("forge365 connection test");
  expect(inbox).toContain("Acme Sandbox");
});

const mailboxScenarios = [
  { address: DEMO_MAILBOXES.blockedByPolicy, step: "send", title: "An Exchange policy keeps this app out of this mailbox" },
  { address: DEMO_MAILBOXES.nonexistent, step: "mailbox", title: /not found|does not exist/i },
  { address: DEMO_MAILBOXES.unlicensed, step: "send", title: /Exchange Online|licen/i },
];

for (const scenario of mailboxScenarios) {
  test(`${scenario.address} fails at the ${scenario.step} step with the catalog's diagnosis`, async ({ page }) => {
    await openMailbox(page, scenario.address);
    const result = await runTest(page, { to: DEMO_MAILBOXES.recipient });
    await expect(result).toHaveAttribute("data-status", "FAILED");
    await expect(page.getByTestId(`step-${scenario.step}`)).toHaveAttribute("data-status", "failed");
    const diagnosis = page.getByTestId("diagnosis");
    await expect(diagnosis).toContainText(scenario.title);
    await expect(diagnosis.getByText("How to fix it")).toBeVisible();
    await expect(diagnosis.getByRole("link", { name: "Microsoft's documentation" })).toHaveAttribute("href", /learn\.microsoft\.com/);
  });
}

const appScenarios = [
  { name: "expired secret", app: DEMO_FAILING_APPS.expiredSecret, step: "token", code: "AADSTS7000222" },
  { name: "an unknown client ID", app: { clientId: "0f0f0f0f-1111-2222-3333-444455556666", clientSecret: DEMO_CLIENT_SECRET }, step: "token", code: "AADSTS700016" },
];

for (const scenario of appScenarios) {
  test(`an app registration with ${scenario.name} fails at the ${scenario.step} step (${scenario.code})`, async ({ page }) => {
    const label = `${scenario.name} ${Date.now()}`;
    const address = `${scenario.name.replaceAll(" ", "-")}-${Date.now()}@contoso.onmicrosoft.com`;
    await addSandboxAccount(page, label, scenario.app, address);
    const result = await runTest(page, { dryRun: true });
    await expect(result).toHaveAttribute("data-status", "FAILED");
    await expect(page.getByTestId(`step-${scenario.step}`)).toHaveAttribute("data-status", "failed");
    await expect(page.getByTestId("diagnosis")).toContainText(scenario.code);
  });
}

test("an app without Entra permissions passes a dry run with a warning, and the mailbox is Ready — sending not tested, not Healthy", async ({ page }) => {
  const address = `no-entra-permissions-${Date.now()}@contoso.onmicrosoft.com`;
  await addSandboxAccount(page, `No Entra permissions ${Date.now()}`, DEMO_FAILING_APPS.noAdminConsent, address);

  const result = await runTest(page, { dryRun: true });
  await expect(result).toHaveAttribute("data-status", "PASSED");
  await expect(page.getByTestId("step-permissions")).toHaveAttribute("data-status", "warning");
  await expect(page.getByTestId("step-permissions")).toContainText("Exchange RBAC for Applications may still grant Mail.Send, so Graph decides");
  await expect(page.getByTestId("step-send")).toContainText("sending was not tested");
  await expect(page.getByText("Ready — sending not tested")).toBeVisible();
  await expect(page.getByTestId("status-meaning")).toContainText("no mail was sent, so sending was not tested");

  await page.goto(`/w/acme-sandbox/mailboxes?q=${encodeURIComponent(address)}`);
  await expect(page.getByTestId("mailbox-row").filter({ hasText: address })).toContainText("Ready — sending not tested");
});

test("an app granted Mail.Send through Exchange RBAC for Applications sends in its scope, and outside it the diagnosis names both causes", async ({ page }) => {
  test.setTimeout(120_000);
  const label = `RBAC scoped ${Date.now()}`;
  // Megan's mailbox is outside the app's scope; Acme Sandbox already holds it, so the account goes into a workspace of its own.
  const workspace = await createWorkspace(page, label, "Test");
  await addSandboxAccount(page, label, DEMO_RBAC_APP, DEMO_MAILBOXES.another, workspace);
  const outside = await runTest(page, { to: DEMO_MAILBOXES.recipient });
  await expect(outside).toHaveAttribute("data-status", "FAILED");
  await expect(page.getByTestId("step-permissions")).toHaveAttribute("data-status", "warning");
  await expect(page.getByTestId("step-send")).toHaveAttribute("data-status", "failed");
  const diagnosis = page.getByTestId("diagnosis");
  await expect(diagnosis).toContainText("Neither Entra nor Exchange lets this app send from this mailbox");
  await expect(diagnosis).toContainText("Test-ServicePrincipalAuthorization");
  await expect(diagnosis).toContainText("Get-ManagementRoleAssignment");
});

test("a test mail that Microsoft accepts and then bounces fails with the report's status code", async ({ page }) => {
  test.setTimeout(120_000);
  await addSandboxAccount(page, `Restricted sender ${Date.now()}`, { clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET }, DEMO_MAILBOXES.restrictedSender);
  const result = await runTest(page, { to: DEMO_MAILBOXES.recipient, verdictTimeoutMs: 80_000 });
  await expect(result).toHaveAttribute("data-status", "FAILED");
  await expect(page.getByTestId("step-send")).toHaveAttribute("data-status", "failed");
  await expect(page.getByTestId("diagnosis")).toContainText("The test message bounced: the mailbox is restricted from sending (5.1.8)");
  await expect(page.getByTestId("diagnosis")).toContainText("NDR_5.1.8");
});

test("Copy diagnostics gives a support bundle with Microsoft's IDs and no secret or token", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-write"]);
  await openMailbox(page, DEMO_MAILBOXES.blockedByPolicy);
  await runTest(page, { dryRun: false, to: DEMO_MAILBOXES.another });
  // A click can land before the button has hydrated; the user would simply click again.
  await expect(async () => {
    await page.getByRole("button", { name: "Copy diagnostics" }).click();
    await expect(page.getByRole("button", { name: "Copied" })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await page.getByText("Show diagnostics").click();
  const bundle = (await page.getByTestId("diagnostics").textContent()) ?? "";
  expect(bundle).toContain(`Tenant ID: ${DEMO_TENANT_ID}`);
  expect(bundle).toContain(`Mailbox: ${DEMO_MAILBOXES.blockedByPolicy}`);
  expect(bundle).toMatch(/request/i);
  expect(bundle).toContain("ErrorAccessDenied");
  expect(bundle).not.toContain(DEMO_CLIENT_SECRET);
  expect(bundle).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
});

test("Test all on an account shows progress and the failing mailboxes, and keeps the results", async ({ page }) => {
  await page.goto("/w/acme-sandbox/accounts");
  await page.getByRole("link", { name: "Contoso (sandbox)" }).click();
  const form = page.getByRole("form", { name: "Test all" });
  await expect(form.getByLabel(/Dry run/)).toBeChecked();
  await form.getByRole("button", { name: /Test all/ }).click();
  await expect(page).toHaveURL(/\/w\/acme-sandbox\/tests\//);
  await expect(page.getByTestId("bulk-progress")).toContainText("finished", { timeout: 40_000 });
  await expect(page.getByTestId("bulk-progress")).toContainText("5 / 5 done");
  await expect(page.getByTestId("failing-row").filter({ hasText: DEMO_MAILBOXES.nonexistent })).toBeVisible();
  const url = page.url();
  await page.goto("/w/acme-sandbox");
  await page.goto(url);
  await expect(page.getByTestId("bulk-progress")).toContainText("5 / 5 done");
});

test("no response, page or log line carries the client secret or an access token", async ({ page }) => {
  const bodies: Array<{ url: string; body: string }> = [];
  page.on("response", async (response) => bodies.push({ url: response.url(), body: await response.text().catch(() => "") }));
  await openMailbox(page, DEMO_MAILBOXES.another);
  await runTest(page, { dryRun: true });
  await page.getByText("Show diagnostics").click();
  await page.goto("/w/acme-sandbox/accounts");
  await page.getByRole("link", { name: "Contoso (sandbox)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Contoso (sandbox)" })).toBeVisible();

  const jwt = /eyJ[\w-]{10,}\.[\w-]{10,}\.[\w-]{10,}/;
  for (const { url, body } of bodies) {
    expect(body.includes(DEMO_CLIENT_SECRET), `${url} leaked the secret`).toBe(false);
    expect(jwt.test(body), `${url} leaked a token`).toBe(false);
  }
  const log = fs.readFileSync(SERVER_LOG, "utf8");
  expect(log).not.toContain(DEMO_CLIENT_SECRET);
  expect(log).not.toMatch(jwt);
});
