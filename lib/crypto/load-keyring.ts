import { randomUUID } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { logger } from "@/lib/log";
import { VaultError } from "./errors";
import { generateKeyString, parseKeyring, type Keyring } from "./keyring";
import { dataDir as defaultDataDir } from "@/lib/db/paths";
import { env, type EnvSource } from "@/lib/env";

export interface LoadKeyringOptions {
  /** The variables to read instead of this process's. */
  env?: EnvSource;
  /** Where development keeps its generated key; defaults to the project's data folder (.data/). */
  dataDir?: string;
}

export const KEY_FILE_NAME = "encryption-keys";
const DEV_KEY_ID = "dev";

/**
 * ENCRYPTION_KEYS wins everywhere. Production refuses to start without it, because a key made up
 * on the spot would leave every stored secret unreadable after the next deploy. Elsewhere a key
 * is generated once into `<dataDir>/encryption-keys` (same format as the variable) so a fresh
 * checkout runs with no setup and keeps reading its own data across restarts.
 */
export function loadKeyring({ env: source, dataDir = defaultDataDir }: LoadKeyringOptions = {}): Keyring {
  const { ENCRYPTION_KEYS, NODE_ENV } = env(source);
  if (ENCRYPTION_KEYS) return parseKeyring(ENCRYPTION_KEYS, "ENCRYPTION_KEYS");
  if (NODE_ENV === "production") {
    throw new VaultError(
      "keyring_missing",
      "ENCRYPTION_KEYS is not set. It holds the keys that encrypt stored secrets. Generate a key with " +
        "`openssl rand -base64 32` and set ENCRYPTION_KEYS=main:<that value>; keep it stable and backed up, " +
        "because stored secrets cannot be read without it.",
    );
  }
  const file = path.join(dataDir, KEY_FILE_NAME);
  return parseKeyring(readOrCreateKeyFile(file), file);
}

let cached: Keyring | undefined;

/** The process-wide key ring, loaded on first use from this process's ENCRYPTION_KEYS. */
export function defaultKeyring(): Keyring {
  cached ??= loadKeyring();
  return cached;
}

function readOrCreateKeyFile(file: string): string {
  const existing = readIfExists(file);
  if (existing !== undefined) return existing;

  mkdirSync(path.dirname(file), { recursive: true });
  const created = generateKeyString(DEV_KEY_ID);
  // Write a private temp file, then link it into place: link fails if another process (a
  // parallel test worker, a second dev server) won the race, and never exposes a half-written file.
  const temp = `${file}.${randomUUID()}.tmp`;
  writeFileSync(temp, `${created}\n`, { mode: 0o600 });
  try {
    linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readFileSync(file, "utf8");
    throw error;
  } finally {
    unlinkSync(temp);
  }
  logger.warn({ file }, "generated a development encryption key; secrets sealed with it are readable only while this file exists");
  return created;
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
