import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";

/**
 * Runs the Next CLI as a child, forwarding signals, and resolves with its exit code. With a log
 * file, its output is also copied there (the browser tests read it to prove no secret is logged).
 */
export function runNext(args: string[], env: NodeJS.ProcessEnv, options: { logFile?: string } = {}): Promise<number> {
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  // The dashboard never phones home; operators can still opt in by setting the variable to 0.
  const child = spawn(process.execPath, [nextBin, ...args], {
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
