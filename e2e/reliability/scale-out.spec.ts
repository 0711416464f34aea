import { expect, type Page, test } from "@playwright/test";
import { generateKeyString } from "@/lib/crypto";
import { startSandbox } from "@/sandbox/index";
import { bulkFixture, setSandboxLatency } from "@/tests/helpers/sandbox-fixture";
import { startSmtpInbox } from "@/tests/helpers/smtp-inbox";
import { alert, attemptSignIn, createWorkspace, fillAccountForm, nextYear, PASSWORD, signUp, uniqueEmail } from "../helpers";
import { sharedDatabase, startInstance } from "./instances";

/** How long a claim stands before another instance takes the test over (120 s in production). */
const CLAIM_TIMEOUT_SECONDS = 4;

async function sendTestMail(page: Page, mailboxUrl: string, to: string) {
  await page.goto(mailboxUrl);
  const form = page.getByRole("form", { name: "Test Connection" });
  await form.getByLabel("Send the test mail to").fill(to);
  await form.getByRole("button", { name: "Test Connection" }).click();
  return form;
}

test("two instances on one Postgres share the queue, the rate limits and the token cache, and a killed instance loses no result", async ({ browser }) => {
  test.setTimeout(240_000);
  const setup = bulkFixture({ apps: 1, mailboxesPerApp: 8 });
  const app = setup.accounts[0];
  const sandbox = await startSandbox({ port: 0, fixture: setup.fixture });
  const database = await sharedDatabase();
  const smtp = await startSmtpInbox();
  const shared = {
    ...database.env,
    DATABASE_URL: database.url,
    AUTH_SECRET: "scale-out-test-auth-secret-0123456789abcdef",
    ENCRYPTION_KEYS: generateKeyString("scaleout"),
    M365_SANDBOX_URL: sandbox.url,
    TEST_CLAIM_TIMEOUT_SECONDS: String(CLAIM_TIMEOUT_SECONDS),
    // The instances' own mail (the sign-up's verification link) goes to a local SMTP server the test reads.
    SMTP_URL: smtp.url,
    MAIL_FROM: "no-reply@forge365.test",
  };
  const a = await startInstance(shared);
  let b: Awaited<ReturnType<typeof startInstance>> | undefined;
  try {
    // Everything is set up through instance A.
    const context = await browser.newContext({ baseURL: a.url });
    const page = await context.newPage();
    await signUp(page, uniqueEmail(), "Scale Out Owner", PASSWORD, smtp);
    const slug = await createWorkspace(page, "Scale Out", "Test");
    await page.goto(`/w/${slug}/accounts/new`);
    await fillAccountForm(page, {
      label: "Bulk app",
      tenant: app.tenant,
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      expires: nextYear(),
      mailboxes: app.mailboxes.join("\n"),
      cloud: "Sandbox (local emulator)",
    });
    await page.getByRole("button", { name: "Add account" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Bulk app" })).toBeVisible();
    const accountPath = new URL(page.url()).pathname;
    await page.getByRole("link", { name: app.mailboxes[0] }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: app.mailboxes[0] })).toBeVisible();
    const mailboxPath = new URL(page.url()).pathname;

    // A acquires a token for the app in a Test all; B, started only now, shows it from the shared cache.
    await page.goto(accountPath);
    await page.getByRole("form", { name: "Test all" }).getByRole("button", { name: /Test all/ }).click();
    await expect(page.getByTestId("bulk-progress")).toContainText("8 / 8 done", { timeout: 30_000 });
    b = await startInstance(shared);
    // Both instances sign sessions with the same secret and cookies ignore ports: one sign-in serves both.
    await page.goto(`${b.url}${accountPath}`);
    await expect(page.getByText(/^Acquired .+, expires .+/)).toBeVisible();

    // Test mails: five per mailbox per ten minutes, counted across instances.
    for (const instance of [a, a, a, b, b]) {
      await sendTestMail(page, `${instance.url}${mailboxPath}`, setup.recipient);
      await expect(page).toHaveURL(/\?test=/);
      await expect(page.getByTestId("test-result")).toHaveAttribute("data-status", "PASSED", { timeout: 30_000 });
    }
    const sixth = await sendTestMail(page, `${a.url}${mailboxPath}`, setup.recipient);
    await expect(sixth.getByRole("alert").first()).toContainText("was sent 5 test mails in the last 10 minutes");

    // Sign-in failures: five per account, counted across instances.
    const [onA, onB] = [await browser.newPage({ baseURL: a.url }), await browser.newPage({ baseURL: b.url })];
    const email = uniqueEmail("locked");
    for (const stranger of [onA, onA, onA, onB, onB, onA]) await attemptSignIn(stranger, email, "not the password at all");
    await expect(alert(onA)).toContainText("Too many sign-in attempts");

    // A Test all started on A, with Microsoft slow: B shows its progress, and finishes it after A dies.
    await setSandboxLatency(sandbox.url, 1_500, ["token", "users"]);
    await page.goto(`${a.url}${accountPath}`);
    await page.getByRole("form", { name: "Test all" }).getByRole("button", { name: /Test all/ }).click();
    await expect(page).toHaveURL(/\/tests\//);
    const runPath = new URL(page.url()).pathname;
    await page.goto(`${b.url}${runPath}`);
    await expect(page.getByTestId("bulk-progress")).toContainText("/ 8 done");
    // Killed mid-run, or the takeover is not what this shows.
    expect(await page.getByTestId("bulk-progress").textContent()).not.toContain("finished");
    a.kill();
    await expect(page.getByTestId("bulk-progress")).toContainText("8 / 8 done · 8 passed · 0 failing · finished", {
      timeout: (CLAIM_TIMEOUT_SECONDS + 40) * 1_000,
    });
  } finally {
    a.kill();
    await b?.stop();
    await sandbox.close();
    await smtp.close();
    await database.drop();
  }
});
