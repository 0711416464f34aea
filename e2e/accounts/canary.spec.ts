import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO_CLIENT_ID, DEMO_TENANT_ID } from "@/sandbox/fixtures/demo";
import { alert, createWorkspace, fillAccountForm, nextYear, SERVER_LOG, signUp } from "../helpers";

const CANARY = "Cn4~CANARY-secret-never-leaves-0123456789";
const CANARY_2 = "Cn4~SECOND-canary-never-leaves-9876543210";

test("a secret entered in the UI never appears in a page, RSC payload, action or route response, or a log line", async ({ page }) => {
  const seen: Array<{ url: string; body: string }> = [];
  page.on("response", async (response) => {
    // Prefetches still in flight when the test ends have no page left to read from.
    const body = await response.text().catch(() => "");
    const headers = await response.allHeaders().catch(() => ({}));
    seen.push({ url: response.url(), body: `${JSON.stringify(headers)}\n${body}` });
  });

  await signUp(page);
  const slug = await createWorkspace(page, "Canary Co");
  await page.goto(`/w/${slug}/accounts/new`);
  const form = {
    label: "Canary account",
    // The sandbox's app, so a replacement is really tried with Microsoft (and refused: the canary is not its secret).
    tenant: DEMO_TENANT_ID,
    clientId: DEMO_CLIENT_ID,
    cloud: "Sandbox (local emulator)",
    clientSecret: CANARY,
    expires: nextYear(),
    mailboxes: "not-an-address",
  };
  // First a refused submission (its response must not echo the secret), then the real one.
  await fillAccountForm(page, form);
  await page.getByRole("button", { name: "Add account" }).click();
  await expect(page.getByText(/is not an email address/)).toBeVisible();
  await page.getByLabel("Mailboxes").fill("one@canary.test\ntwo@canary.test");
  await page.getByRole("button", { name: "Add account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Canary account" })).toBeVisible();
  const accountPath = new URL(page.url()).pathname;

  const replace = page.getByRole("form", { name: "Replace secret" });
  await replace.getByLabel("New client secret value").fill(CANARY_2);
  await replace.getByLabel("New secret expires").fill(nextYear());
  await replace.getByRole("button", { name: "Replace secret" }).click();
  await expect(alert(page)).toContainText("Microsoft did not accept the new secret");

  const pages = ["", "/accounts", accountPath.replace(`/w/${slug}`, ""), "/accounts/new", "/mailboxes", "/members", "/settings", "/audit", "/notifications"];
  for (const path of pages) {
    const url = `/w/${slug}${path}`;
    await page.goto(url);
    for (const headers of [{}, { RSC: "1" }] as Array<Record<string, string>>) {
      const response = await page.request.get(url, { headers });
      seen.push({ url: `${url} ${JSON.stringify(headers)}`, body: await response.text() });
    }
  }
  for (const route of ["/api/auth/session", "/api/auth/csrf", "/api/auth/providers"]) {
    const response = await page.request.get(route);
    seen.push({ url: route, body: await response.text() });
  }

  expect(seen.length).toBeGreaterThan(20);
  for (const { url, body } of seen) {
    for (const canary of [CANARY, CANARY_2]) {
      expect(body.includes(canary), `${url} leaked the secret`).toBe(false);
      expect(body.includes(canary.slice(4, 24)), `${url} leaked part of the secret`).toBe(false);
    }
  }

  const log = fs.readFileSync(SERVER_LOG, "utf8");
  expect(log.length).toBeGreaterThan(0);
  expect(log).not.toContain(CANARY);
  expect(log).not.toContain(CANARY_2);
});
