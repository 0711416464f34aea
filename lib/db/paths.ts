import path from "node:path";

/**
 * Every entry point (npm scripts, Next, tests) runs from the repository root; bundled server code has
 * no reliable file location of its own, so the working directory is the anchor.
 */
export const projectRoot = process.cwd();

/** Local state of a development machine: embedded database, generated dev secrets. Never committed. */
export const dataDir = process.env.FORGE365_DATA_DIR ?? path.join(projectRoot, ".data");
