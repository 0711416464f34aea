import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/lib/db/paths";
import { env, type EnvSource } from "@/lib/env";

/**
 * AUTH_SECRET signs session cookies. Production must configure it; development generates one once
 * under .data/ so a fresh clone needs no setup, and keeps it so sessions survive restarts.
 */
export function resolveAuthSecret(source?: EnvSource, dir = dataDir): string {
  const { AUTH_SECRET, NODE_ENV } = env(source);
  if (AUTH_SECRET) return AUTH_SECRET;
  if (NODE_ENV === "production") {
    throw new Error(
      "AUTH_SECRET is not set. Production needs a stable secret to sign sessions: generate one with `openssl rand -base64 32` and set AUTH_SECRET.",
    );
  }
  const file = path.join(dir, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
  }
  return fs.readFileSync(file, "utf8").trim();
}
