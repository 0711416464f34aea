import { startSandbox } from "@/sandbox/index";
import { startWorkerUnlessDisabled } from "@/lib/jobs/worker";
import { prepareDatabase } from "./bootstrap";
import { runNext } from "./run-next";
import { DEMO_EMAIL, DEMO_PASSWORD, seedDemo } from "./seed-demo";

async function main() {
  // Webhook receivers in development usually run on this machine.
  process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS ??= "true";
  const database = await prepareDatabase();
  // The sandbox runs in this process, beside (not inside) the dashboard, unless one is configured.
  const sandbox = process.env.M365_SANDBOX_URL ? null : await startSandbox({ port: Number(process.env.SANDBOX_PORT ?? 4010) });
  if (sandbox) process.env.M365_SANDBOX_URL = sandbox.url;
  console.log(`Microsoft 365 sandbox: ${process.env.M365_SANDBOX_URL}`);
  const { created } = await seedDemo();
  const worker = await startWorkerUnlessDisabled();
  console.log(`\nDemo sign-in${created ? " (just created)" : ""}: ${DEMO_EMAIL} / ${DEMO_PASSWORD}\n`);
  const code = await runNext(["dev", "--port", process.env.PORT ?? "3000"], process.env);
  await sandbox?.close();
  await worker?.stop();
  await database.embedded?.stop();
  process.exit(code);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
