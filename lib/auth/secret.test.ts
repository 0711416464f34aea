import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { resolveAuthSecret } from "./secret";

it("refuses to run in production without AUTH_SECRET, with a message naming it", () => {
  expect(() => resolveAuthSecret({ NODE_ENV: "production" }, os.tmpdir())).toThrow(/AUTH_SECRET is not set/);
});

it("generates a development secret once and keeps it", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forge365-secret-"));
  const first = resolveAuthSecret({ NODE_ENV: "development" }, dir);
  expect(first.length).toBeGreaterThanOrEqual(40);
  expect(resolveAuthSecret({ NODE_ENV: "development" }, dir)).toBe(first);
  expect(resolveAuthSecret({ NODE_ENV: "production", AUTH_SECRET: "configured" }, dir)).toBe("configured");
  fs.rmSync(dir, { recursive: true });
});
