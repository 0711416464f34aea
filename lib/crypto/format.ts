import { VaultError } from "./errors";
import { KEY_ID_PATTERN } from "./keyring";

/**
 * The sealed text format, version 1:
 *
 *   v1.<keyId>.<nonce>.<ciphertext>
 *
 * - `keyId`: the key ring id that sealed the value ([a-z0-9_-]{1,32}, so never a dot).
 * - `nonce`: 12 random bytes, base64url without padding (16 characters).
 * - `ciphertext`: AES-256-GCM ciphertext followed by its 16-byte tag, base64url without padding.
 *
 * Dots separate the parts because neither key ids nor base64url use them, and the whole value
 * stays safe in a URL, a CSV cell or a Postgres text column. A future format gets a new prefix;
 * `parseSealed` rejects any version it does not know instead of guessing.
 */
export const FORMAT_VERSION = "v1";
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;

export interface SealedParts {
  keyId: string;
  nonce: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

export function formatSealed({ keyId, nonce, ciphertext, tag }: SealedParts): string {
  const body = Buffer.concat([ciphertext, tag]).toString("base64url");
  return `${FORMAT_VERSION}.${keyId}.${nonce.toString("base64url")}.${body}`;
}

export function parseSealed(sealed: string): SealedParts {
  const parts = sealed.split(".");
  if (parts.length !== 4 || parts[0] !== FORMAT_VERSION) {
    throw malformed("expected v1.<keyId>.<nonce>.<ciphertext>");
  }
  const [, keyId, nonceText, bodyText] = parts;
  if (!KEY_ID_PATTERN.test(keyId)) throw malformed("bad key id");
  const nonce = decodeCanonical(nonceText);
  const body = decodeCanonical(bodyText);
  if (nonce?.length !== NONCE_BYTES) throw malformed("bad nonce");
  if (body === undefined || body.length < TAG_BYTES) throw malformed("bad ciphertext");
  return {
    keyId,
    nonce,
    ciphertext: body.subarray(0, body.length - TAG_BYTES),
    tag: body.subarray(body.length - TAG_BYTES),
  };
}

/** Buffer.from ignores stray characters; re-encoding catches values that were mangled in transit. */
function decodeCanonical(text: string): Buffer | undefined {
  const bytes = Buffer.from(text, "base64url");
  return bytes.toString("base64url") === text ? bytes : undefined;
}

function malformed(detail: string): VaultError {
  return new VaultError("malformed", `sealed value is malformed: ${detail}`);
}
