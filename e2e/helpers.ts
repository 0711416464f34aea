import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";

export const DEMO = { email: "demo@forge365.local", password: "forge365-demo" };
export const PASSWORD = "a strong test password";

export function uniqueEmail(prefix = "e2e") {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

export async function signUp(page: Page, email = uniqueEmail(), name = "E2E Person") {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/workspaces\/new/);
  return email;
}

/** Submits the sign-in form and waits for its answer: an error on the page. */
export async function attemptSignIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alert(page)).toBeVisible();
}

/** Signs in and waits until the app has moved on from the sign-in page. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
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
