import { expect, test } from "@playwright/test";
import { createWorkspace, PASSWORD, sandboxMail, signIn, signUp, submitSignUp, uniqueEmail, verifyEmail } from "../helpers";

const SANDBOX_URL = `http://127.0.0.1:${process.env.SANDBOX_PORT}`;

async function subjectsSentTo(email: string) {
  const { sent } = (await (await fetch(`${SANDBOX_URL}/_sandbox/sent`)).json()) as { sent: { subject: string; toRecipients: { emailAddress: { address: string } }[] }[] };
  return sent.filter((m) => m.toRecipients.some((r) => r.emailAddress.address === email)).map((m) => m.subject);
}

test("sign-up answers a registered address exactly as a new one, and only the mail tells its owner", async ({ browser }) => {
  const owner = await browser.newPage();
  const registered = await signUp(owner);

  const visitor = await (await browser.newContext()).newPage();
  const answers: string[] = [];
  for (const email of [uniqueEmail("new"), registered]) {
    await visitor.goto("/sign-up");
    await submitSignUp(visitor, { email, password: "someone else's password" });
    answers.push((await visitor.locator("section").textContent())!.replace(email, "<email>"));
  }
  expect(answers[1]).toBe(answers[0]);

  await expect.poll(() => subjectsSentTo(registered)).toContain("You already have a forge365 account");
  // Nothing about the account changed: its own password still signs in, the one typed at sign-up does not.
  const again = await (await browser.newContext()).newPage();
  await signIn(again, registered, PASSWORD);
  await expect(again).toHaveURL(/\/workspaces/);
});

test("an invitation waits until its person verifies their address; the banner sends the link again", async ({ browser }) => {
  const owner = await browser.newPage();
  await signUp(owner);
  const slug = await createWorkspace(owner, "Northwind");
  const email = uniqueEmail("invitee");
  await owner.goto(`/w/${slug}/members`);
  const form = owner.locator("form").filter({ has: owner.getByRole("button", { name: "Create invitation" }) });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("MEMBER");
  await form.getByRole("button", { name: "Create invitation" }).click();
  const invitation = await owner.getByLabel("Invitation link").inputValue();

  // Signed up but not verified: signed in with the password, they see the banner everywhere it belongs.
  const invitee = await (await browser.newContext()).newPage();
  await submitSignUp(invitee, { email });
  const firstLink = await sandboxMail.linkSentTo(email, "/verify-email/");
  await signIn(invitee, email, PASSWORD);
  await invitee.goto("/workspaces");
  await expect(invitee.getByText("Verify your email address")).toBeVisible();
  await invitee.goto("/account");
  await expect(invitee.getByText("Verify your email address")).toBeVisible();

  await invitee.goto(invitation);
  await expect(invitee.getByText("Join Northwind")).toBeVisible();
  await expect(invitee.getByText("Until you open it, you cannot join workspaces you are invited to.")).toBeVisible();
  await expect(invitee.getByRole("button", { name: "Accept invitation" })).toHaveCount(0);
  await invitee.getByRole("button", { name: "Send the link again" }).click();
  await expect(invitee.getByText(`We sent a new link to ${email}.`)).toBeVisible();
  await expect.poll(async () => (await sandboxMail.linkSentTo(email, "/verify-email/")) !== firstLink).toBe(true);

  // The first link was retired by the second.
  await invitee.goto(firstLink);
  await expect(invitee.getByText("This verification link has expired or was already used.")).toBeVisible();

  await verifyEmail(invitee, email);
  await invitee.goto("/workspaces");
  await expect(invitee.getByRole("heading", { level: 1, name: "Workspaces" })).toBeVisible();
  await expect(invitee.getByText("Verify your email address")).toHaveCount(0);
  await invitee.goto(invitation);
  await invitee.getByRole("button", { name: "Accept invitation" }).click();
  await expect(invitee).toHaveURL(new RegExp(`/w/${slug}$`));
});
