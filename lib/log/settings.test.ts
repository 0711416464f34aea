import { describe, expect, it } from "vitest";
import { logSettings } from "./settings";

describe("logSettings", () => {
  it.each([
    [{ NODE_ENV: "production" }, { level: "info", output: "json" }],
    [{ NODE_ENV: "production", LOG_LEVEL: "debug" }, { level: "debug", output: "json" }],
    [{ NODE_ENV: "development" }, { level: "debug", output: "compact" }],
    [{}, { level: "debug", output: "compact" }],
    [{ NODE_ENV: "test" }, { level: "debug", output: "none" }],
    [{ NODE_ENV: "test", LOG_LEVEL: "trace" }, { level: "trace", output: "compact" }],
    [{ NODE_ENV: "development", LOG_LEVEL: "" }, { level: "debug", output: "compact" }],
  ])("%j gives %j", (env, expected) => {
    expect(logSettings(env)).toEqual(expected);
  });

  it("rejects an unknown LOG_LEVEL by name", () => {
    expect(() => logSettings({ LOG_LEVEL: "verbose" })).toThrow(/^LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent; got "verbose"$/);
    expect(() => logSettings({ LOG_LEVEL: "toString" })).toThrow(/LOG_LEVEL/);
  });
});
