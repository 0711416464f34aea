import { describe, expect, it } from "vitest";
import { secretHint } from "./hint";

describe("secretHint", () => {
  it("shows the first three characters of a secret, as Entra does", () => {
    expect(secretHint("abc8Q~0123456789abcdefghijklmnopqrstuvXyz")).toBe("abc");
  });

  it("counts characters, not UTF-16 units", () => {
    expect(secretHint("🔑cd0123456789ab")).toBe("🔑cd");
  });

  it("gives no hint for values short enough that three characters would reveal too much", () => {
    expect(secretHint("")).toBe("");
    expect(secretHint("hunter2")).toBe("");
    expect(secretHint("12345678901")).toBe("");
  });
});
