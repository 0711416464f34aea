import { expect, test } from "@playwright/test";
import { alert, createWorkspace, PASSWORD, signIn, signUp, submitSignUp, uniqueEmail, verifyEmail } from "../helpers";

test("create, rename, switch; the environment badge is on every workspace page", async ({ page }) => {
  await signUp(page);
  const live = await createWorkspace(page, "Northwind Live", "Production");
  const rehearsal = await createWorkspace(page, "Northwind Rehearsal", "Test");

  for (const path of ["", "/members", "/settings"]) {
    await page.goto(`/w/${rehearsal}${path}`);
    await expect(page.getByTestId("environment-badge")).toHaveText("Test");
  }

  await page.goto(`/w/${live}/settings`);
  await page.getByLabel("Workspace name").fill("Northwind (renamed)");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Workspace settings saved.")).toBeVisible();
  await expect(page.getByTestId("current-workspace")).toHaveText("Northwind (renamed)");

  await page.getByLabel("Workspace name").fill("");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Enter a workspace name.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Workspace name")).toHaveValue("Northwind (renamed)");

  await page.getByLabel("Switch workspace").click();
  await page.getByRole("link", { name: /Northwind Rehearsal/ }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${rehearsal}$`));
  await expect(page.getByTestId("environment-badge")).toHaveText("Test");
});

test("many workspaces: the switcher holds a few and leads to the full list, which finds one by name", async ({ page }) => {
  await signUp(page);
  const names = Array.from({ length: 10 }, (_, i) => `Tailspin ${String(i).padStart(2, "0")}`);
  for (const name of names) await createWorkspace(page, name, "Test");

  await page.getByLabel("Switch workspace").click();
  const menu = page.locator("details[open]");
  await expect(menu.getByRole("listitem")).toHaveCount(9);
  await menu.getByRole("link", { name: "All 10 workspaces →" }).click();
  await expect(page).toHaveURL(/\/workspaces$/);
  await expect(page.getByTestId("workspace-row")).toHaveCount(10);
  await expect(page.getByText("10 workspaces · page 1 of 1")).toBeVisible();

  await page.getByLabel("Search").fill("tailspin 07");
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByTestId("workspace-row")).toHaveCount(1);
  await expect(page.getByTestId("workspace-row")).toContainText("Owner");
  await page.getByRole("link", { name: "Tailspin 07" }).click();
  await expect(page.getByTestId("current-workspace")).toHaveText("Tailspin 07");
});

test("invite by link: the invitee joins with the invited role; the link works once; roles change; members are removed", async ({ browser }) => {
  const owner = await browser.newPage();
  await signUp(owner);
  const slug = await createWorkspace(owner, "Fabrikam");
  const inviteeEmail = uniqueEmail("invitee");

  await owner.goto(`/w/${slug}/members`);
  await owner.getByLabel("Email").fill(inviteeEmail);
  await owner.getByLabel("Role").selectOption("VIEWER");
  await owner.getByRole("button", { name: "Create invitation" }).click();
  const link = await owner.getByLabel("Invitation link").inputValue();
  expect(link).toContain("/invite/");
  await expect(owner.getByText(`${inviteeEmail} · Viewer`)).toBeVisible();

  // Someone else signed in cannot use it.
  const stranger = await (await browser.newContext()).newPage();
  await signUp(stranger);
  await stranger.goto(link);
  await stranger.getByRole("button", { name: "Accept invitation" }).click();
  await expect(alert(stranger)).toContainText("This invitation was sent to");

  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(link);
  await expect(invitee.getByText("Join Fabrikam")).toBeVisible();
  await invitee.getByRole("link", { name: "Create account" }).click();
  await invitee.waitForURL(/\/sign-up/);
  await submitSignUp(invitee, { email: inviteeEmail, name: "Invited Person" });
  await verifyEmail(invitee, inviteeEmail);
  await expect(invitee).toHaveURL(/\/invite\//);
  await invitee.getByRole("button", { name: "Accept invitation" }).click();
  await expect(invitee.getByRole("heading", { level: 1, name: "Fabrikam" })).toBeVisible();
  await invitee.goto(`/w/${slug}/settings`);
  await expect(invitee.getByText("Only admins and owners can change these settings.")).toBeVisible();

  await invitee.goto(link);
  await expect(invitee.getByText("This invitation has already been used.")).toBeVisible();

  await owner.reload();
  const row = owner.getByTestId("member-row").filter({ hasText: inviteeEmail });
  await row.getByLabel("Role").selectOption("MEMBER");
  // The reload below must come after the action has answered, not merely after the click.
  await Promise.all([
    owner.waitForResponse((response) => response.request().method() === "POST" && response.url().includes(`/w/${slug}/members`)),
    row.getByRole("button", { name: "Change role" }).click(),
  ]);
  await expect(owner.getByTestId("member-row").filter({ hasText: inviteeEmail }).getByLabel("Role")).toHaveValue("MEMBER");
  await owner.reload();
  await expect(owner.getByTestId("member-row").filter({ hasText: inviteeEmail }).getByLabel("Role")).toHaveValue("MEMBER");

  owner.once("dialog", (d) => d.accept());
  await owner.getByTestId("member-row").filter({ hasText: inviteeEmail }).getByRole("button", { name: "Remove" }).click();
  await expect(owner.getByTestId("member-row").filter({ hasText: inviteeEmail })).toHaveCount(0);

  // Fabrikam was the invitee's only workspace: removal ended their session.
  await invitee.goto(`/w/${slug}`);
  await expect(invitee).toHaveURL(/\/sign-in/);
  await signIn(invitee, inviteeEmail, PASSWORD);
  await invitee.goto(`/w/${slug}`);
  await expect(invitee.getByRole("heading", { name: "Workspace not found" })).toBeVisible();
});

test("the last owner cannot leave", async ({ page }) => {
  await signUp(page);
  const slug = await createWorkspace(page, "Solo Agency");
  await page.goto(`/w/${slug}/members`);
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Leave workspace" }).click();
  await expect(alert(page)).toContainText("A workspace keeps at least one owner.");
});
