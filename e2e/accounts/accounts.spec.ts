import { expect, test } from "@playwright/test";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_TENANT_ID } from "@/sandbox/fixtures/demo";
import { alert, DEMO, fillAccountForm, inviteAndJoin, nextYear, signIn } from "../helpers";

test("add an account with three mailboxes in Acme Sandbox, see it listed, replace its secret once Microsoft accepts it, delete it", async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  await page.goto("/w/acme-sandbox/accounts");
  await page.getByRole("link", { name: "Add Microsoft 365 account" }).click();
  await expect(page.getByText("Where to find these values")).toBeVisible();

  const label = `Fabrikam ${Date.now()}`;
  await fillAccountForm(page, {
    label,
    tenant: DEMO_TENANT_ID,
    clientId: DEMO_CLIENT_ID,
    clientSecret: "Fk7~first-secret-value-abcdefghijklmn0123",
    expires: nextYear(),
    mailboxes: `sales-${label.length}@fabrikam.test\nsupport@fabrikam.test, billing@fabrikam.test`,
    cloud: "Sandbox (local emulator)",
  });
  await page.getByRole("button", { name: "Add account" }).click();

  await expect(page.getByRole("heading", { level: 1, name: label })).toBeVisible();
  await expect(page.getByText("Account added with 3 mailboxes.")).toBeVisible();
  await expect(page.getByTestId("mailbox-row")).toHaveCount(3);
  await expect(page.getByTestId("secret-hint")).toHaveText("Fk7••••••••");

  await page.goto("/w/acme-sandbox/accounts");
  await expect(page.getByTestId("account-row").filter({ hasText: label })).toContainText("3");
  await page.getByRole("link", { name: label }).click();

  // A mistyped value is tried with Microsoft first and refused: the stored secret stays.
  const replace = page.getByRole("form", { name: "Replace secret" });
  await replace.getByLabel("New client secret value").fill("Fk7~second-secret-value-zyxwvutsrqpo9876");
  await replace.getByLabel("New secret expires").fill(nextYear());
  await replace.getByRole("button", { name: "Replace secret" }).click();
  await expect(alert(page)).toContainText("Microsoft did not accept the new secret");
  await expect(alert(page)).toContainText("Nothing was changed");
  await page.reload();
  await expect(page.getByTestId("secret-hint")).toHaveText("Fk7••••••••");

  // The app's working secret is accepted; the mailbox it was tried with does not exist, and the message says so.
  await replace.getByLabel("New client secret value").fill(DEMO_CLIENT_SECRET);
  await replace.getByLabel("New secret expires").fill(nextYear());
  await replace.getByRole("button", { name: "Replace secret" }).click();
  await expect(page.getByText("Secret replaced: Microsoft accepted it")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("secret-hint")).toHaveText(`${DEMO_CLIENT_SECRET.slice(0, 3)}••••••••`);

  const remove = page.getByRole("form", { name: "Delete account" });
  await remove.getByLabel(/to confirm/).fill("not the label");
  await remove.getByRole("button", { name: "Delete account" }).click();
  await expect(alert(page)).toContainText("to confirm");
  await remove.getByLabel(/to confirm/).fill(label);
  await remove.getByRole("button", { name: "Delete account" }).click();
  await expect(page).toHaveURL(/\/w\/acme-sandbox\/accounts$/);
  await expect(page.getByTestId("account-row").filter({ hasText: label })).toHaveCount(0);
});

test("every validation rule shows a precise message, keeps what was typed and writes nothing", async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  await page.goto("/w/acme-outreach/accounts/new");
  await fillAccountForm(page, {
    label: "Trap",
    tenant: "not a tenant",
    clientId: "contoso",
    clientSecret: "9d1b2c3e-4f50-6172-8394-a5b6c7d8e9f0",
    expires: "01/01/2020",
    mailboxes: "ok@contoso.com\nnot-an-address\nOK@contoso.com",
  });
  await page.getByRole("button", { name: "Add account" }).click();
  await expect(page.getByText("This looks like the Secret ID; paste the secret's Value")).toBeVisible();
  await expect(page.getByText("This secret has already expired.")).toBeVisible();
  await expect(page.getByText('Line 2: "not-an-address" is not an email address.')).toBeVisible();
  await expect(page.getByText("Line 3: ok@contoso.com is a duplicate of line 1.")).toBeVisible();
  await expect(page.getByText(/GUID like 00001111/)).toBeVisible();
  await expect(page.getByText(/or a verified domain like contoso.onmicrosoft.com/)).toBeVisible();
  await expect(page.getByLabel("Label")).toHaveValue("Trap");
  await expect(page.getByLabel("Client secret value")).toHaveValue("9d1b2c3e-4f50-6172-8394-a5b6c7d8e9f0");

  await page.goto("/w/acme-outreach/accounts");
  await expect(page.getByText("No Microsoft 365 accounts yet")).toBeVisible();
});

test("a viewer sees accounts and mailboxes but no action", async ({ browser }) => {
  const owner = await browser.newPage();
  await signIn(owner, DEMO.email, DEMO.password);
  const viewer = await (await browser.newContext()).newPage();
  await inviteAndJoin(owner, viewer, "acme-sandbox", "VIEWER");
  await viewer.goto("/w/acme-sandbox/accounts");
  await expect(viewer.getByRole("link", { name: "Add Microsoft 365 account" })).toHaveCount(0);
  // The seeded account: other tests add and delete their own accounts in this workspace meanwhile.
  await viewer.getByRole("link", { name: "Contoso (sandbox)" }).click();
  await expect(viewer.getByTestId("mailbox-row").first()).toBeVisible();
  await expect(viewer.getByRole("form")).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: /Remove/ })).toHaveCount(0);
  const response = await viewer.goto("/w/acme-sandbox/accounts/new");
  expect(response?.status()).toBe(403);
  await expect(viewer.getByRole("heading", { name: "Not allowed" })).toBeVisible();
});
