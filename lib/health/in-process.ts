import { startWorker } from "./worker";

/**
 * The worker beside the dashboard in the same process (npm run dev, npm start), unless
 * RUN_WORKER=false leaves it to separate `npm run worker` processes.
 */
export async function startWorkerUnlessDisabled(env: NodeJS.ProcessEnv = process.env) {
  if (env.RUN_WORKER === "false") return null;
  const worker = await startWorker();
  console.log("Worker: scheduled health checks and webhooks running in this process (RUN_WORKER=false to run it apart).");
  return worker;
}
