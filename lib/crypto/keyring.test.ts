import { inspect } from "node:util";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { VaultError } from "./errors";
import { generateKeyString, parseKeyring } from "./keyring";

const key = (bytes = 32) => randomBytes(bytes).toString("base64");

function parseError(value: string): VaultError {
  try {
    parseKeyring(value, "ENCRYPTION_KEYS");
  } catch (error) {
    expect(error).toBeInstanceOf(VaultError);
    expect((error as VaultError).code).toBe("keyring_invalid");
    return error as VaultError;
  }
  throw new Error("expected the key ring to be rejected");
}

describe("parseKeyring", () => {
  it("makes the first key primary and keeps every key for opening", () => {
    const keyring = parseKeyring(` new:${key()} , old:${key()}`, "ENCRYPTION_KEYS");
    expect(keyring.primary.id).toBe("new");
    expect([...keyring.keys.keys()]).toEqual(["new", "old"]);
    expect(keyring.primary.secret.symmetricKeySize).toBe(32);
  });

  it("reports the entry, the byte count and how to generate a key for a wrong length", () => {
    const error = parseError(`a:${key()},b:${key(16)}`);
    expect(error.message).toBe(
      "ENCRYPTION_KEYS is invalid: entry 2: key must be 32 bytes, got 16 (generate one with: openssl rand -base64 32)",
    );
  });

  it.each([
    ["bad base64", `a:not*base64!`, /entry 1: key is not valid base64/],
    ["duplicate id", `a:${key()},b:${key()},a:${key()}`, /entry 3: duplicate key id "a" \(also entry 1\)/],
    ["bad id", `Main Key:${key()}`, /entry 1: key id must be 1-32 characters/],
    ["long id", `${"x".repeat(33)}:${key()}`, /entry 1: key id must be/],
    ["missing separator", key(), /entry 1: expected "<id>:<base64 key>"/],
    ["stray comma", `a:${key()},`, /entry 2: entry is empty/],
  ])("rejects %s", (_name, value, message) => {
    expect(parseError(value).message).toMatch(message);
  });

  it("lists every problem at once and never echoes key material", () => {
    const material = key(31);
    const error = parseError(`a:${material},B:${material}`);
    expect(error.message).toMatch(/entry 1: key must be 32 bytes, got 31 .*; entry 2: key id must be .*; entry 2: key must be 32 bytes/);
    expect(error.message).not.toContain(material);
  });

  it("keeps key bytes out of logs and JSON", () => {
    const material = key();
    const keyring = parseKeyring(`a:${material}`, "ENCRYPTION_KEYS");
    const hex = Buffer.from(material, "base64").toString("hex");
    for (const shown of [inspect(keyring, { depth: 10 }), JSON.stringify(keyring)]) {
      expect(shown).not.toContain(material);
      expect(shown).not.toContain(hex);
    }
  });
});

describe("generateKeyString", () => {
  it("produces an entry the parser accepts, with a fresh key each time", () => {
    const first = generateKeyString("main");
    expect(first).toMatch(/^main:[A-Za-z0-9+/]{43}=$/);
    expect(parseKeyring(first, "test").primary.id).toBe("main");
    expect(generateKeyString("main")).not.toBe(first);
  });

  it("refuses an id the parser would reject", () => {
    expect(() => generateKeyString("Main")).toThrow(VaultError);
  });
});
