import fs from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_MAILBOXES, DEMO_PASSWORD, DEMO_REDIRECT_URI, DEMO_TENANT_ID } from "@/sandbox/fixtures/demo";
import { createWorkspace, fillAccountForm, nextYear, PASSWORD, runTest, SERVER_LOG, signUp } from "../helpers";

const SANDBOX = `http://127.0.0.1:${process.env.SANDBOX_PORT ?? 4110}`;
const DEMO_APP = `${SANDBOX}/_sandbox/tenants/${DEMO_TENANT_ID}/applications/${DEMO_CLIENT_ID}`;
/** A refresh token as the sandbox issues them ("1.A" and 96 random bytes); authorization codes are shorter. */
const REFRESH_TOKEN_SHAPE = /1\.A[\w-]{128}/;
const JWT_SHAPE = /eyJ[\w-]{10,}\.eyJ[\w-]{10,}\./;

// One sandbox app registration is changed (redirect URIs, consents), so these run one after another.
test.describe.configure({ mode: "serial" });

let callbackUri: string;

async function patchDemoApp(page: Page, body: object) {
  const response = await page.request.patch(DEMO_APP, { data: body });
  expect(response.ok()).toBe(true);
}

/**
 * The sandbox's sign-in and consent pages, as a mailbox owner goes through them. Earlier consents are
 * withdrawn first, so the consent page always comes.
 */
async function signInOnSandbox(page: Page, username: string, decision: "Accept" | "Cancel" = "Accept") {
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await patchDemoApp(page, { userConsents: [] });
  await page.getByLabel("Account").selectOption(username);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: decision }).click();
}

/** A new workspace with a delegated sandbox account for the sender mailbox, on the account's page. */
async function delegatedAccount(page: Page) {
  const email = await signUp(page);
  const name = `Delegated ${Date.now()}`;
  const slug = await createWorkspace(page, name, "Test");
  await page.goto(`/w/${slug}/accounts/new`);
  await fillAccountForm(page, {
    label: "Contoso delegated",
    tenant: DEMO_TENANT_ID,
    clientId: DEMO_CLIENT_ID,
    clientSecret: DEMO_CLIENT_SECRET,
    expires: nextYear(),
    mailboxes: DEMO_MAILBOXES.sender,
    cloud: "Sandbox (local emulator)",
  });
  await page.getByLabel("Delegated (each owner signs in)").check();
  await page.getByRole("button", { name: "Add account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Contoso delegated" })).toBeVisible();
  return { slug, name, email };
}

test.beforeAll(async ({ browser }) => {
  callbackUri = `${test.info().project.use.baseURL}/api/microsoft/callback`;
  const page = await browser.newPage();
  await patchDemoApp(page, { redirectUris: [DEMO_REDIRECT_URI, callbackUri], userConsents: [] });
  await page.close();
});

test("connect a mailbox by signing in, send a test mail as it, and no refresh token ever reaches the browser or the log", async ({ page }) => {
  const seen: Array<{ url: string; body: string }> = [];
  page.on("response", async (response) => {
    // A response still arriving when the page closes has nothing left to read.
    const [headers, body] = await Promise.all([response.allHeaders().catch(() => ({})), response.text().catch(() => "")]);
    seen.push({ url: response.url(), body: `${JSON.stringify(headers)}\n${body}` });
  });

  const { slug, name } = await delegatedAccount(page);
  await expect(page.getByText("Permission mode").locator("..")).toContainText("Delegated");
  await expect(page.getByTestId("redirect-uri")).toHaveText(callbackUri);
  await expect(page.getByRole("button", { name: "Copy redirect URI" })).toBeVisible();

  await page.getByRole("button", { name: "Connect with Microsoft" }).click();
  await expect(page).toHaveURL(new RegExp(`^${SANDBOX}/login\\.microsoftonline\\.com/${DEMO_TENANT_ID}/oauth2/v2\\.0/authorize`));
  await signInOnSandbox(page, DEMO_MAILBOXES.sender);

  await expect(page).toHaveURL(/\/mailboxes\/\w+\?connected=1$/);
  await expect(page.getByText(`Connected as ${DEMO_MAILBOXES.sender}. Run Test Connection`)).toBeVisible();
  await expect(page.getByTestId("connection-state")).toContainText(`Connected as ${DEMO_MAILBOXES.sender} since`);

  const result = await runTest(page, { to: DEMO_MAILBOXES.recipient });
  await expect(result).toHaveAttribute("data-status", "PASSED");
  for (const step of ["configuration", "token", "permissions", "mailbox", "send"]) {
    await expect(page.getByTestId(`step-${step}`)).toHaveAttribute("data-status", "passed");
  }
  const inbox = await (await page.request.get(`${SANDBOX}/_sandbox/mail?mailbox=${DEMO_MAILBOXES.recipient}`)).json();
  const subjects = (inbox.messages as Array<{ subject: string }>).map((m) => m.subject);
  expect(subjects.some((s) => s.includes("forge365 connection test") && s.includes(name))).toBe(true);

  for (const path of ["", "/accounts", "/mailboxes", new URL(page.url()).pathname.replace(`/w/${slug}`, "")]) {
    for (const headers of [{}, { RSC: "1" }] as Array<Record<string, string>>) {
      const response = await page.request.get(`/w/${slug}${path}`, { headers });
      seen.push({ url: `${path} ${JSON.stringify(headers)}`, body: await response.text() });
    }
  }
  expect(seen.length).toBeGreaterThan(20);
  for (const { url, body } of seen) {
    expect(body, `${url} carried a refresh token`).not.toMatch(REFRESH_TOKEN_SHAPE);
    expect(body, `${url} carried an access token`).not.toMatch(JWT_SHAPE);
  }
  const log = fs.readFileSync(SERVER_LOG, "utf8");
  expect(log.length).toBeGreaterThan(0);
  expect(log).not.toMatch(REFRESH_TOKEN_SHAPE);
  expect(log).not.toMatch(JWT_SHAPE);
});

test("a revoked sign-in turns the mailbox to Reconnect required with a workspace banner, and Reconnect heals it", async ({ page }) => {
  const { slug } = await delegatedAccount(page);
  await page.getByRole("button", { name: "Connect with Microsoft" }).click();
  await signInOnSandbox(page, DEMO_MAILBOXES.sender);
  await expect(page.getByTestId("connection-state")).toContainText("Connected as");
  const mailboxPage = page.url().replace(/\?.*$/, "");

  await page.request.post(`${SANDBOX}/_sandbox/tenants/${DEMO_TENANT_ID}/users/${DEMO_MAILBOXES.sender}/revoke-sessions`);
  const failed = await runTest(page, { dryRun: true });
  await expect(failed).toHaveAttribute("data-status", "FAILED");
  await expect(page.getByTestId("step-token")).toHaveAttribute("data-status", "failed");
  await expect(page.getByTestId("diagnosis")).toContainText("AADSTS50173");

  await page.goto(`/w/${slug}`);
  const banner = page.getByTestId("reconnect-banner");
  await expect(banner).toContainText("1 mailbox needs to be reconnected");
  await expect(banner).toContainText(`${DEMO_MAILBOXES.sender} — AADSTS50173: Saved sign-in was revoked`);
  await banner.getByRole("link", { name: DEMO_MAILBOXES.sender }).click();
  await expect(page.getByText("Reconnect required: Microsoft refused the saved sign-in")).toBeVisible();

  await page.getByRole("button", { name: "Reconnect" }).click();
  await signInOnSandbox(page, DEMO_MAILBOXES.sender);
  await expect(page).toHaveURL(`${mailboxPage}?connected=1`);
  await expect(page.getByTestId("reconnect-banner")).toHaveCount(0);
  const healed = await runTest(page, { dryRun: true });
  await expect(healed).toHaveAttribute("data-status", "PASSED");
});

test("sign-in failures land on the mailbox with the catalog's diagnosis, and a replayed answer changes nothing", async ({ page }) => {
  await delegatedAccount(page);
  await page.getByRole("link", { name: DEMO_MAILBOXES.sender }).click();
  await expect(page.getByRole("heading", { level: 1, name: DEMO_MAILBOXES.sender })).toBeVisible();
  const mailboxPage = page.url();

  // Someone else signs in: nothing is stored.
  await page.getByRole("button", { name: "Connect with Microsoft" }).click();
  await signInOnSandbox(page, DEMO_MAILBOXES.recipient);
  await expect(page.getByTestId("connect-failure")).toContainText("Signed in with a different account than the mailbox");
  await expect(page.getByTestId("connection-state")).toContainText("Not connected");

  // The redirect URI is not registered: Microsoft stops on its own page, and the mailbox page explains it.
  await patchDemoApp(page, { redirectUris: [DEMO_REDIRECT_URI] });
  try {
    await page.goto(mailboxPage);
    await page.getByRole("button", { name: "Connect with Microsoft" }).click();
    await expect(page.getByText(/AADSTS50011/)).toBeVisible();
    await page.goto(mailboxPage);
    const diagnosis = page.getByTestId("connection").getByTestId("diagnosis");
    await expect(diagnosis).toContainText("Redirect URI not registered on the app");
    await expect(page.getByTestId("connection").getByTestId("redirect-uri")).toHaveText(callbackUri);
  } finally {
    await patchDemoApp(page, { redirectUris: [DEMO_REDIRECT_URI, callbackUri] });
  }

  // Consent cancelled on Microsoft's page.
  await page.getByRole("button", { name: "Connect with Microsoft" }).click();
  await signInOnSandbox(page, DEMO_MAILBOXES.sender, "Cancel");
  await expect(page.getByTestId("connect-failure")).toContainText("The user declined the consent screen");

  // Connected for real; the same answer replayed is refused without touching the stored sign-in.
  let callback = "";
  page.on("request", (request) => {
    if (request.url().startsWith(callbackUri)) callback = request.url();
  });
  await page.getByRole("button", { name: "Connect with Microsoft" }).click();
  await signInOnSandbox(page, DEMO_MAILBOXES.sender);
  await expect(page.getByTestId("connection-state")).toContainText("Connected as");
  await page.goto(callback);
  await expect(page).toHaveURL(/\/microsoft\/connect-failed\?code=STATE_INVALID$/);
  await expect(page.getByTestId("connect-failure")).toContainText("The sign-in link was stale or not from forge365");
  await page.goto(mailboxPage);
  await expect(page.getByTestId("connection-state")).toContainText(`Connected as ${DEMO_MAILBOXES.sender}`);
});

test("a session that ended during the sign-in picks up after signing in again", async ({ page }) => {
  const { email } = await delegatedAccount(page);
  await page.getByRole("button", { name: "Connect with Microsoft" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.context().clearCookies();
  await signInOnSandbox(page, DEMO_MAILBOXES.sender);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fapi%2Fmicrosoft%2Fcallback/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("connection-state")).toContainText(`Connected as ${DEMO_MAILBOXES.sender}`);
});
