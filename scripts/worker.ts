import "./env-file";
import { env } from "@/lib/env";
import { startWorker } from "@/lib/jobs/worker";
import { prepareDatabase } from "./bootstrap";
import { refuseHalfConfigured } from "./refuse-half-configured";

/** `npm run worker`: the health-check worker alone, for deployments that run it apart from the dashboard. */
async function main() {
  refuseHalfConfigured(env());
  const database = await prepareDatabase();
  const worker = await startWorker();
  console.log("Worker: scheduled health checks and webhooks running. Stop with Ctrl+C.");
  const stop = async () => {
    await worker.stop();
    await database.embedded?.stop();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`forge365 worker cannot start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
