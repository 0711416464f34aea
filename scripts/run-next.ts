import { spawn } from "node:child_process";
import { createRequire } from "node:module";

/** Runs the Next CLI as a child, forwarding signals, and resolves with its exit code. */
export function runNext(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  // The dashboard never phones home; operators can still opt in by setting the variable to 0.
  const child = spawn(process.execPath, [nextBin, ...args], { stdio: "inherit", env: { NEXT_TELEMETRY_DISABLED: "1", ...env } });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}
