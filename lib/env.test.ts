import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { admissionLimits, appUrl, env, LOG_LEVELS, missingProductionConfig, parseEnv, setEnv, webhooksAllowPrivateNetworks } from "./env";

describe("parseEnv", () => {
  it("gives every default when nothing is set, and treats blank values as unset", () => {
    for (const source of [{}, { DATABASE_URL: "", APP_URL: " ", PORT: "", TEST_CONCURRENCY: "", RUN_TEST_QUEUE: "", M365_SANDBOX_URL: "" }]) {
      expect(parseEnv(source)).toEqual({
        DATABASE_URL: undefined,
        SHADOW_DATABASE_URL: undefined,
        FORGE365_EMBEDDED_DB: false,
        FORGE365_DATA_DIR: undefined,
        AUTH_SECRET: undefined,
        ENCRYPTION_KEYS: undefined,
        APP_URL: undefined,
        LOG_LEVEL: undefined,
        NODE_ENV: undefined,
        PORT: 3000,
        HOST: "127.0.0.1",
        MAX_CONCURRENT_REQUESTS: 32,
        MAX_QUEUED_REQUESTS: 2_000,
        M365_SANDBOX_URL: undefined,
        SANDBOX_PORT: 4010,
        TEST_CONCURRENCY: 8,
        RUN_TEST_QUEUE: true,
        TEST_CLAIM_TIMEOUT_SECONDS: 120,
        BOUNCE_WAIT_SECONDS: 10,
        SESSION_IDLE_DAYS: 7,
        RUN_WORKER: true,
        WEBHOOK_ALLOW_PRIVATE_NETWORKS: false,
      });
    }
  });

  it("reads what is set", () => {
    const parsed = parseEnv({
      DATABASE_URL: "postgresql://db/forge365",
      FORGE365_EMBEDDED_DB: "1",
      ENCRYPTION_KEYS: "  main:abc  ",
      APP_URL: "https://forge365.example.com//",
      PORT: "8080",
      HOST: "0.0.0.0",
      M365_SANDBOX_URL: "http://127.0.0.1:4010/",
      SANDBOX_PORT: "0",
      TEST_CONCURRENCY: "3",
      TEST_CLAIM_TIMEOUT_SECONDS: "2",
      LOG_LEVEL: "warn",
    });
    expect(parsed).toMatchObject({
      DATABASE_URL: "postgresql://db/forge365",
      FORGE365_EMBEDDED_DB: true,
      ENCRYPTION_KEYS: "main:abc",
      APP_URL: "https://forge365.example.com",
      PORT: 8080,
      HOST: "0.0.0.0",
      M365_SANDBOX_URL: "http://127.0.0.1:4010",
      SANDBOX_PORT: 0,
      TEST_CONCURRENCY: 3,
      TEST_CLAIM_TIMEOUT_SECONDS: 2,
      LOG_LEVEL: "warn",
    });
    expect(parseEnv({ M365_SANDBOX_URL: "/" }).M365_SANDBOX_URL).toBeUndefined();
  });

  it("switches off only on the exact words it has always taken", () => {
    expect(parseEnv({ RUN_TEST_QUEUE: "false", RUN_WORKER: "false" })).toMatchObject({ RUN_TEST_QUEUE: false, RUN_WORKER: false });
    for (const value of ["FALSE", "0", "no", " false"]) expect(parseEnv({ RUN_TEST_QUEUE: value, RUN_WORKER: value })).toMatchObject({ RUN_TEST_QUEUE: true, RUN_WORKER: true });
    expect(parseEnv({ FORGE365_EMBEDDED_DB: "true" }).FORGE365_EMBEDDED_DB).toBe(false);
  });

  it("lets webhooks reach private networks only on a trimmed, case-insensitive true", () => {
    expect(webhooksAllowPrivateNetworks({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: " True " })).toBe(true);
    for (const value of ["1", "yes", "false", ""]) expect(webhooksAllowPrivateNetworks({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: value })).toBe(false);
  });

  it("falls back to the default for a test queue setting that is not a positive whole number", () => {
    for (const bad of ["0", "-1", "2.5", "lots"]) {
      expect(parseEnv({ TEST_CONCURRENCY: bad, TEST_CLAIM_TIMEOUT_SECONDS: bad })).toMatchObject({ TEST_CONCURRENCY: 8, TEST_CLAIM_TIMEOUT_SECONDS: 120 });
    }
  });

  it("refuses a bad port or log level by name", () => {
    for (const bad of ["-1", "65536", "80.5", "http"]) {
      expect(() => parseEnv({ PORT: bad })).toThrow("PORT must be a whole number from 0 to 65535.");
      expect(() => parseEnv({ SANDBOX_PORT: bad })).toThrow("SANDBOX_PORT must be a whole number from 0 to 65535.");
    }
    expect(() => parseEnv({ LOG_LEVEL: "verbose" })).toThrow(/^LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent; got "verbose"$/);
  });

  it("refuses an SMTP URL or a sender that is not one, without repeating the value", () => {
    for (const bad of ["http://user:hunter2@mail.example.com", "mail.example.com:587"]) {
      expect(() => parseEnv({ SMTP_URL: bad })).toThrow(/^SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
      expect(() => parseEnv({ SMTP_URL: bad })).not.toThrow(/hunter2/);
    }
    expect(parseEnv({ SMTP_URL: "smtps://user:pass@mail.example.com:465" }).SMTP_URL).toBe("smtps://user:pass@mail.example.com:465");
    expect(() => parseEnv({ MAIL_FROM: "forge365" })).toThrow(/^MAIL_FROM must be an email address/);
  });

  it("knows exactly pino's log levels", () => {
    expect([...LOG_LEVELS]).toEqual([...Object.keys(pino.levels.values), "silent"]);
  });
});

it("reads the admission limits, with defaults, and refuses a limit that is not a positive whole number", () => {
  expect(admissionLimits({})).toEqual({ maxConcurrent: 32, maxQueued: 2_000 });
  expect(admissionLimits({ MAX_CONCURRENT_REQUESTS: "8", MAX_QUEUED_REQUESTS: "" })).toEqual({ maxConcurrent: 8, maxQueued: 2_000 });
  for (const bad of ["0", "-1", "2.5", "lots"]) expect(() => admissionLimits({ MAX_CONCURRENT_REQUESTS: bad })).toThrow("MAX_CONCURRENT_REQUESTS must be a whole number from 1 to 100000.");
  expect(() => admissionLimits({ MAX_QUEUED_REQUESTS: "0" })).toThrow("MAX_QUEUED_REQUESTS must be");
});

describe("env", () => {
  const saved = { APP_URL: process.env.APP_URL, M365_SANDBOX_URL: process.env.M365_SANDBOX_URL };
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it("sees a variable set after its first use, as entry points and tests set them", () => {
    delete process.env.APP_URL;
    expect(appUrl()).toBe("http://localhost:3000");
    process.env.APP_URL = "https://forge365.example.com/";
    expect(appUrl()).toBe("https://forge365.example.com");
    setEnv({ M365_SANDBOX_URL: "http://127.0.0.1:4999" });
    expect(process.env.M365_SANDBOX_URL).toBe("http://127.0.0.1:4999");
    expect(env().M365_SANDBOX_URL).toBe("http://127.0.0.1:4999");
  });

  it("returns the same parse while nothing changed", () => {
    expect(env()).toBe(env());
  });
});

describe("missingProductionConfig", () => {
  const complete = {
    NODE_ENV: "production",
    ENCRYPTION_KEYS: "main:abc",
    AUTH_SECRET: "secret",
    DATABASE_URL: "postgresql://db/forge365",
    APP_URL: "https://forge365.example.com",
    MAIL_FROM: "no-reply@example.com",
    MAIL_WORKSPACE: "operations",
  };

  it("names the first missing variable, in a fixed order, with what it is for", () => {
    const order = ["ENCRYPTION_KEYS", "AUTH_SECRET", "DATABASE_URL", "APP_URL", "MAIL_FROM"] as const;
    for (const [i, name] of order.entries()) {
      const withoutRest = { ...complete, ...Object.fromEntries(order.slice(i).map((n) => [n, undefined])) };
      expect(missingProductionConfig(parseEnv(withoutRest))).toMatch(new RegExp(`^${name} is not set: \\S.*$`));
      expect(missingProductionConfig(parseEnv({ ...complete, [name]: " " }))).toMatch(new RegExp(`^${name} is not set: `));
    }
    expect(missingProductionConfig(parseEnv({ NODE_ENV: "production" }))).toContain("openssl rand -base64 32");
    expect(missingProductionConfig(parseEnv({ ...complete, DATABASE_URL: undefined }))).toContain("embedded database is for development only");
  });

  it("asks which workspace's mailbox sends forge365's own mail, unless an SMTP server does", () => {
    expect(missingProductionConfig(parseEnv({ ...complete, MAIL_WORKSPACE: undefined }))).toMatch(/^MAIL_WORKSPACE is not set: .*SMTP_URL/);
    expect(missingProductionConfig(parseEnv({ ...complete, MAIL_WORKSPACE: undefined, SMTP_URL: "smtp://mail.example.com:587" }))).toBeUndefined();
  });

  it("is satisfied by a complete production configuration, and asks nothing of development", () => {
    expect(missingProductionConfig(parseEnv(complete))).toBeUndefined();
    for (const NODE_ENV of [undefined, "development", "test"]) expect(missingProductionConfig(parseEnv({ NODE_ENV }))).toBeUndefined();
  });
});
