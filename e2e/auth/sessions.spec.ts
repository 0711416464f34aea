import { expect, test } from "@playwright/test";
import { PASSWORD, signIn, signUp } from "../helpers";

const FIREFOX_ON_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

test("a person sees every browser signed in, signs another one out, and that browser is signed out on its next page", async ({ browser }) => {
  const first = await (await browser.newContext()).newPage();
  const email = await signUp(first);
  const second = await (await browser.newContext({ userAgent: FIREFOX_ON_LINUX })).newPage();
  await signIn(second, email, PASSWORD);

  await first.goto("/account");
  await first.getByRole("link", { name: "See and sign out sessions" }).click();
  await expect(first.getByRole("heading", { level: 1, name: "Sessions" })).toBeVisible();
  const rows = first.getByTestId("session-row");
  await expect(rows).toHaveCount(2);
  const mine = rows.filter({ hasText: "This browser" });
  const other = rows.filter({ hasText: "Firefox 133 on Linux" });
  await expect(mine).toHaveCount(1);
  await expect(mine.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  await expect(other).toContainText("Password");
  // Signed in just now, written the US way: MM/DD/YYYY and the 12-hour clock.
  await expect(other).toContainText(/\d{2}\/\d{2}\/\d{4}, \d{1,2}:\d{2} (AM|PM)/);

  await other.getByRole("button", { name: "Sign out" }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("This browser");

  await second.goto("/account");
  await expect(second).toHaveURL(/\/sign-in/);
  await first.goto("/account");
  await expect(first).toHaveURL(/\/account$/);
});

test("Sign out all other sessions ends every other browser and keeps this one", async ({ browser }) => {
  const first = await (await browser.newContext()).newPage();
  const email = await signUp(first);
  const others = [await (await browser.newContext()).newPage(), await (await browser.newContext()).newPage()];
  for (const page of others) await signIn(page, email, PASSWORD);

  await first.goto("/account/sessions");
  await expect(first.getByTestId("session-row")).toHaveCount(3);
  await first.getByRole("button", { name: "Sign out all other sessions" }).click();
  await expect(first.getByText("Every other session was signed out.")).toBeVisible();
  await expect(first.getByTestId("session-row")).toHaveCount(1);

  for (const page of others) {
    await page.goto("/account");
    await expect(page).toHaveURL(/\/sign-in/);
  }
});
