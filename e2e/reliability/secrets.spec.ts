import fs from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_MAILBOXES, DEMO_TENANT_ID } from "@/sandbox/fixtures/demo";
import { createWorkspace, fillAccountForm, inviteAndJoin, nextYear, runTest, SERVER_LOG, signUp, uniqueEmail } from "../helpers";
import { enrol } from "../two-factor";
import { appRoutes } from "./routes";

/** Secrets typed into the app's forms: a client secret, a refused replacement, two passwords. */
const CANARIES = {
  clientSecret: "Rl8~SWEEP-client-secret-canary-0123456789",
  refusedSecret: "Rl8~SWEEP-refused-secret-canary-9876543210",
  password: "sweep canary password 0123456789",
  newPassword: "sweep canary new password 9876543210",
};
/** An access or refresh token: three base64url parts, the first a JSON header. */
const JWT = /eyJ[\w-]{10,}\.[\w-]{10,}\.[\w-]{10,}/;

interface Seen {
  url: string;
  text: string;
}

/**
 * Keeps every answer the app gives this page: headers and body of pages, RSC payloads, scripts and
 * server action results. The answers pass through here, because the browser does not hand over the
 * body of a streamed action result once React has read it.
 */
async function record(page: Page, seen: Seen[], app: string) {
  await page.route(`${app}/**`, async (route) => {
    // Once more if the server dropped a kept-alive connection as it was reused, as a browser would.
    const response = await route.fetch({ maxRedirects: 0 }).catch(() => route.fetch({ maxRedirects: 0 }));
    const body = await response.body();
    seen.push({ url: `${route.request().method()} ${route.request().url()}`, text: `${JSON.stringify(response.headers())}\n${body.toString("utf8")}` });
    await route.fulfill({ response, body });
  });
}

/** Each route as a document and as the RSC payload a client-side navigation fetches. */
async function sweep(page: Page, routes: string[], seen: Seen[]) {
  for (const route of routes) {
    for (const headers of [{}, { RSC: "1" }] as Array<Record<string, string>>) {
      const response = await page.request.get(route, { headers, maxRedirects: 0 });
      seen.push({ url: `${route} ${JSON.stringify(headers)} → ${response.status()}`, text: `${JSON.stringify(response.headers())}\n${await response.text()}` });
    }
  }
}

test("no page, payload, header or log line, for any role, carries a secret typed into a form or a Microsoft token", async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  const seen: Seen[] = [];
  await record(page, seen, baseURL!);

  // The owner signs up with a canary password and fills every form that takes a secret.
  await signUp(page, uniqueEmail("sweep"), "Sweep Owner", CANARIES.password);
  const slug = await createWorkspace(page, "Secret Sweep", "Test");

  await page.goto(`/w/${slug}/accounts/new`);
  const canaryAccount = { label: "Canary app", tenant: "sweep.onmicrosoft.com", clientId: "12345678-aaaa-4bbb-8ccc-123456789abc", clientSecret: CANARIES.clientSecret, expires: nextYear() };
  await fillAccountForm(page, { ...canaryAccount, mailboxes: "not-an-address" });
  await page.getByRole("button", { name: "Add account" }).click();
  await expect(page.getByText(/is not an email address/)).toBeVisible();
  await page.getByLabel("Mailboxes").fill("one@sweep.test");
  await page.getByRole("button", { name: "Add account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Canary app" })).toBeVisible();
  const accountId = new URL(page.url()).pathname.split("/").pop()!;

  await page.goto(`/w/${slug}/accounts/new`);
  await fillAccountForm(page, {
    label: "Sandbox app",
    tenant: DEMO_TENANT_ID,
    clientId: DEMO_CLIENT_ID,
    clientSecret: DEMO_CLIENT_SECRET,
    expires: nextYear(),
    mailboxes: `${DEMO_MAILBOXES.sender}\n${DEMO_MAILBOXES.another}`,
    cloud: "Sandbox (local emulator)",
  });
  await page.getByRole("button", { name: "Add account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sandbox app" })).toBeVisible();
  const sandboxAccount = page.url();

  // Microsoft refuses this secret; the refusal must not echo it.
  const replace = page.getByRole("form", { name: "Replace secret" });
  await replace.getByLabel("New client secret value").fill(CANARIES.refusedSecret);
  await replace.getByLabel("New secret expires").fill(nextYear());
  await replace.getByRole("button", { name: "Replace secret" }).click();
  await expect(replace.getByRole("alert").first()).toContainText("Microsoft did not accept the new secret");

  // Tokens are issued server-side: a send, then a Test all.
  await page.getByRole("link", { name: DEMO_MAILBOXES.sender }).first().click();
  // The send is followed by a 10 s look for a bounce (the demo app may read mail).
  await expect(await runTest(page, { to: DEMO_MAILBOXES.recipient, verdictTimeoutMs: 80_000 })).toHaveAttribute("data-status", "PASSED");
  const mailboxId = new URL(page.url()).pathname.split("/").pop()!;
  await page.goto(sandboxAccount);
  await page.getByRole("form", { name: "Test all" }).getByRole("button", { name: /Test all/ }).click();
  await expect(page).toHaveURL(/\/tests\//);
  await expect(page.getByTestId("bulk-progress")).toContainText("finished", { timeout: 40_000 });
  const runId = new URL(page.url()).pathname.split("/").pop()!;

  await page.goto("/account");
  await page.getByLabel("Current password").fill(CANARIES.password);
  await page.getByLabel("New password", { exact: true }).fill(CANARIES.newPassword);
  await page.getByLabel("Repeat new password").fill(CANARIES.newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText(/Password changed/)).toBeVisible();

  // The authenticator's secret is shown only until two-factor is on, and the recovery codes only once.
  const { secret: totpSecret, recoveryCodes } = await enrol(page, CANARIES.newPassword);
  const enrolled = seen.length;

  // The webhook's signing secret is shown once, in the answer to saving it, and never again.
  await page.goto(`/w/${slug}/settings`);
  await page.getByLabel("Webhook URL").fill("http://127.0.0.1:9/forge365");
  await page.getByRole("button", { name: "Save webhook" }).click();
  const signingSecret = await page.getByRole("textbox", { name: "Signing secret" }).inputValue();
  expect(signingSecret.length).toBeGreaterThan(20);

  await page.goto(`/w/${slug}/members`);
  await page.getByLabel("Email").fill(uniqueEmail("pending"));
  await page.getByRole("button", { name: "Create invitation" }).click();
  const token = new URL(await page.getByLabel("Invitation link").inputValue()).pathname.split("/").pop()!;

  const people: Page[] = [page];
  for (const role of ["ADMIN", "MEMBER", "VIEWER"] as const) {
    const invitee = await browser.newPage();
    await record(invitee, seen, baseURL!);
    await inviteAndJoin(page, invitee, slug, role);
    people.push(invitee);
  }

  const routes = appRoutes({ slug, accountId, mailboxId, runId, token, "...nextauth": "session" });
  expect(routes.length).toBeGreaterThan(20);
  for (const person of people) await sweep(person, routes, seen);

  const log = fs.readFileSync(SERVER_LOG, "utf8");
  seen.push({ url: "server log", text: log });
  for (const { url, text } of seen) {
    for (const secret of [...Object.values(CANARIES), DEMO_CLIENT_SECRET]) {
      expect(text.includes(secret), `${url} carries a secret typed into a form`).toBe(false);
    }
    expect(text.match(JWT)?.[0], `${url} carries a token`).toBeUndefined();
  }
  const afterEnrolling = seen.slice(enrolled).filter(({ text }) => [totpSecret, ...recoveryCodes].some((value) => text.includes(value)));
  expect(afterEnrolling.map(({ url }) => url), "the two-factor secret and recovery codes once two-factor is on").toEqual([]);
  const showingRecoveryCodes = seen.filter(({ text }) => recoveryCodes.some((code) => text.includes(code))).map(({ url }) => url);
  expect(new Set(showingRecoveryCodes), "only the answer to turning two-factor on shows the recovery codes").toEqual(new Set([`POST ${baseURL}/account/two-factor`]));
  const showingSigningSecret = seen.filter(({ text }) => text.includes(signingSecret)).map(({ url }) => url);
  expect(showingSigningSecret, "only the answer to saving the webhook shows its signing secret").toEqual([`POST ${baseURL}/w/${slug}/settings`]);
});
