import { describe, expect, it } from "vitest";
import { sealedColumns } from "./sealed-columns";
import { testKeyrings } from "@/tests/helpers/keyrings";

describe("sealed columns", () => {
  const registry = Object.values(sealedColumns);

  it("keeps every context as values were first sealed with, so stored values still open", () => {
    const row = { id: "r1", workspaceId: "w1", appRegistrationId: "app1" };
    expect(registry.map((column) => column.context(row))).toEqual([
      { workspaceId: "w1", table: "AppRegistration", recordId: "r1", field: "clientSecret" },
      { workspaceId: "w1", table: "TokenCache", recordId: "app1", field: "sealed" },
      { workspaceId: "r1", table: "Workspace", recordId: "r1", field: "webhookSecret" },
      { workspaceId: "w1", table: "Mailbox", recordId: "r1", field: "refreshToken" },
      { workspaceId: "w1", table: "OAuthState", recordId: "r1", field: "codeVerifier" },
      { workspaceId: "r1", table: "User", recordId: "r1", field: "totpSecret" },
    ]);
  });

  it("seals a value to its row: it opens there and nowhere else", () => {
    const keyring = testKeyrings("k1")("k1");
    const { refreshToken } = sealedColumns;
    const sealed = refreshToken.seal({ id: "m1", workspaceId: "w1" }, "token", keyring);
    expect(refreshToken.open({ id: "m1", workspaceId: "w1" }, sealed, keyring)).toBe("token");
    expect(() => refreshToken.open({ id: "m2", workspaceId: "w1" }, sealed, keyring)).toThrow(/failed authentication/);
    expect(() => sealedColumns.codeVerifier.open({ id: "m1", workspaceId: "w1" }, sealed, keyring)).toThrow(/failed authentication/);
  });
});
