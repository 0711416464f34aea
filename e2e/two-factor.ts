import { expect, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { PASSWORD } from "./helpers";

const currentStep = () => Math.floor(Date.now() / 30_000);

/**
 * The person's authenticator app, computing codes with the same library from the secret the page
 * showed. The server accepts each time step once, and one step ahead of its clock at most, so each
 * code is of a later step than the last; when that step is still two ahead, it waits for the clock.
 */
export class Authenticator {
  private lastStep = 0;
  constructor(readonly secret: string) {}

  async code() {
    const step = Math.max(currentStep(), this.lastStep + 1);
    while (step > currentStep() + 1) await new Promise((resolve) => setTimeout(resolve, 500));
    this.lastStep = step;
    return TOTP.generate({ secret: Secret.fromBase32(this.secret), timestamp: step * 30_000 });
  }
}

/** Turns on two-factor sign-in from the account page, as a person would with the key typed in by hand. */
export async function enrol(page: Page, password = PASSWORD) {
  await page.goto("/account");
  await page.getByRole("link", { name: "Set up or change two-factor sign-in" }).click();
  const qrCode = page.getByRole("img", { name: "QR code to scan with your authenticator app" });
  await expect(qrCode).toBeVisible();
  // Drawn, not blocked: the page's Content-Security-Policy allows the data: image it is.
  expect(await qrCode.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  const app = new Authenticator(secret);
  const form = page.getByRole("form", { name: "Turn on two-factor sign-in" });
  await form.getByLabel("Code from the app").fill(await app.code());
  await form.getByLabel("Password").fill(password);
  await form.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recoveryCodes = await codes.allTextContents();
  await page.getByRole("link", { name: "I saved my recovery codes" }).click();
  await expect(page.getByRole("heading", { name: "Two-factor sign-in is on" })).toBeVisible();
  // Once confirmed, the secret is never shown again, and the codes neither.
  const html = await page.content();
  expect(html).not.toContain(secret);
  expect(html.replace(/\s/g, "")).not.toContain(secret.slice(0, 16));
  for (const code of recoveryCodes) expect(html).not.toContain(code);
  return { app, secret, recoveryCodes };
}
