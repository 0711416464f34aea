import { describe, expect, it } from "vitest";
import { formatCompact } from "./compact";

const base = { level: "info", time: "2026-01-02T12:03:04.567Z", pid: 1, hostname: "h" };

describe("formatCompact", () => {
  it("prints time, level, message and fields on one line", () => {
    const line = JSON.stringify({ ...base, msg: "test passed", workspaceId: "ws_1", ms: 120, note: "two words", ok: true, scopes: ["a"] });
    expect(formatCompact(line)).toBe('12:03:04.567 INFO  test passed workspaceId=ws_1 ms=120 note="two words" ok=true scopes=["a"]\n');
  });

  it("puts an error's properties on the line and its stack beneath", () => {
    const err = { type: "Error", message: "boom", stack: "Error: boom\n    at x", code: "invalid_client" };
    expect(formatCompact(JSON.stringify({ ...base, level: "error", msg: "failed", err }))).toBe(
      "12:03:04.567 ERROR failed err.code=invalid_client\n    Error: boom\n        at x\n",
    );
  });

  it("shows a non-error err value inline", () => {
    expect(formatCompact(JSON.stringify({ ...base, err: "plain" }))).toBe("12:03:04.567 INFO  err=plain\n");
  });

  it("passes through anything that is not JSON", () => {
    expect(formatCompact("not json\n")).toBe("not json\n");
  });
});
