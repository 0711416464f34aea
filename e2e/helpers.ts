import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";

export const DEMO = { email: "demo@forge365.local", password: "forge365-demo" };
export const PASSWORD = "a strong test password";

export function uniqueEmail(prefix = "e2e") {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

/** Where a test reads the mail forge365 sent: the link of a kind (e.g. "/verify-email/") in the newest mail to an address. */
export interface MailReader {
  linkSentTo(to: string, path: string): Promise<string>;
}

const SANDBOX_URL = `http://127.0.0.1:${process.env.SANDBOX_PORT}`;

/**
 * The browser tests' server sends its own mail through the sandbox (MAIL_FROM of MAIL_WORKSPACE, in
 * playwright.config.ts); every message the sandbox accepted, with its body, is at GET /_sandbox/sent.
 */
export const sandboxMail: MailReader = {
  async linkSentTo(to, path) {
    const pattern = new RegExp(`https?://[^\\s"'<>]*${path.replace(/\//g, "\\/")}[A-Za-z0-9_-]+(\\?[^\\s"'<>]*)?`);
    let found: string | undefined;
    await expect
      .poll(
        async () => {
          const { sent } = (await (await fetch(`${SANDBOX_URL}/_sandbox/sent`)).json()) as {
            sent: { toRecipients: { emailAddress: { address: string } }[]; body: { content: string } }[];
          };
          const mail = sent.findLast((m) => m.toRecipients.some((r) => r.emailAddress.address === to) && pattern.test(m.body.content));
          found = mail && pattern.exec(mail.body.content)![0].replaceAll("&amp;", "&");
          return found;
        },
        { message: `a mail to ${to} with a ${path} link`, timeout: 15_000 },
      )
      .toBeTruthy();
    return found!;
  },
};

/**
 * Each person signs up from an address of their own, as people do: the suites sign up far more people
 * than the per-address sign-up limit lets through from one (the limit has its own tests).
 */
async function comeFromAnAddressOfYourOwn(page: Page) {
  const byte = () => Math.floor(Math.random() * 254) + 1;
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `10.${byte()}.${byte()}.${byte()}` });
}

/** Fills and sends the sign-up form, on `/sign-up` or wherever the page already is. */
export async function submitSignUp(page: Page, { email, name = "E2E Person", password = PASSWORD }: { email: string; name?: string; password?: string }) {
  await comeFromAnAddressOfYourOwn(page);
  if (!new URL(page.url()).pathname.startsWith("/sign-up")) await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await expect(page.getByText(`We sent a link to ${email}.`)).toBeVisible();
}

/** Opens the newest verification link mailed to `email` and confirms it, which signs its person in. */
export async function verifyEmail(page: Page, email: string, mail: MailReader = sandboxMail) {
  await page.goto(await mail.linkSentTo(email, "/verify-email/"));
  await page.getByRole("button", { name: "Verify email address" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/verify-email"));
}

/** Signs up through the real flow: the form, the verification mail, its link; ends signed in on /workspaces/new. */
export async function signUp(page: Page, email = uniqueEmail(), name = "E2E Person", password = PASSWORD, mail: MailReader = sandboxMail) {
  await submitSignUp(page, { email, name, password });
  await verifyEmail(page, email, mail);
  await expect(page).toHaveURL(/\/workspaces\/new/);
  return email;
}

/** Submits the sign-in form and waits for its answer: an error on the page. */
export async function attemptSignIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(alert(page)).toBeVisible();
}

/** Signs in and waits until the app has moved on from the sign-in page. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

export async function createWorkspace(page: Page, name: string, environment: "Production" | "Test" = "Production") {
  await page.goto("/workspaces/new");
  await page.getByLabel("Workspace name").fill(name);
  await page.getByLabel("Environment").selectOption({ label: environment === "Production" ? "Production — a client's live tenant" : "Test — rehearsals and the sandbox" });
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return new URL(page.url()).pathname.split("/")[2];
}

/** The page's own alerts (Next adds an empty one of its own for route announcements). */
export function alert(page: Page) {
  return page.locator('[role="alert"]:not(#__next-route-announcer__)').first();
}

export const SERVER_LOG = `${process.env.E2E_DATA_DIR}/server.log`;

/** Fills the Add Microsoft 365 Account form. */
export async function fillAccountForm(
  page: Page,
  values: { label: string; tenant: string; clientId: string; clientSecret: string; expires: string; mailboxes: string; cloud?: string },
) {
  await page.getByLabel("Label").fill(values.label);
  await page.getByLabel("Directory (tenant) ID").fill(values.tenant);
  await page.getByLabel("Application (client) ID").fill(values.clientId);
  await page.getByLabel("Client secret value").fill(values.clientSecret);
  await page.getByLabel("Secret expires").fill(values.expires);
  await page.getByLabel("Mailboxes").fill(values.mailboxes);
  if (values.cloud) {
    await page.getByText("Advanced").click();
    await page.getByLabel("Cloud").selectOption({ label: values.cloud });
  }
}

/** A date a year ahead, typed as a US user types it. */
export function nextYear() {
  const d = new Date();
  return `${String(d.getMonth() + 1).padStart(2, "0")}/${String(Math.min(d.getDate(), 28)).padStart(2, "0")}/${d.getFullYear() + 1}`;
}

/** The owner's page invites a new person with a role; they sign up through the link and join. */
export async function inviteAndJoin(owner: Page, invitee: Page, slug: string, role: "ADMIN" | "MEMBER" | "VIEWER") {
  const email = uniqueEmail(role.toLowerCase());
  await owner.goto(`/w/${slug}/members`);
  // Each member's row has a Role select of its own; the invitation's is the one in this form.
  const form = owner.locator("form").filter({ has: owner.getByRole("button", { name: "Create invitation" }) });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption(role);
  await form.getByRole("button", { name: "Create invitation" }).click();
  const link = await owner.getByLabel("Invitation link").inputValue();
  await invitee.goto(`/sign-up?callbackUrl=${encodeURIComponent(new URL(link).pathname)}`);
  await submitSignUp(invitee, { email, name: `${role} person` });
  await verifyEmail(invitee, email);
  await invitee.getByRole("button", { name: "Accept invitation" }).click();
  await expect(invitee).toHaveURL(new RegExp(`/w/${slug}$`));
  return email;
}

/**
 * Runs Test Connection from a mailbox's page and waits for the verdict. A send that Microsoft accepts is followed by
 * the look for a bounce (10 s when the app may read the mailbox), which `verdictTimeoutMs` must leave room for.
 */
export async function runTest(page: Page, options: { to?: string; dryRun?: boolean; verdictTimeoutMs?: number } = {}) {
  const form = page.getByRole("form", { name: "Test Connection" });
  if (options.to) await form.getByLabel("Send the test mail to").fill(options.to);
  if (options.dryRun) await form.getByLabel(/Dry run/).check();
  await form.getByRole("button", { name: "Test Connection" }).click();
  const result = page.getByTestId("test-result");
  await expect(result).toHaveAttribute("data-status", /PASSED|FAILED/, { timeout: options.verdictTimeoutMs ?? 40_000 });
  return result;
}
