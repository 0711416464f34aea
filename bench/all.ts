import { spawn } from "node:child_process";
import path from "node:path";
import { buildApp } from "./app-server";

/** `npm run bench`: every benchmark in turn, on one production build. */
const benchmarks = ["test-connection", "dashboard", "load", "bundle", "sign-in"];

function run(name: string) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(import.meta.dirname, "..", "node_modules", "tsx", "dist", "cli.mjs"), path.join(import.meta.dirname, `${name}.ts`)], {
      stdio: "inherit",
      env: { ...process.env, BENCH_SKIP_BUILD: "1" },
    });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`bench ${name} exited with ${code}`))));
  });
}

await buildApp();
for (const name of benchmarks) {
  console.log(`\n━━ ${name} ━━`);
  await run(name);
}
