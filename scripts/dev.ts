import "./env-file";
import { parseArgs } from "node:util";
import { env, setEnv } from "@/lib/env";
import { sandboxSignInEnv } from "@/sandbox/fixtures/demo";
import { startSandbox } from "@/sandbox/index";
import { startWorkerUnlessDisabled } from "@/lib/jobs/worker";
import { prepareDatabase } from "./bootstrap";
import { runNext } from "./run-next";
import { DEMO_EMAIL, DEMO_PASSWORD, seedDemo } from "./seed-demo";

async function main() {
  const { values } = parseArgs({ options: { seed: { type: "boolean", default: false } } });
  // Webhook receivers in development usually run on this machine.
  process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS ??= "true";
  const database = await prepareDatabase();
  // The sandbox runs in this process, beside (not inside) the dashboard, unless one is configured.
  const sandbox = env().M365_SANDBOX_URL ? null : await startSandbox({ port: env().SANDBOX_PORT });
  if (sandbox) process.env.M365_SANDBOX_URL = sandbox.url;
  // Sign in with Microsoft goes to the sandbox's sign-in app unless one of your own is configured.
  if (sandbox && !env().AUTH_MICROSOFT_ENTRA_ID_ID) setEnv(sandboxSignInEnv(sandbox.url));
  console.log(`Microsoft 365 sandbox: ${env().M365_SANDBOX_URL}`);
  // A configured database may hold real data: a user with a published password goes there only when asked.
  const seeded = database.embedded || values.seed ? await seedDemo() : null;
  const worker = await startWorkerUnlessDisabled();
  console.log(
    seeded
      ? `\nDemo sign-in${seeded.created ? " (just created)" : ""}: ${DEMO_EMAIL} / ${DEMO_PASSWORD}\n`
      : "\nDemo user not seeded: DATABASE_URL names a database of your own (`npm run dev -- --seed` adds it).\n",
  );
  // Only this machine reaches the dev server (it runs with development secrets) unless HOST opens it up.
  const { PORT, HOST } = env();
  const code = await runNext(["dev", "--port", String(PORT), "--hostname", HOST], process.env);
  await sandbox?.close();
  await worker?.stop();
  await database.embedded?.stop();
  process.exit(code);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
