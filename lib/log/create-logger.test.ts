import { describe, expect, it } from "vitest";
import { createLogger } from "./create-logger";

const JWT = "eyJhbGciOiJSUzI1NiJ9.eyJyb2xlcyI6WyJNYWlsLlNlbmQiXX0.c2lnbmF0dXJl";
const CANARY = "canary-7c1f0e";

function collect(level = "trace") {
  const lines: string[] = [];
  const logger = createLogger({ level, destination: { write: (line) => void lines.push(line) } });
  return { logger, lines, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe("createLogger", () => {
  it("writes one JSON line per entry with a level label and an ISO time", () => {
    const { logger, entries, lines } = collect();
    logger.info({ workspaceId: "ws_1" }, "hello");
    expect(lines[0].endsWith("\n")).toBe(true);
    expect(entries()[0]).toMatchObject({ level: "info", msg: "hello", workspaceId: "ws_1" });
    expect(entries()[0].time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("honours the level", () => {
    const { logger, lines } = collect("warn");
    logger.info("quiet");
    logger.warn("loud");
    expect(lines).toHaveLength(1);
  });

  it("redacts secret fields at the top level and up to three levels down", () => {
    const { logger, entries, lines } = collect();
    logger.info({
      password: CANARY,
      app: { clientSecret: CANARY, clientId: "1f0c" },
      request: { headers: { authorization: CANARY, accept: "application/json" } },
      err: { response: { body: { refresh_token: CANARY } } },
      connections: [{ sealed: CANARY }],
    });
    expect(lines.join("")).not.toContain(CANARY);
    expect(entries()[0]).toMatchObject({
      password: "[Redacted]",
      app: { clientSecret: "[Redacted]", clientId: "1f0c" },
      request: { headers: { authorization: "[Redacted]", accept: "application/json" } },
      err: { response: { body: { refresh_token: "[Redacted]" } } },
      connections: [{ sealed: "[Redacted]" }],
    });
  });

  it("redacts secret fields in child bindings", () => {
    const { logger, lines } = collect();
    logger.child({ tenant: { client_secret: CANARY } }).info("child");
    expect(lines.join("")).not.toContain(CANARY);
  });

  it("scrubs tokens from messages, interpolated arguments and values nested too deep for paths", () => {
    const { logger, lines } = collect();
    logger.info(`got ${JWT}`);
    logger.info("header %s", `Bearer ${JWT}`);
    logger.info({ a: { b: { c: { d: { e: { token: `Bearer ${CANARY}` } } } } } }, "deep");
    logger.info({ body: `client_id=1&client_secret=${CANARY}&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default` });
    const text = lines.join("");
    expect(text).not.toContain(JWT.split(".")[1]);
    expect(text).not.toContain(CANARY);
  });

  it("scrubs a serialized error whose message, stack and properties carry a token", () => {
    const { logger, entries, lines } = collect();
    const error = Object.assign(new Error(`invalid token ${JWT}`), {
      body: JSON.stringify({ error: "invalid_client", detail: `Bearer ${JWT}` }),
      cause: new Error(`client_secret=${CANARY}`),
    });
    logger.error({ err: error }, "token request failed");
    logger.error(error);
    expect(lines.join("")).not.toContain(JWT.split(".")[1]);
    expect(lines.join("")).not.toContain(CANARY);
    const err = entries()[0].err as Record<string, unknown>;
    expect(err).toMatchObject({ type: "Error", message: expect.stringContaining("invalid token [Redacted]") });
    expect(err.stack).toContain("invalid token [Redacted]");
  });
});
