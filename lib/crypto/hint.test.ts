import { describe, expect, it } from "vitest";
import { secretHint } from "./hint";

describe("secretHint", () => {
  it("shows the last three characters of a secret", () => {
    expect(secretHint("abc8Q~0123456789abcdefghijklmnopqrstuvXyz")).toBe("Xyz");
  });

  it("counts characters, not UTF-16 units", () => {
    expect(secretHint("0123456789ab🔑cd")).toBe("🔑cd");
  });

  it("gives no hint for values short enough that three characters would reveal too much", () => {
    expect(secretHint("")).toBe("");
    expect(secretHint("hunter2")).toBe("");
    expect(secretHint("12345678901")).toBe("");
  });
});
