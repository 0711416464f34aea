import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/lib/db/paths";
import { sandboxSignInEnv } from "@/sandbox/fixtures/demo";
import { startSandbox } from "@/sandbox/index";
import { prepareDatabase } from "./bootstrap";
import { runNext, runServer } from "./run-next";
import { seedDemo } from "./seed-demo";

/**
 * The server the browser tests talk to: a production build on its own data folder (FORGE365_DATA_DIR,
 * and so its own embedded database when no DATABASE_URL is set), seeded like a fresh `npm run dev`.
 */
fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(dataDir, { recursive: true });

const built = await runNext(["build"], process.env);
if (built !== 0) process.exit(built);

const database = await prepareDatabase();
const sandbox = await startSandbox({ port: Number(process.env.SANDBOX_PORT ?? 4110) });
process.env.M365_SANDBOX_URL = sandbox.url;
Object.assign(process.env, sandboxSignInEnv(sandbox.url));
await seedDemo();
const code = await runServer(["--port", process.env.PORT ?? "3100"], { ...process.env, NODE_ENV: "production" }, { logFile: path.join(dataDir, "server.log") });
await sandbox.close();
await database.embedded?.stop();
process.exit(code);
