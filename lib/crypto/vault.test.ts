import { describe, expect, it } from "vitest";
import { VaultError } from "./errors";
import { needsReseal, open, seal, type SealContext } from "./vault";
import { testKeyrings } from "@/tests/helpers/keyrings";

const ring = testKeyrings("k1", "k2");
const keyring = ring("k1");
const context: SealContext = { workspaceId: "ws_1", table: "AppRegistration", recordId: "rec_1", field: "clientSecret" };
const SECRET = "abc8Q~canary-secret-value-0123456789abcd";

function failure(run: () => unknown): VaultError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(VaultError);
    const vaultError = error as VaultError;
    expect(vaultError.message).not.toContain(SECRET);
    return vaultError;
  }
  throw new Error("expected a VaultError");
}

/** Flips one bit in the decoded bytes of one dot-separated part. */
function flip(sealed: string, part: number, byte = 0): string {
  const parts = sealed.split(".");
  const bytes = Buffer.from(parts[part], "base64url");
  bytes[byte] ^= 0x01;
  parts[part] = bytes.toString("base64url");
  return parts.join(".");
}

describe("seal / open", () => {
  it("round-trips text, including empty and non-ASCII values", () => {
    for (const plaintext of [SECRET, "", "mot de passe é ✓ 🔑", "x".repeat(100_000)]) {
      expect(open(seal(plaintext, context, keyring), context, keyring)).toBe(plaintext);
    }
  });

  it("writes v1.<keyId>.<nonce>.<ciphertext> with no trace of the plaintext", () => {
    const sealed = seal(SECRET, context, keyring);
    expect(sealed).toMatch(/^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(SECRET.slice(0, 8));
  });

  it("uses a fresh nonce every time", () => {
    const sealed = Array.from({ length: 2_000 }, () => seal(SECRET, context, keyring));
    expect(new Set(sealed.map((value) => value.split(".")[2])).size).toBe(sealed.length);
    expect(new Set(sealed).size).toBe(sealed.length);
  });

  it.each([
    ["nonce", 2, 0],
    ["ciphertext", 3, 0],
    ["tag", 3, SECRET.length + 5],
  ])("detects a flipped bit in the %s", (_name, part, byte) => {
    const tampered = flip(seal(SECRET, context, keyring), part, byte);
    expect(failure(() => open(tampered, context, keyring)).code).toBe("auth_failed");
  });

  it("authenticates the key id written in the header", () => {
    const both = ring("k1", "k2");
    const relabelled = seal(SECRET, context, both).replace(/^v1\.k1\./, "v1.k2.");
    expect(failure(() => open(relabelled, context, both)).code).toBe("auth_failed");
  });

  it.each([
    ["workspace", { workspaceId: "ws_2" }],
    ["table", { table: "Mailbox" }],
    ["record", { recordId: "rec_2" }],
    ["field", { field: "tokenCache" }],
  ])("refuses a value moved to another %s", (_name, change) => {
    const sealed = seal(SECRET, context, keyring);
    const error = failure(() => open(sealed, { ...context, ...change }, keyring));
    expect(error.code).toBe("auth_failed");
    expect(error.message).toMatch(/another workspace, record or field/);
  });

  it("keeps context fields apart even when their concatenation matches", () => {
    const sealed = seal(SECRET, { ...context, workspaceId: "a.b", table: "c" }, keyring);
    expect(failure(() => open(sealed, { ...context, workspaceId: "a", table: "b.c" }, keyring)).code).toBe("auth_failed");
  });

  it("names a missing key and how to bring it back", () => {
    const sealed = seal(SECRET, context, ring("k2"));
    const error = failure(() => open(sealed, context, keyring));
    expect(error.code).toBe("unknown_key");
    expect(error.message).toContain('"k2"');
    expect(error.message).toContain("ENCRYPTION_KEYS");
  });

  it.each([
    ["empty", ""],
    ["plaintext", SECRET],
    ["unknown version", "v2.k1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA"],
    ["missing part", "v1.k1.AAAAAAAAAAAAAAAA"],
    ["short nonce", "v1.k1.AAAA.AAAAAAAAAAAAAAAAAAAAAA"],
    ["short tag", "v1.k1.AAAAAAAAAAAAAAAA.AAAA"],
    ["non-base64url", "v1.k1.AAAAAAAAAAAAAAA+.AAAAAAAAAAAAAAAAAAAAAA"],
    ["bad key id", "v1.K1!.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA"],
  ])("rejects a malformed value (%s)", (_name, value) => {
    expect(failure(() => open(value, context, keyring)).code).toBe("malformed");
  });

  it("requires every context field", () => {
    for (const name of ["workspaceId", "table", "recordId", "field"] as const) {
      const error = failure(() => seal(SECRET, { ...context, [name]: "" }, keyring));
      expect(error.code).toBe("invalid_context");
      expect(error.message).toContain(name);
    }
  });
});

describe("needsReseal", () => {
  it("is true only for values sealed with a key other than the primary", () => {
    const sealedWithK2 = seal(SECRET, context, ring("k2", "k1"));
    expect(needsReseal(sealedWithK2, ring("k2", "k1"))).toBe(false);
    expect(needsReseal(sealedWithK2, ring("k1", "k2"))).toBe(true);
  });
});
