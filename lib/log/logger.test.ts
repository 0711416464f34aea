import { afterEach, describe, expect, it } from "vitest";
import { captureLogs, type CapturedLogs } from "@/tests/helpers/capture-logs";
import { logger } from "./logger";
import { logError } from "./log-error";

const JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjYW5hcnkifQ.c2lnbmF0dXJl";
let capture: CapturedLogs | undefined;

afterEach(() => capture?.restore());

describe("captureLogs", () => {
  it("collects what the shared logger and its children write, as JSON lines", () => {
    capture = captureLogs();
    const child = logger.child({ module: "microsoft" });
    logger.info("from the root");
    child.debug({ mailbox: "ops@contoso.com" }, "from a child");
    expect(capture.lines.map((line) => JSON.parse(line))).toMatchObject([
      { level: "info", msg: "from the root" },
      { level: "debug", module: "microsoft", mailbox: "ops@contoso.com", msg: "from a child" },
    ]);
  });

  it("stops collecting after restore", () => {
    capture = captureLogs();
    capture.restore();
    logger.info("not captured");
    expect(capture.lines).toEqual([]);
  });

  it("captures the redacted line, so a canary secret can be checked for", () => {
    capture = captureLogs();
    logger.info({ clientSecret: "canary-123" }, `token ${JWT}`);
    expect(capture.lines).toHaveLength(1);
    expect(capture.lines[0]).not.toContain("canary-123");
    expect(capture.lines[0]).not.toContain(JWT);
  });
});

describe("logError", () => {
  it("logs the error with its stack under a fresh reference and returns that reference", () => {
    capture = captureLogs();
    const first = logError(new TypeError(`boom ${JWT}`), { workspaceId: "ws_1", errorId: "spoofed" });
    const second = logError("a thrown string");
    expect(first).toMatch(/^[0-9a-f]{10}$/);
    expect(second).not.toBe(first);

    const [entry, other] = capture.lines.map((line) => JSON.parse(line));
    expect(entry).toMatchObject({ level: "error", errorId: first, workspaceId: "ws_1", msg: "unexpected error" });
    expect(entry.err).toMatchObject({ type: "TypeError", message: "boom [Redacted]" });
    expect(entry.err.stack).toContain("TypeError: boom [Redacted]");
    expect(other).toMatchObject({ errorId: second, err: "a thrown string" });
  });
});
