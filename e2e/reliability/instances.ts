import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { createScratchDatabase } from "@/bench/database";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { deployMigrations } from "@/lib/db/migrations";
import { serverArgs } from "@/scripts/run-next";
import { freePort } from "@/tests/helpers/ports";

/**
 * The Postgres the instances share, migrated: a scratch database beside DATABASE_URL when one is
 * configured (CI), otherwise an embedded database this process serves, one connection per instance.
 */
export async function sharedDatabase(): Promise<{ url: string; env: Record<string, string>; drop(): Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const scratch = await createScratchDatabase("scaleout", process.env.DATABASE_URL);
    return { url: scratch.url, env: {}, drop: scratch.drop };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forge365-scaleout-"));
  const embedded = await startEmbeddedDatabase({ dir: path.join(dir, "pglite") });
  await deployMigrations(embedded.url);
  return {
    url: embedded.url,
    env: { FORGE365_EMBEDDED_DB: "1" },
    drop: async () => {
      await embedded.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Instance {
  url: string;
  /** Dies at once, as on a crash or a lost machine: nothing is finished or cleaned up. */
  kill(): void;
  stop(): Promise<void>;
}

/** One more production instance of the dashboard (scripts/serve.ts on the browser tests' build), on a free port. */
export async function startInstance(env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Its own process group, so a kill takes everything it started with it.
  const child: ChildProcess = spawn(process.execPath, serverArgs(["--port", String(port), "--hostname", "127.0.0.1"]), {
    detached: true,
    stdio: "ignore",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", APP_URL: url, LOG_LEVEL: "warn", ...env },
  });
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // Already gone.
    }
  };
  for (const giveUp = Date.now() + 90_000; ; await sleep(250)) {
    if (child.exitCode !== null) throw new Error(`instance on ${url} exited with ${child.exitCode}`);
    if (await fetch(`${url}/sign-in`).then((r) => r.ok, () => false)) break;
    if (Date.now() > giveUp) throw new Error(`instance on ${url} did not start`);
  }
  return {
    url,
    kill: () => signal("SIGKILL"),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      signal("SIGTERM");
      await Promise.race([exited, sleep(10_000).then(() => signal("SIGKILL"))]);
    },
  };
}
