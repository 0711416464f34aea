import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forge365-env-"));
/** Stands in for a .env file; the other cases point at one that does not exist, so a developer's own .env plays no part. */
const envFile = path.join(dir, "production.env");
fs.writeFileSync(envFile, "ENCRYPTION_KEYS=main:abc\nAUTH_SECRET=from-the-file\nDATABASE_URL=postgresql://127.0.0.1:9/none\n");
const noFile = path.join(dir, "absent.env");

it.each([
  { missing: "ENCRYPTION_KEYS", env: { NODE_ENV: "production" as const, FORGE365_ENV_FILE: noFile } },
  // npm start is production whatever NODE_ENV says.
  { missing: "APP_URL", env: { NODE_ENV: "development" as const, ENCRYPTION_KEYS: "main:abc", AUTH_SECRET: "configured", DATABASE_URL: "postgresql://127.0.0.1:9/none", FORGE365_ENV_FILE: noFile } },
  // Variables from the .env file count; those already in the environment win over it.
  { missing: "APP_URL", env: { NODE_ENV: "production" as const, FORGE365_ENV_FILE: envFile } },
  { missing: "AUTH_SECRET", env: { NODE_ENV: "production" as const, FORGE365_ENV_FILE: envFile, AUTH_SECRET: " " } },
  // forge365 sends its own mail (verification and password reset links): production must say how.
  { missing: "MAIL_FROM", env: { NODE_ENV: "production" as const, FORGE365_ENV_FILE: envFile, APP_URL: "https://forge365.example.com" } },
  { missing: "MAIL_WORKSPACE", env: { NODE_ENV: "production" as const, FORGE365_ENV_FILE: envFile, APP_URL: "https://forge365.example.com", MAIL_FROM: "no-reply@example.com" } },
])("refuses to start without $missing, in one line, before anything starts", async ({ missing, env }) => {
  const failure = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH, ...env },
    timeout: 20_000,
  }).then(
    () => expect.unreachable("npm start started half-configured"),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  expect(failure.code).toBe(1);
  expect(failure.stdout).toBe("");
  expect(failure.stderr).toMatch(new RegExp(`^forge365 cannot start: ${missing} is not set: [^\\n]+\\n$`));
});
