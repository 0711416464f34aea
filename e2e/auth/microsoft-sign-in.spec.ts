import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { getEntry } from "@/lib/microsoft/catalog";
import { DEMO_PASSWORD, DEMO_TENANT_ID } from "@/sandbox/fixtures/demo";
import { SERVER_LOG, signUp, submitSignUp } from "../helpers";

const SANDBOX = `http://127.0.0.1:${process.env.SANDBOX_PORT ?? 4110}`;
/** Tokens as the sandbox issues them: JWTs (access and ID tokens) and "1.A…" codes and refresh tokens. */
const JWT_SHAPE = /eyJ[\w-]{10,}\.eyJ[\w-]{10,}\./;
const SANDBOX_SECRET_SHAPE = /1\.A[\w-]{60,}/;

/**
 * A Contoso user of its own for each test, on contoso.com, a domain the tenant verified: its ID token carries
 * email and xms_edov true. Added through the sandbox's control API, so no other test's mailbox is touched.
 */
async function microsoftUser(page: Page, name: string) {
  const upn = `${name}-${randomUUID().slice(0, 8)}@contoso.com`;
  const response = await page.request.post(`${SANDBOX}/_sandbox/tenants/${DEMO_TENANT_ID}/users`, {
    data: { userPrincipalName: upn, displayName: `${name} Person`, password: DEMO_PASSWORD },
  });
  expect(response.ok()).toBe(true);
  return upn;
}

/** The forge365 button, then the sandbox's sign-in page, as a person goes through them. */
async function continueWithMicrosoft(page: Page, upn: string) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with Microsoft" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.getByLabel("Account").selectOption(upn);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

async function expectNoMicrosoftToken(page: Page) {
  const cookies = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("\n");
  const log = fs.existsSync(SERVER_LOG) ? fs.readFileSync(SERVER_LOG, "utf8") : "";
  for (const text of [await page.content(), cookies, log]) {
    expect(text).not.toMatch(JWT_SHAPE);
    expect(text).not.toMatch(SANDBOX_SECRET_SHAPE);
  }
}

test("a new person signs in with Microsoft and is signed in, with a verified email", async ({ page }) => {
  const upn = await microsoftUser(page, "newcomer");
  await continueWithMicrosoft(page, upn);
  await expect(page).not.toHaveURL(/\/sign-in/);
  await page.goto("/account");
  await expect(page.getByText(upn)).toBeVisible();
  await expectNoMicrosoftToken(page);
});

test("an existing account whose email is verified on both sides is linked", async ({ browser }) => {
  const owner = await browser.newPage();
  const upn = await microsoftUser(owner, "existing");
  // Signs up and follows the mailed verification link: the forge365 side of the email is verified.
  await signUp(owner, upn, "Existing Person");
  await owner.close();

  const page = await browser.newPage();
  await continueWithMicrosoft(page, upn);
  await expect(page).not.toHaveURL(/\/sign-in/);
  await page.goto("/account");
  await expect(page.getByText(upn)).toBeVisible();
  await expectNoMicrosoftToken(page);

  // Linked: the next Microsoft sign-in is the same person, without any email rule in the way.
  await page.context().clearCookies();
  await continueWithMicrosoft(page, upn);
  await page.goto("/account");
  await expect(page.getByText(upn)).toBeVisible();
  await page.close();
});

test("an existing account whose email is not verified is refused with the reason", async ({ browser }) => {
  const owner = await browser.newPage();
  const upn = await microsoftUser(owner, "unverified");
  await submitSignUp(owner, { email: upn });
  await owner.close();

  const page = await browser.newPage();
  await continueWithMicrosoft(page, upn);
  await expect(page).toHaveURL(/\/sign-in\?microsoft=account_exists/);
  await expect(page.getByRole("alert").filter({ hasText: "An account with this email already exists" })).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in/);
  await expectNoMicrosoftToken(page);
  await page.close();
});

test("declining consent on Microsoft's page shows the catalog's diagnosis on the sign-in page", async ({ page }) => {
  // A person of another organization: Microsoft asks them to consent to the sign-in app on first use.
  const tenant = randomUUID();
  const domain = `org-${tenant.slice(0, 8)}.onmicrosoft.com`;
  const upn = `declines@${domain}`;
  const created = await page.request.post(`${SANDBOX}/_sandbox/tenants`, {
    data: { id: tenant, displayName: "Another Organization", domains: [{ name: domain, isDefault: true, isInitial: true }], users: [{ userPrincipalName: upn, displayName: "Declining Person", password: DEMO_PASSWORD }] },
  });
  expect(created.ok()).toBe(true);

  await continueWithMicrosoft(page, upn);
  await expect(page.getByRole("heading", { name: "Permissions requested" })).toBeVisible();
  await page.getByRole("button", { name: "Cancel" }).click();

  await expect(page).toHaveURL(/\/sign-in\?microsoft=AADSTS65004$/);
  const refusal = page.getByTestId("microsoft-refusal");
  await expect(refusal.getByText(getEntry("AADSTS65004")!.title)).toBeVisible();
  await expect(refusal.getByText(getEntry("AADSTS65004")!.cause)).toBeVisible();
  await expect(page.getByText("Microsoft did not complete the sign-in")).toHaveCount(0);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in/);
  await expectNoMicrosoftToken(page);
});
