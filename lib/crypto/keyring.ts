import { createSecretKey, randomBytes, type KeyObject } from "node:crypto";
import { z } from "zod";
import { VaultError } from "./errors";

export interface VaultKey {
  readonly id: string;
  /** A KeyObject rather than a Buffer so that logging or serializing a key ring shows no key bytes. */
  readonly secret: KeyObject;
}

export interface Keyring {
  /** Seals every new value; the first entry of the list. */
  readonly primary: VaultKey;
  /** Every key that may open a value, the primary included. */
  readonly keys: ReadonlyMap<string, VaultKey>;
}

const KEY_BYTES = 32;
export const KEY_ID_PATTERN = /^[a-z0-9_-]{1,32}$/;
const HOW_TO_GENERATE = "generate one with: openssl rand -base64 32";

const keyMaterial = z
  .base64(`key is not valid base64 (${HOW_TO_GENERATE})`)
  .transform((encoded, ctx) => {
    const bytes = Buffer.from(encoded, "base64");
    if (bytes.length !== KEY_BYTES) {
      ctx.addIssue({
        code: "custom",
        message: `key must be ${KEY_BYTES} bytes, got ${bytes.length} (${HOW_TO_GENERATE})`,
      });
      return z.NEVER;
    }
    const secret = createSecretKey(bytes);
    // createSecretKey copied the bytes; don't leave a second copy for the GC to get to.
    bytes.fill(0);
    return secret;
  });

const keyEntry = z
  .string()
  .transform((entry, ctx) => {
    const separator = entry.indexOf(":");
    if (separator === -1) {
      ctx.addIssue({
        code: "custom",
        message: entry === "" ? "entry is empty (stray comma?)" : 'expected "<id>:<base64 key>"',
      });
      return z.NEVER;
    }
    return { id: entry.slice(0, separator).trim(), secret: entry.slice(separator + 1).trim() };
  })
  .pipe(
    z.object({
      id: z.string().regex(KEY_ID_PATTERN, "key id must be 1-32 characters of a-z, 0-9, _ or -"),
      secret: keyMaterial,
    }),
  );

const keyList = z
  .string()
  .transform((value) => value.split(",").map((entry) => entry.trim()))
  .pipe(z.array(keyEntry))
  .superRefine((keys, ctx) => {
    const firstIndex = new Map<string, number>();
    keys.forEach(({ id }, index) => {
      const earlier = firstIndex.get(id);
      if (earlier === undefined) firstIndex.set(id, index);
      else ctx.addIssue({ code: "custom", path: [index], message: `duplicate key id "${id}" (also entry ${earlier + 1})` });
    });
  });

/**
 * Parses `<id>:<base64 32 bytes>[,<id>:<base64 32 bytes>...]`. `source` names where the value
 * came from (a variable or a file) so a start-up failure points at what to fix.
 */
export function parseKeyring(value: string, source: string): Keyring {
  const result = keyList.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const index = issue.path[0];
      return typeof index === "number" ? `entry ${index + 1}: ${issue.message}` : issue.message;
    });
    throw new VaultError("keyring_invalid", `${source} is invalid: ${problems.join("; ")}`);
  }
  const [primary, ...others] = result.data.map((key) => Object.freeze(key));
  return Object.freeze({ primary, keys: new Map([primary, ...others].map((key) => [key.id, key])) });
}

/** One `id:key` entry with a fresh random key, ready to prepend to ENCRYPTION_KEYS. */
export function generateKeyString(id: string): string {
  if (!KEY_ID_PATTERN.test(id)) {
    throw new VaultError("keyring_invalid", `key id "${id}" must be 1-32 characters of a-z, 0-9, _ or -`);
  }
  return `${id}:${randomBytes(KEY_BYTES).toString("base64")}`;
}
