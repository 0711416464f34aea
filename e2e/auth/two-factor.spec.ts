import fs from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { alert, createWorkspace, inviteAndJoin, PASSWORD, SERVER_LOG, signUp } from "../helpers";
import { enrol } from "../two-factor";

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** The password step, which leads straight to the code step. */
async function signInWithPassword(page: Page, email: string, callbackUrl = "/") {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\/two-factor\?callbackUrl=/);
}

test("enrol with an authenticator app; signing in then asks for its code", async ({ page }) => {
  const email = await signUp(page);
  const slug = await createWorkspace(page, "Second Factor Client");
  const { app, recoveryCodes } = await enrol(page);
  await signOut(page);

  await signInWithPassword(page, email, `/w/${slug}/accounts`);
  // The password alone opens nothing: the workspace sends the browser back to the code step.
  await page.goto(`/w/${slug}`);
  await expect(page).toHaveURL(new RegExp(`/sign-in/two-factor\\?callbackUrl=%2Fw%2F${slug}$`));
  await expect(page.getByRole("heading", { name: "Second Factor Client" })).toHaveCount(0);
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(`/w/${slug}/accounts`)}`);
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);

  await page.getByLabel("Code from your app").fill("12345");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(alert(page)).toHaveText("That code is not right, or it was already used.");
  await page.getByLabel("Code from your app").fill(await app.code());
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/accounts$`));
  await expect(page.getByTestId("environment-badge")).toBeVisible();

  const log = fs.readFileSync(SERVER_LOG, "utf8");
  for (const secret of [app.secret, ...recoveryCodes]) expect(log.includes(secret), "the server log carries a two-factor secret").toBe(false);
});

test("a recovery code signs in once, says how many are left, and never works again", async ({ page }) => {
  const email = await signUp(page);
  const { recoveryCodes } = await enrol(page);
  await signOut(page);

  await signInWithPassword(page, email, "/account");
  await page.getByRole("button", { name: "Use a recovery code" }).click();
  await page.getByLabel("Recovery code").fill(recoveryCodes[0]);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("Signed in with a recovery code. It no longer works; you have 9 left.")).toBeVisible();
  await page.getByRole("link", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/account/two-factor");
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("9");
  await signOut(page);

  await signInWithPassword(page, email);
  await page.getByRole("button", { name: "Use a recovery code" }).click();
  await page.getByLabel("Recovery code").fill(recoveryCodes[0]);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(alert(page)).toHaveText("That code is not right, or it was already used.");
  // Cancel ends the half-finished sign-in.
  await page.getByRole("button", { name: "Cancel and sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/sign-in/two-factor");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2F$/);
});

test("a workspace that requires two-factor sign-in shows a member without it only the page asking them to turn it on", async ({ browser }) => {
  const owner = await (await browser.newContext()).newPage();
  await signUp(owner);
  const slug = await createWorkspace(owner, "Strict Client");
  const member = await (await browser.newContext()).newPage();
  await inviteAndJoin(owner, member, slug, "MEMBER");

  // An owner without it cannot require it of others.
  await owner.goto(`/w/${slug}/settings`);
  await expect(owner.getByRole("button", { name: "Require two-factor sign-in" })).toBeDisabled();
  await enrol(owner);
  await owner.goto(`/w/${slug}/settings`);
  await owner.getByRole("button", { name: "Require two-factor sign-in" }).click();
  await expect(owner.getByText("Two-factor sign-in is now required")).toBeVisible();
  await expect(owner.getByTestId("two-factor-requirement")).toHaveText("Required of every member. 1 member has not turned it on and cannot open this workspace.");

  for (const path of ["", "/accounts", "/members", "/settings"]) {
    await member.goto(`/w/${slug}${path}`);
    await expect(member).toHaveURL(/\/account\/two-factor\/required\?workspace=/);
    await expect(member.getByRole("heading", { level: 1 })).toHaveText("Strict Client requires two-factor sign-in");
    await expect(member.getByTestId("environment-badge")).toHaveCount(0);
  }
  const download = await member.request.get(`/w/${slug}/audit/export.csv`);
  expect(download.status()).toBe(403);
  expect(await download.text()).toContain("Strict Client requires two-factor sign-in for every member");

  await member.getByRole("link", { name: "Turn on two-factor sign-in" }).click();
  await expect(member).toHaveURL(/\/account\/two-factor$/);
  await enrol(member);
  await member.goto(`/w/${slug}`);
  await expect(member.getByRole("heading", { level: 1, name: "Strict Client" })).toBeVisible();
});
