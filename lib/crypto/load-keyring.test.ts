import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { VaultError } from "./errors";
import { generateKeyString } from "./keyring";
import { KEY_FILE_NAME, loadKeyring } from "./load-keyring";
import { open, seal } from "./vault";

const context = { workspaceId: "ws", table: "T", recordId: "r", field: "f" };
let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "forge365-keys-"));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe("loadKeyring", () => {
  it("uses ENCRYPTION_KEYS when set, in any environment, without touching the data dir", () => {
    const entry = generateKeyString("prod");
    for (const NODE_ENV of ["production", "development", "test"]) {
      const keyring = loadKeyring({ env: { NODE_ENV, ENCRYPTION_KEYS: entry }, dataDir });
      expect(keyring.primary.id).toBe("prod");
    }
    expect(() => statSync(path.join(dataDir, KEY_FILE_NAME))).toThrow();
  });

  it.each([undefined, "", "  "])("refuses to start in production when ENCRYPTION_KEYS is %j", (ENCRYPTION_KEYS) => {
    let error: unknown;
    try {
      loadKeyring({ env: { NODE_ENV: "production", ENCRYPTION_KEYS }, dataDir });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(VaultError);
    expect((error as VaultError).code).toBe("keyring_missing");
    expect((error as VaultError).message).toContain("ENCRYPTION_KEYS is not set");
    expect((error as VaultError).message).toContain("openssl rand -base64 32");
  });

  it("names the variable when ENCRYPTION_KEYS is invalid", () => {
    expect(() => loadKeyring({ env: { NODE_ENV: "production", ENCRYPTION_KEYS: "a:AAAA" }, dataDir })).toThrow(
      /^ENCRYPTION_KEYS is invalid: entry 1: key must be 32 bytes, got 3/,
    );
  });

  it.each(["development", "test", undefined])(
    "generates a private key file once and reuses it (NODE_ENV=%s)",
    (NODE_ENV) => {
      const nested = path.join(dataDir, "not-yet-created");
      const first = loadKeyring({ env: { NODE_ENV }, dataDir: nested });
      const file = path.join(nested, KEY_FILE_NAME);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const written = readFileSync(file, "utf8");

      const second = loadKeyring({ env: { NODE_ENV }, dataDir: nested });
      expect(readFileSync(file, "utf8")).toBe(written);
      expect(second.primary.id).toBe(first.primary.id);
      expect(open(seal("still readable", context, first), context, second)).toBe("still readable");
    },
  );

  it("names the file when the development key file is invalid", () => {
    const file = path.join(dataDir, KEY_FILE_NAME);
    writeFileSync(file, "dev:AAAA\n");
    expect(() => loadKeyring({ env: {}, dataDir })).toThrow(`${file} is invalid: entry 1: key must be 32 bytes, got 3`);
  });
});
