import { expect, test } from "@playwright/test";
import { alert, PASSWORD, sandboxMail, signIn, signUp, uniqueEmail } from "../helpers";

const NEW_PASSWORD = "a freshly reset password";

test("forgot password: the same answer for any address, a mailed link that works once, every other browser signed out", async ({ browser }) => {
  const first = await browser.newPage();
  const email = await signUp(first);
  const second = await (await browser.newContext()).newPage();
  await signIn(second, email, PASSWORD);

  const visitor = await (await browser.newContext()).newPage();
  const answers: string[] = [];
  for (const address of [uniqueEmail("nobody"), email]) {
    await visitor.goto("/sign-in");
    await visitor.getByRole("link", { name: "Forgot password?" }).click();
    // The sign-in page has an Email field too: fill only once the navigation has landed.
    await expect(visitor.getByRole("heading", { name: "Reset your password" })).toBeVisible();
    await visitor.getByLabel("Email").fill(address);
    await visitor.getByRole("button", { name: "Send reset link" }).click();
    await expect(visitor.getByText(`If an account exists for ${address}, we sent a link`)).toBeVisible();
    answers.push((await visitor.locator("section").textContent())!.replace(address, "<email>"));
  }
  expect(answers[1]).toBe(answers[0]);

  const link = await sandboxMail.linkSentTo(email, "/reset-password/");
  await visitor.goto(link);
  await visitor.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await visitor.getByLabel("Repeat new password").fill("not the same password");
  await visitor.getByRole("button", { name: "Set new password" }).click();
  await expect(visitor.getByText("The two passwords do not match.")).toBeVisible();
  await visitor.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await visitor.getByLabel("Repeat new password").fill(NEW_PASSWORD);
  await visitor.getByRole("button", { name: "Set new password" }).click();
  await expect(visitor).toHaveURL(/\/sign-in\?reset=done/);
  await expect(visitor.getByText("Your password was changed and every device was signed out.")).toBeVisible();

  // Both browsers that were signed in are signed out.
  for (const page of [first, second]) {
    await page.goto("/workspaces/new");
    await expect(page).toHaveURL(/\/sign-in/);
  }
  await signIn(visitor, email, NEW_PASSWORD);
  await expect(visitor).toHaveURL(/\/workspaces/);

  // The link worked once.
  await visitor.goto(link);
  await expect(visitor.getByText("This password reset link has expired or was already used.")).toBeVisible();
  await expect(alert(visitor)).toBeVisible();
});
