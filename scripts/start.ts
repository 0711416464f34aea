import "./env-file";
import { env } from "@/lib/env";
import { refuseHalfConfigured } from "./refuse-half-configured";

// `npm start` is production whatever NODE_ENV says (scripts/serve.ts tells Next so).
const production = { ...process.env, NODE_ENV: "production" };
refuseHalfConfigured(env(production));

async function main() {
  // Loaded only once the configuration is complete, so a refusal comes before anything loads or connects.
  const [{ loadKeyring }, { startWorkerUnlessDisabled }, { prepareDatabase }, { runServer }] = await Promise.all([
    import("@/lib/crypto"),
    import("@/lib/jobs/worker"),
    import("./bootstrap"),
    import("./run-next"),
  ]);
  // Keys that are set but malformed would otherwise fail on the first request that seals or opens one.
  loadKeyring({ env: production });
  const database = await prepareDatabase();
  const worker = await startWorkerUnlessDisabled();
  const code = await runServer(["--port", String(env().PORT)], process.env);
  await worker?.stop();
  await database.embedded?.stop();
  process.exit(code);
}

main().catch((error: unknown) => {
  console.error(`forge365 cannot start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
