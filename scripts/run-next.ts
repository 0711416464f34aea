import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

interface RunOptions {
  logFile?: string;
}

/**
 * Node's arguments for serving the production build of the project in `dir` through scripts/serve.ts
 * (admission control in front of Next), followed by its options (--port, --hostname).
 */
export function serverArgs(options: string[], dir = path.resolve(import.meta.dirname, "..")) {
  return ["--import", "tsx", path.join(dir, "scripts", "serve.ts"), ...options];
}

/**
 * Runs a Node program as a child, forwarding signals, and resolves with its exit code. With a log
 * file, its output is also copied there (the browser tests read it to prove no secret is logged).
 */
function runNode(args: string[], env: NodeJS.ProcessEnv, options: RunOptions): Promise<number> {
  // The dashboard never phones home; operators can still opt in by setting the variable to 0.
  const child = spawn(process.execPath, args, {
    stdio: options.logFile ? ["inherit", "pipe", "pipe"] : "inherit",
    env: { NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  if (options.logFile) {
    const log = fs.createWriteStream(options.logFile, { flags: "a" });
    child.stdout?.on("data", (chunk) => (process.stdout.write(chunk), log.write(chunk)));
    child.stderr?.on("data", (chunk) => (process.stderr.write(chunk), log.write(chunk)));
  }
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

/** The Next CLI (dev, build). */
export function runNext(args: string[], env: NodeJS.ProcessEnv, options: RunOptions = {}) {
  return runNode([createRequire(import.meta.url).resolve("next/dist/bin/next"), ...args], env, options);
}

/** The production server, scripts/serve.ts. */
export function runServer(args: string[], env: NodeJS.ProcessEnv, options: RunOptions = {}) {
  return runNode(serverArgs(args), env, options);
}
