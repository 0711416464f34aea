import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { generateKeyString } from "@/lib/crypto";
import { serverArgs } from "@/scripts/run-next";
import { freePort } from "@/tests/helpers/ports";

/**
 * The production build the benchmarks measure. BENCH_APP_DIR points at another checkout (with its
 * own node_modules) to leave this tree's `.next` alone, e.g. while browser tests serve from it.
 */
export const appDir = path.resolve(process.env.BENCH_APP_DIR ?? path.join(import.meta.dirname, ".."));
const nextBin = path.join(appDir, "node_modules", "next", "dist", "bin", "next");
// The bench seals secrets itself (accounts the server then tests), so both sides share one key ring.
process.env.ENCRYPTION_KEYS ??= generateKeyString("bench");

function run(args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, ...args], { cwd: appDir, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env }, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next ${args.join(" ")} exited with ${code}`))));
  });
}

/** `next build`, unless BENCH_SKIP_BUILD=1 says the build is already there (npm run bench builds once). */
export async function buildApp() {
  if (process.env.BENCH_SKIP_BUILD === "1" && fs.existsSync(path.join(appDir, ".next", "BUILD_ID"))) return;
  console.log(`Building ${appDir} …`);
  await run(["build"], { NODE_ENV: "production" });
}

export interface RunningApp {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** The production server (scripts/serve.ts, as `npm start` runs it) on a free port of 127.0.0.1 with production settings; resolves once it serves pages. */
export async function startApp(options: { databaseUrl: string; env?: Record<string, string> }): Promise<RunningApp> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, serverArgs(["--port", String(port), "--hostname", "127.0.0.1"], appDir), {
    cwd: appDir,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: options.databaseUrl,
      AUTH_SECRET: "bench-only-auth-secret-0123456789abcdef0123456789",
      APP_URL: url,
      LOG_LEVEL: "warn",
      RUN_WORKER: "false",
      ...options.env,
    },
  });
  const exited = new Promise<never>((_, reject) => child.once("exit", (code) => reject(new Error(`the server exited with ${code}`))));
  exited.catch(() => {});
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ready = await Promise.race([fetch(`${url}/sign-in`).then((r) => r.ok, () => false), exited]);
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`${url} did not answer within 60 s`);
    await sleep(250);
  }
  return {
    url,
    process: child,
    stop: async () => {
      if (child.exitCode !== null) return;
      const gone = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([gone, sleep(10_000).then(() => child.kill("SIGKILL"))]);
    },
  };
}

/** Signs in through Auth.js's credentials endpoint, as the sign-in form does; returns the Cookie header. */
export async function signIn(url: string, email: string, password: string) {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  keep(csrf);
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const response = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${url}/` }),
  });
  keep(response);
  if (![...jar.keys()].some((name) => name.includes("session-token"))) throw new Error(`sign-in as ${email} failed: HTTP ${response.status}`);
  return header();
}
