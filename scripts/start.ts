import { resolveAuthSecret } from "@/lib/auth/secret";
import { loadKeyring } from "@/lib/crypto";
import { startWorkerUnlessDisabled } from "@/lib/jobs/worker";
import { prepareDatabase } from "./bootstrap";
import { runServer } from "./run-next";

async function main() {
  // Refuse to start half-configured: these would otherwise fail on the first request.
  const env = { ...process.env, NODE_ENV: "production" as const };
  resolveAuthSecret(env);
  loadKeyring({ env });
  const database = await prepareDatabase();
  const worker = await startWorkerUnlessDisabled();
  const code = await runServer(["--port", process.env.PORT ?? "3000"], process.env);
  await worker?.stop();
  await database.embedded?.stop();
  process.exit(code);
}

main().catch((error: unknown) => {
  console.error(`forge365 cannot start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
