import { defineConfig, devices } from "@playwright/test";
import { chromiumOrExit } from "./scripts/chromium";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
// The sandbox sits beside the server; tests read its inbox, so they share the port through the env.
process.env.SANDBOX_PORT ??= String(port + 1010);
// Each port gets its own data folder (embedded database, server log), so parallel runs never collide.
process.env.E2E_DATA_DIR ??= `.data/e2e-${port}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumOrExit(),
      // Started as the CI user (root) on a machine without a network.
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "tsx scripts/e2e-server.ts",
    url: `${baseURL}/sign-in`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    env: {
      PORT: String(port),
      FORGE365_DATA_DIR: process.env.E2E_DATA_DIR,
      SANDBOX_PORT: process.env.SANDBOX_PORT,
      NEXT_TELEMETRY_DISABLED: "1",
      APP_URL: baseURL,
      AUTH_SECRET: "e2e-only-auth-secret-not-for-production-use-0123456789",
      ENCRYPTION_KEYS: "e2e:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true",
      // The server's own mail (verification, password reset) goes through the seeded sandbox workspace's sender mailbox.
      MAIL_FROM: "adele.vance@contoso.onmicrosoft.com",
      MAIL_WORKSPACE: "acme-sandbox",
      // The sandbox returns a bounce 2 s after the send: a 4 s look finds it without slowing every send by 10 s.
      BOUNCE_WAIT_SECONDS: "4",
      // The server's Microsoft traffic goes to the sandbox on 127.0.0.1, never through a proxy the machine may name (blank is unset).
      HTTPS_PROXY: "",
      https_proxy: "",
      HTTP_PROXY: "",
      http_proxy: "",
    },
    stdout: "pipe",
  },
});
