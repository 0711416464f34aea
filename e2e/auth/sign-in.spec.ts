import { expect, test } from "@playwright/test";
import { alert, attemptSignIn, createWorkspace, DEMO, PASSWORD, signIn, signUp, uniqueEmail } from "../helpers";

test("sign up, create a first workspace, sign out, sign back in", async ({ page }) => {
  const email = await signUp(page);
  await createWorkspace(page, "First Client");
  await expect(page.getByTestId("environment-badge")).toHaveText("Production");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, email, PASSWORD);
  await expect(page.getByRole("heading", { level: 1, name: "First Client" })).toBeVisible();
});

test("the seeded demo user lands in its workspaces", async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  await expect(page).toHaveURL(/\/w\/acme-/);
  await page.getByLabel("Switch workspace").click();
  await expect(page.getByRole("link", { name: /Acme Outreach/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /Acme Sandbox/ })).toBeVisible();
});

test("a wrong password and an unknown account get the same message, without enumerating accounts", async ({ page }) => {
  const email = await signUp(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await attemptSignIn(page, email, "not the password");
  const wrong = await alert(page).textContent();
  await attemptSignIn(page, uniqueEmail("nobody"), "not the password");
  const unknown = await alert(page).textContent();
  expect(wrong).toBe("The email or password is incorrect.");
  expect(unknown).toBe(wrong);
  await expect(page.getByLabel("Email")).toHaveValue(/nobody-/);
});

test("repeated failures pause sign-in for the account with a clear message", async ({ page }) => {
  const email = await signUp(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  for (let i = 0; i < 5; i++) await attemptSignIn(page, email, `wrong ${i}`);
  await attemptSignIn(page, email, PASSWORD);
  await expect(alert(page)).toContainText("Too many sign-in attempts");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a password change signs out the user's other browsers", async ({ browser }) => {
  const first = await browser.newPage();
  const email = await signUp(first);
  const second = await (await browser.newContext()).newPage();
  await signIn(second, email, PASSWORD);
  await expect(second).toHaveURL(/\/workspaces\/new/);

  await first.goto("/account");
  await first.getByLabel("Current password", { exact: true }).fill(PASSWORD);
  await first.getByLabel("New password", { exact: true }).fill("an even stronger password");
  await first.getByLabel("Repeat new password").fill("an even stronger password");
  await first.getByRole("button", { name: "Change password" }).click();
  await expect(first.getByText("Password changed.")).toBeVisible();

  await second.goto("/workspaces/new");
  await expect(second).toHaveURL(/\/sign-in/);
  await first.goto("/workspaces/new");
  await expect(first).toHaveURL(/\/workspaces\/new/);
});

test("sign-up refuses bad input with field messages", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("<script>alert(1)</script>");
  await page.getByLabel("Work email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("A name cannot contain < or >.")).toBeVisible();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("Use at least 12 characters.")).toBeVisible();
  await expect(page.getByLabel("Work email")).toHaveValue("not-an-email");
});
