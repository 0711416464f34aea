import fs from "node:fs";

/**
 * Loads `.env` (or the file FORGE365_ENV_FILE names) into this process, as README's Configuration
 * promises, before the entry point that imports this first reads anything. Variables already set in
 * the environment win, as they do for Next's own loading.
 */
const file = process.env.FORGE365_ENV_FILE || ".env";
if (fs.existsSync(file)) process.loadEnvFile(file);
