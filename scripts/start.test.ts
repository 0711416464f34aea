import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

it.each([
  { missing: "ENCRYPTION_KEYS", env: { NODE_ENV: "production" as const } },
  // npm start is production whatever NODE_ENV says.
  { missing: "APP_URL", env: { NODE_ENV: "development" as const, ENCRYPTION_KEYS: "main:abc", AUTH_SECRET: "configured", DATABASE_URL: "postgresql://127.0.0.1:9/none" } },
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
