import fs from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { DEMO_CLIENT_SECRET, DEMO_FAILING_APPS, DEMO_MAILBOXES, DEMO_TENANT_ID } from "@/sandbox/fixtures/demo";
import { DEMO, fillAccountForm, nextYear, runTest, SERVER_LOG, signIn } from "../helpers";

const SANDBOX = `http://127.0.0.1:${process.env.SANDBOX_PORT ?? 4110}`;

async function openMailbox(page: Page, address: string) {
  await page.goto("/w/acme-sandbox/mailboxes");
  await page.getByRole("link", { name: address, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: address })).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
});

test("a healthy mailbox passes every step and the test mail lands in the sandbox inbox", async ({ page }) => {
  await openMailbox(page, DEMO_MAILBOXES.sender);
  const result = await runTest(page, { to: DEMO_MAILBOXES.recipient });
  await expect(result).toHaveAttribute("data-status", "PASSED");
  for (const step of ["configuration", "token", "permissions", "mailbox", "send"]) {
    await expect(page.getByTestId(`step-${step}`)).toHaveAttribute("data-status", "passed");
  }
  await expect(page.getByText(`Test mail sent to ${DEMO_MAILBOXES.recipient}. Check the inbox in 2–3 minutes.`)).toBeVisible();
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
  { name: "no admin consent", app: DEMO_FAILING_APPS.noAdminConsent, step: "permissions", code: "ADMIN_CONSENT_MISSING" },
  { name: "an unknown client ID", app: { clientId: "0f0f0f0f-1111-2222-3333-444455556666", clientSecret: DEMO_CLIENT_SECRET }, step: "token", code: "AADSTS700016" },
];

for (const scenario of appScenarios) {
  test(`an app registration with ${scenario.name} fails at the ${scenario.step} step (${scenario.code})`, async ({ page }) => {
    const label = `${scenario.name} ${Date.now()}`;
    const address = `${scenario.name.replaceAll(" ", "-")}-${Date.now()}@contoso.onmicrosoft.com`;
    await page.goto("/w/acme-sandbox/accounts/new");
    await fillAccountForm(page, {
      label,
      tenant: DEMO_TENANT_ID,
      clientId: scenario.app.clientId,
      clientSecret: scenario.app.clientSecret,
      expires: nextYear(),
      mailboxes: address,
      cloud: "Sandbox (local emulator)",
    });
    await page.getByRole("button", { name: "Add account" }).click();
    await page.getByRole("link", { name: address }).first().click();
    const result = await runTest(page, { dryRun: true });
    await expect(result).toHaveAttribute("data-status", "FAILED");
    await expect(page.getByTestId(`step-${scenario.step}`)).toHaveAttribute("data-status", "failed");
    await expect(page.getByTestId("diagnosis")).toContainText(scenario.code);
  });
}

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
