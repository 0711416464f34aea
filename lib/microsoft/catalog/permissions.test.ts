import { describe, expect, it } from "vitest";
import { findExcessivePermissions, looksLikeSecretId } from "@/lib/microsoft/catalog";

describe("looksLikeSecretId", () => {
  it("recognizes the GUID shown in the Secret ID column", () => {
    expect(looksLikeSecretId("3f2504e0-4f89-41d3-9a0c-0305e82c3301")).toBe(true);
    expect(looksLikeSecretId(" 3F2504E0-4F89-41D3-9A0C-0305E82C3301\n")).toBe(true);
  });

  it("does not flag a real secret Value", () => {
    expect(looksLikeSecretId("abC8Q~0123456789abcdefghijKLMNOPQRSTuvwx")).toBe(false);
    expect(looksLikeSecretId("")).toBe(false);
  });
});

describe("findExcessivePermissions", () => {
  it("returns the broad permissions a token holds, once each, as spelled in the token", () => {
    expect(
      findExcessivePermissions(["Mail.Send", "Mail.ReadWrite", "User.Read.All", "full_access_as_app", "mail.readwrite"]),
    ).toEqual(["Mail.ReadWrite", "full_access_as_app"]);
  });

  it("is empty for a send-only app", () => {
    expect(findExcessivePermissions(["Mail.Send", "User.Read.All"])).toEqual([]);
    expect(findExcessivePermissions([])).toEqual([]);
  });
});
