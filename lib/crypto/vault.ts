import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { VaultError } from "./errors";
import { formatSealed, FORMAT_VERSION, NONCE_BYTES, parseSealed } from "./format";
import type { Keyring } from "./keyring";
import { defaultKeyring } from "./load-keyring";

/**
 * Where a sealed value lives. It is authenticated with the ciphertext, so a value copied into
 * another workspace, row or column fails to open instead of silently decrypting there. The
 * record id must therefore be known before sealing (generate ids up front rather than relying
 * on the database to assign them).
 */
export interface SealContext {
  workspaceId: string;
  /** The model or table that owns the value, e.g. "AppRegistration". */
  table: string;
  recordId: string;
  /** The column, e.g. "clientSecret". */
  field: string;
}

const CIPHER = "aes-256-gcm";
const CONTEXT_FIELDS = ["workspaceId", "table", "recordId", "field"] as const;

export function seal(plaintext: string, context: SealContext, keyring: Keyring = defaultKeyring()): string {
  const { id: keyId, secret } = keyring.primary;
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv(CIPHER, secret, nonce);
  cipher.setAAD(additionalData(keyId, context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return formatSealed({ keyId, nonce, ciphertext, tag: cipher.getAuthTag() });
}

export function open(sealed: string, context: SealContext, keyring: Keyring = defaultKeyring()): string {
  const { keyId, nonce, ciphertext, tag } = parseSealed(sealed);
  const key = keyring.keys.get(keyId);
  if (!key) {
    throw new VaultError(
      "unknown_key",
      `value was sealed with key "${keyId}", which is not in the key ring; add it back to ENCRYPTION_KEYS (after the primary) to read it`,
    );
  }
  const decipher = createDecipheriv(CIPHER, key.secret, nonce);
  decipher.setAAD(additionalData(keyId, context));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new VaultError(
      "auth_failed",
      `value sealed with key "${keyId}" failed authentication: it was altered, or belongs to another workspace, record or field`,
    );
  }
}

/**
 * True when the value was sealed with a key other than the primary and should be rotated.
 * Reads only the header, so it is cheap; throws VaultError "malformed" for a non-sealed value.
 */
export function needsReseal(sealed: string, keyring: Keyring = defaultKeyring()): boolean {
  return parseSealed(sealed).keyId !== keyring.primary.id;
}

/**
 * Binds the header too, so the version and key id written in front of the ciphertext are
 * authenticated rather than merely trusted. A JSON array keeps the encoding unambiguous:
 * ("a.b", "c") and ("a", "b.c") produce different bytes.
 */
function additionalData(keyId: string, context: SealContext): Buffer {
  for (const name of CONTEXT_FIELDS) {
    if (typeof context[name] !== "string" || context[name] === "") {
      throw new VaultError("invalid_context", `seal context needs a non-empty "${name}"`);
    }
  }
  const { workspaceId, table, recordId, field } = context;
  return Buffer.from(JSON.stringify([FORMAT_VERSION, keyId, workspaceId, table, recordId, field]), "utf8");
}
