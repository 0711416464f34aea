import { expect, test } from "@playwright/test";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_MAILBOXES, DEMO_TENANT_ID } from "@/sandbox/fixtures/demo";
import { createWorkspace, fillAccountForm, signUp } from "../helpers";

/** A date some days ahead, as a US user types it. */
function inDays(days: number) {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${String(d.getUTCMonth() + 1).padStart(2, "0")}/${String(d.getUTCDate()).padStart(2, "0")}/${d.getUTCFullYear()}`;
}

test("a secret 10 days from expiry: Needs attention, a calendar file, the workspace's date format, the audit log and its CSV, the webhook", async ({ page }) => {
  await signUp(page);
  const slug = await createWorkspace(page, "Health Co", "Test");
  await page.goto(`/w/${slug}/accounts/new`);
  await fillAccountForm(page, {
    label: "Contoso soon",
    tenant: DEMO_TENANT_ID,
    clientId: DEMO_CLIENT_ID,
    clientSecret: DEMO_CLIENT_SECRET,
    expires: inDays(10),
    mailboxes: DEMO_MAILBOXES.sender,
    cloud: "Sandbox (local emulator)",
  });
  await page.getByRole("button", { name: "Add account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Contoso soon" })).toBeVisible();
  const accountPath = new URL(page.url()).pathname;
  await expect(page.getByTestId("secret-expiry")).toHaveAttribute("data-level", "within14");

  await page.goto(`/w/${slug}`);
  const item = page.getByTestId("attention-item").first();
  await expect(item).toContainText("Contoso soon: client secret expires soon");
  await expect(item).toContainText(/Expires in (9|10) days/);
  await item.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`${accountPath}$`));

  const calendarHref = await page.getByRole("link", { name: "Add to calendar" }).getAttribute("href");
  const calendar = await page.request.get(calendarHref!);
  expect(calendar.status()).toBe(200);
  expect(calendar.headers()["content-type"]).toMatch(/^text\/calendar/);
  const ics = await calendar.text();
  expect(ics).toContain("BEGIN:VCALENDAR");
  expect(ics.match(/BEGIN:VALARM/g)).toHaveLength(2);
  expect(ics).toContain("Contoso soon (Health Co)");
  expect(ics).not.toContain(DEMO_CLIENT_SECRET);

  // The workspace switches to British dates in Berlin: pages and typed dates follow.
  await page.goto(`/w/${slug}/settings`);
  await page.getByLabel("Date and time format").selectOption("en-GB");
  await page.getByLabel("Time zone").selectOption("Europe/Berlin");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Workspace settings saved.")).toBeVisible();
  await page.goto(accountPath);
  const expires = new Date(Date.now() + 10 * 86_400_000);
  const british = `${String(expires.getUTCDate()).padStart(2, "0")}/${String(expires.getUTCMonth() + 1).padStart(2, "0")}/${expires.getUTCFullYear()}`;
  await expect(page.getByTestId("secret-expiry")).toContainText(british);
  await expect(page.getByRole("form", { name: "Edit account" }).locator('input[name="secretExpiresOn"]')).toHaveValue(british);
  await expect(page.getByLabel("New secret expires")).toHaveAttribute("placeholder", "DD/MM/YYYY");

  // The webhook's signing secret is shown once.
  await page.goto(`/w/${slug}/settings`);
  const webhook = page.getByRole("form", { name: "Webhook" });
  await webhook.getByLabel("Webhook URL").fill("https://hooks.example.test/forge365");
  await webhook.getByRole("button", { name: "Save webhook" }).click();
  const secret = await webhook.getByRole("textbox", { name: "Signing secret" }).inputValue();
  expect(secret).toMatch(/^whsec_/);
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Signing secret" })).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);
  await expect(page.getByText("No webhook calls yet.")).toBeVisible();

  await page.goto(`/w/${slug}/audit`);
  await expect(page.getByTestId("audit-row").first()).toBeVisible();
  for (const action of ["account.added", "workspace.updated", "webhook.updated"]) {
    await expect(page.locator(`[data-testid="audit-row"][data-action="${action}"]`)).toHaveCount(1);
  }
  await page.getByLabel("Event").selectOption({ label: "Account added" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByTestId("audit-row")).toHaveCount(1);
  const csvHref = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  const csv = await page.request.get(csvHref!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toMatch(/attachment; filename=".*audit-log\.csv"/);
  const lines = (await csv.text()).trimEnd().split("\r\n");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain('"account.added"');
  expect(await csv.text()).not.toContain(DEMO_CLIENT_SECRET);
  expect(await csv.text()).not.toContain(secret);

  await page.getByTestId("notification-bell").click();
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
});
