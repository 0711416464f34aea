import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/lib/db/paths";

/**
 * AUTH_SECRET signs session cookies. Production must configure it; development generates one once
 * under .data/ so a fresh clone needs no setup, and keeps it so sessions survive restarts.
 */
export function resolveAuthSecret(env: NodeJS.ProcessEnv = process.env, dir = dataDir): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === "production") {
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
