import path from "node:path";
import { env } from "@/lib/env";

/**
 * Every entry point (npm scripts, Next, tests) runs from the repository root; bundled server code has
 * no reliable file location of its own, so the working directory is the anchor.
 */
export const projectRoot = process.cwd();

/** Local state of a development machine: embedded database, generated dev secrets. Never committed. */
export const dataDir = env().FORGE365_DATA_DIR ?? path.join(projectRoot, ".data");
