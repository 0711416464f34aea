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
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  const permissions = headers["permissions-policy"];
  for (const feature of ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics", "interest-cohort", "publickey-credentials-get"]) {
    expect(permissions).toContain(`${feature}=()`);
  }
  // Deny-all: no feature is allowed to anyone.
  expect(permissions.split(",").every((directive) => /^\s*[a-z-]+=\(\)\s*$/.test(directive))).toBe(true);
  // Every response, not only pages: a built file and a route handler carry them too.
  for (const path of [(await page.locator("script[src^='/_next/static/']").first().getAttribute("src"))!, "/api/auth/session"]) {
    const other = (await page.request.get(path)).headers();
    expect(other["permissions-policy"], path).toBe(permissions);
    expect(other["cross-origin-opener-policy"], path).toBe("same-origin");
  }
  const denied = await page.evaluate(() => (document as Document & { featurePolicy?: { allowsFeature(feature: string): boolean } }).featurePolicy?.allowsFeature("camera"));
  expect(denied).toBe(false);

  // The policies do not get in the app's way: scripts run and sign-in works, and Chromium knows every
  // feature the Permissions-Policy names (it reports the ones it does not on the console).
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Permissions-Policy/i.test(message.text())) violations.push(message.text());
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
