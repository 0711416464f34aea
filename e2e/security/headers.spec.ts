import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "../helpers";

test("pages carry a strict Content-Security-Policy and the other security headers", async ({ page }) => {
  const response = await page.goto("/sign-in");
  const headers = response!.headers();
  const csp = headers["content-security-policy"];
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).toContain("object-src 'none'");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-powered-by"]).toBeUndefined();

  // The policy does not get in the app's way: scripts run and sign-in works.
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await signIn(page, DEMO.email, DEMO.password);
  await page.getByLabel("Switch workspace").click();
  await expect(page.getByRole("link", { name: /Acme Outreach/ })).toBeVisible();
  expect(violations).toEqual([]);
});

test("the session cookie is httpOnly and SameSite", async ({ page, context }) => {
  await signIn(page, DEMO.email, DEMO.password);
  const session = (await context.cookies()).find((c) => c.name.includes("session-token"));
  expect(session).toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");
});
