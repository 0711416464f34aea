import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// `prisma generate` is Rust-free but insists the schema engine binary exists; it never runs it.
// Pointing the CLI at an empty file keeps it from downloading one (no network here).
const stub = path.join(os.tmpdir(), "forge365-schema-engine-stub");
if (!fs.existsSync(stub)) fs.writeFileSync(stub, "", { mode: 0o755 });

const result = spawnSync("prisma", ["generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: stub, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  shell: process.platform === "win32",
});
process.exit(result.status ?? 1);
