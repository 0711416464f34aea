import { prepareDatabase } from "./bootstrap";
import { runNext } from "./run-next";
import { DEMO_EMAIL, DEMO_PASSWORD, seedDemo } from "./seed-demo";

async function main() {
  const database = await prepareDatabase();
  const { created } = await seedDemo();
  console.log(`\nDemo sign-in${created ? " (just created)" : ""}: ${DEMO_EMAIL} / ${DEMO_PASSWORD}\n`);
  const port = process.env.PORT ?? "3000";
  const code = await runNext(["dev", "--port", port], process.env);
  await database.embedded?.stop();
  process.exit(code);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
