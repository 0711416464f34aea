import http from "node:http";
import { parseArgs } from "node:util";
import { admissionLimits, env } from "@/lib/env";
import { createAdmissionGate } from "@/lib/server/admission";
import { gatedHandler } from "@/lib/server/gated-handler";

/**
 * Serves the production build (`next build`) as `next start` does, with admission control in
 * front: see lib/server/admission.ts. `npm start`, the browser tests and the benchmarks all run
 * the app through this file. Options: --port (default PORT, then 3000), --hostname (default all).
 */
const { values } = parseArgs({ options: { port: { type: "string" }, hostname: { type: "string" } } });
const port = Number(values.port ?? env().PORT);
const limits = admissionLimits();
// Next reads NODE_ENV as it loads, so it is set before Next is imported.
Object.assign(process.env, { NODE_ENV: "production" });
const { default: next } = await import("next");
const app = next({ dev: false, dir: process.cwd(), hostname: values.hostname, port });
await app.prepare();
const gate = createAdmissionGate(limits);
const server = http.createServer(gatedHandler(app.getRequestHandler(), gate));
server.listen(port, values.hostname, () => {
  console.log(`forge365 is serving on http://${values.hostname ?? "localhost"}:${port} (${limits.maxConcurrent} requests at once, ${limits.maxQueued} waiting at most)`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    // Requests in flight finish; keep-alive connections close as they go idle.
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
