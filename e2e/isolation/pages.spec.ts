import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createWorkspace, signUp } from "../helpers";

/**
 * Every page and route handler under a workspace, found on disk: a new one is requested here
 * without anyone adding it. Other dynamic segments get a placeholder id; a non-member must get
 * 404 before any id is looked at.
 */
function workspaceRoutes(dir = path.resolve("app/w/[slug]"), prefix = ""): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) {
      const segment = /^\(.*\)$/.test(entry.name) ? "" : `/${entry.name.replace(/^\[.*\]$/, "placeholder-id")}`;
      return workspaceRoutes(path.join(dir, entry.name), prefix + segment);
    }
    return /^(page|route)\.tsx?$/.test(entry.name) ? [prefix] : [];
  });
}

const routes = workspaceRoutes();

test("discovers the workspace routes", () => {
  expect(routes).toEqual(expect.arrayContaining(["", "/members", "/settings"]));
});

test.describe("a member of another workspace", () => {
  let victim: string;

  test.beforeAll(async ({ browser }) => {
    const page = await browser.newPage();
    await signUp(page);
    victim = await createWorkspace(page, "Victim Co");
    await page.close();
  });

  for (const route of routes) {
    test(`gets 404 "Workspace not found" for /w/<other>${route}`, async ({ page }) => {
      await signUp(page);
      await createWorkspace(page, "Attacker Co");
      const response = await page.goto(`/w/${victim}${route}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "Workspace not found" })).toBeVisible();
      await expect(page.getByText("Victim Co")).toHaveCount(0);
    });
  }

  test("gets the same answer for a workspace that does not exist", async ({ page }) => {
    await signUp(page);
    const response = await page.goto("/w/no-such-workspace");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Workspace not found" })).toBeVisible();
  });
});

test("a signed-out visitor is sent to sign in and brought back", async ({ page }) => {
  await page.goto("/w/acme-outreach/members");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fw%2Facme-outreach/);
});
