import { resolveAuthSecret } from "@/lib/auth/secret";
import { prepareDatabase } from "./bootstrap";
import { runNext } from "./run-next";

async function main() {
  // Refuse to start half-configured: this would otherwise fail on the first request.
  resolveAuthSecret({ ...process.env, NODE_ENV: "production" });
  const database = await prepareDatabase();
  const code = await runNext(["start", "--port", process.env.PORT ?? "3000"], process.env);
  await database.embedded?.stop();
  process.exit(code);
}

main().catch((error: unknown) => {
  console.error(`forge365 cannot start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
