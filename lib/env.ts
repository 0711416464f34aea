import { z } from "zod";

/**
 * The one place server code reads the environment. Every variable is parsed here, with its default
 * and its rule, so a bad value is refused by name at start rather than half-honoured somewhere.
 *
 * `env()` reads process.env afresh on each call and re-parses only when a value changed: entry
 * points and tests set variables at run time (the embedded database's URL, the sandbox's URL, a
 * test's own settings), and a snapshot taken at first use would miss them. Reading the raw values to
 * see whether one changed costs a fraction of the parse it saves. Functions that take a `source` let
 * tests pass their own variables instead. This module imports nothing but zod, so proxy.ts can use it.
 */

/** Where variables come from: process.env, or a test's own object. */
export type EnvSource = Readonly<Record<string, string | undefined>>;

/** pino's level names, spelled out so this module stays free of Node-only imports (lib/env.test.ts checks them against pino). */
export const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"] as const;

function wholeNumber(name: string, min: number, max: number, fallback: number) {
  const error = `${name} must be a whole number from ${min} to ${max}.`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error }).default(fallback);
}

/** A bad value falls back to the default rather than stopping the instance (as it always has). */
function positiveOr(fallback: number) {
  return z.coerce.number().int().positive().catch(fallback);
}

const withoutTrailingSlashes = (url: string) => url.replace(/\/+$/, "");

/** The message never repeats the value: a proxy URL can hold the proxy account's password. */
const proxyUrl = (name: string) =>
  z.url({ protocol: /^https?$/, error: `${name} must be a proxy URL such as http://proxy.example.com:8080 (http:// or https://).` }).optional();

const schema = z.object({
  /** Postgres; unset in development, the entry points start the embedded database and set it. */
  DATABASE_URL: z.string().optional(),
  /** Scratch database for `npm run db:migrate`; unset, one is created and dropped on the same server. */
  SHADOW_DATABASE_URL: z.string().optional(),
  /** "1" when DATABASE_URL is the embedded database, which answers one query at a time. */
  FORGE365_EMBEDDED_DB: z.string().optional().transform((value) => value === "1"),
  /** Local state folder; unset, `.data` under the project root (lib/db/paths.ts). */
  FORGE365_DATA_DIR: z.string().optional(),
  AUTH_SECRET: z.string().optional(),
  ENCRYPTION_KEYS: z.string().trim().optional(),
  /** The public URL, without a trailing slash; unset, appUrl() falls back and proxy.ts uses the request's origin. */
  APP_URL: z.string().transform(withoutTrailingSlashes).optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: (issue) => `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}; got "${String(issue.input)}"` }).optional(),
  NODE_ENV: z.string().optional(),
  PORT: wholeNumber("PORT", 0, 65_535, 3000),
  /** The address `npm run dev` listens on; `npm start` listens on every address. */
  HOST: z.string().default("127.0.0.1"),
  MAX_CONCURRENT_REQUESTS: wholeNumber("MAX_CONCURRENT_REQUESTS", 1, 100_000, 32),
  MAX_QUEUED_REQUESTS: wholeNumber("MAX_QUEUED_REQUESTS", 1, 100_000, 2_000),
  /** The Microsoft 365 emulator; unset (or only slashes), the Sandbox cloud is not offered. */
  M365_SANDBOX_URL: z
    .string()
    .transform((url) => withoutTrailingSlashes(url) || undefined)
    .optional(),
  SANDBOX_PORT: wholeNumber("SANDBOX_PORT", 0, 65_535, 4010),
  TEST_CONCURRENCY: positiveOr(8),
  /** Only "false" leaves connection tests to other instances. */
  RUN_TEST_QUEUE: z
    .string()
    .optional()
    .transform((value) => value !== "false"),
  TEST_CLAIM_TIMEOUT_SECONDS: positiveOr(120),
  /** How long Test Connection of one mailbox looks for a bounce after a send; 0 never looks. At most 25, inside a test's 30 s. */
  BOUNCE_WAIT_SECONDS: wholeNumber("BOUNCE_WAIT_SECONDS", 0, 25, 10),
  /** A session nobody used for this many days ends, whatever its absolute lifetime (30 days). */
  SESSION_IDLE_DAYS: wholeNumber("SESSION_IDLE_DAYS", 1, 30, 7),
  /** Only "false" keeps the worker out of `npm run dev` / `npm start`. */
  RUN_WORKER: z
    .string()
    .optional()
    .transform((value) => value !== "false"),
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: z
    .string()
    .optional()
    .transform((value) => value?.trim().toLowerCase() === "true"),
  /**
   * The proxy for requests to Microsoft (lib/microsoft/proxy.ts): HTTPS_PROXY for https:// hosts, HTTP_PROXY
   * for http:// ones (and for https:// when HTTPS_PROXY is unset), except the hosts NO_PROXY lists. Each
   * is read in both spellings, the lower-case one winning, as curl and undici read them.
   */
  HTTPS_PROXY: proxyUrl("HTTPS_PROXY"),
  https_proxy: proxyUrl("https_proxy"),
  HTTP_PROXY: proxyUrl("HTTP_PROXY"),
  http_proxy: proxyUrl("http_proxy"),
  NO_PROXY: z.string().optional(),
  no_proxy: z.string().optional(),
  /**
   * "Sign in with Microsoft", by Auth.js's own names: the app registration's client ID and secret, and the issuer
   * (https://login.microsoftonline.com/<tenant>/v2.0, or /organizations/v2.0 for any organization). Unset ID or secret,
   * the button is not offered. An issuer under M365_SANDBOX_URL signs in against the sandbox.
   */
  AUTH_MICROSOFT_ENTRA_ID_ID: z.string().trim().optional(),
  AUTH_MICROSOFT_ENTRA_ID_SECRET: z.string().trim().optional(),
  AUTH_MICROSOFT_ENTRA_ID_ISSUER: z
    .url({ protocol: /^https?$/, error: "AUTH_MICROSOFT_ENTRA_ID_ISSUER must be a URL such as https://login.microsoftonline.com/organizations/v2.0." })
    .transform(withoutTrailingSlashes)
    .optional(),
  /**
   * How forge365 sends its own mail (lib/mail/): through this SMTP server when set, otherwise through the
   * Microsoft 365 mailbox MAIL_FROM of the workspace MAIL_WORKSPACE. The message never repeats the value:
   * the URL can hold the SMTP account's password.
   */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "SMTP_URL must be an smtp:// or smtps:// URL such as smtp://user:password@smtp.example.com:587." }).optional(),
  MAIL_FROM: z.email({ error: "MAIL_FROM must be an email address such as no-reply@example.com." }).optional(),
  MAIL_WORKSPACE: z.string().trim().optional(),
});

export type Env = z.output<typeof schema>;
export type EnvName = keyof typeof schema.shape;

const NAMES = Object.keys(schema.shape) as EnvName[];

/** Parses the variables of `source`; a blank value counts as unset. Throws the first bad value's message. */
export function parseEnv(source: EnvSource): Env {
  const raw = Object.fromEntries(NAMES.map((name) => [name, source[name]?.trim() ? source[name] : undefined]));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues[0].message);
  return parsed.data;
}

let cached: { key: string; env: Env } | undefined;

/** The parsed variables of `source` (by default this process's), parsed again only when one changed. */
export function env(source: EnvSource = process.env): Env {
  const key = NAMES.map((name) => source[name] ?? "").join("\0");
  if (cached?.key !== key) cached = { key, env: parseEnv(source) };
  return cached.env;
}

/** Sets variables for this process and the processes it starts (Next, the worker). */
export function setEnv(values: Partial<Record<EnvName, string>>) {
  Object.assign(process.env, values);
}

/** The dashboard's public URL (APP_URL), for links that leave the browser: invitations, redirect URIs, mails, calendar files. */
export function appUrl() {
  return env().APP_URL ?? "http://localhost:3000";
}

/**
 * How many requests one instance renders at once and how many may wait (MAX_CONCURRENT_REQUESTS,
 * MAX_QUEUED_REQUESTS). A value that is not a positive whole number stops the server at start,
 * rather than serving with a limit nobody chose.
 */
export function admissionLimits(source?: EnvSource) {
  const { MAX_CONCURRENT_REQUESTS, MAX_QUEUED_REQUESTS } = env(source);
  return { maxConcurrent: MAX_CONCURRENT_REQUESTS, maxQueued: MAX_QUEUED_REQUESTS };
}

/**
 * WEBHOOK_ALLOW_PRIVATE_NETWORKS=true lets webhooks reach receivers on this machine and on private
 * networks (loopback, RFC 1918, link-local, unique local), over http:// as well as https://. Meant for
 * development and tests, or a deployment whose receivers sit on its own network. Unset (or any other
 * value), webhooks go only to https:// receivers on public addresses. Cloud metadata, multicast,
 * broadcast and reserved addresses are refused either way.
 */
export function webhooksAllowPrivateNetworks(source?: EnvSource) {
  return env(source).WEBHOOK_ALLOW_PRIVATE_NETWORKS;
}

/** What production cannot run without, in the order they are reported, and how to provide each. */
const REQUIRED_IN_PRODUCTION = [
  [
    "ENCRYPTION_KEYS",
    "it holds the keys that encrypt stored secrets. Generate a key with `openssl rand -base64 32` and set ENCRYPTION_KEYS=main:<that value>; keep it stable and backed up, because stored secrets cannot be read without it.",
  ],
  ["AUTH_SECRET", "it signs session cookies. Generate one with `openssl rand -base64 32`."],
  [
    "DATABASE_URL",
    "production needs a Postgres of its own (the embedded database is for development only), e.g. postgresql://user:password@host:5432/forge365.",
  ],
  ["APP_URL", "the dashboard's public URL (e.g. https://forge365.example.com), used in invitation links and OAuth redirect URIs."],
  [
    "MAIL_FROM",
    "the address forge365's own mail (email verification and password reset links) comes from. Set SMTP_URL to send it through an SMTP server, or MAIL_WORKSPACE to the workspace whose Microsoft 365 mailbox MAIL_FROM is.",
  ],
] as const satisfies readonly (readonly [EnvName, string])[];

const MAIL_WORKSPACE_MISSING =
  "MAIL_WORKSPACE is not set: without SMTP_URL, forge365 sends its own mail through the Microsoft 365 mailbox MAIL_FROM, which a workspace manages; set MAIL_WORKSPACE to that workspace's slug (or SMTP_URL to an SMTP server).";

/**
 * In production (NODE_ENV=production), the first required variable that is missing, as
 * "<VARIABLE> is not set: <what it is for>"; otherwise undefined. Development generates or embeds
 * what it lacks instead, so the entry points refuse only production.
 */
export function missingProductionConfig(vars: Env): string | undefined {
  if (vars.NODE_ENV !== "production") return undefined;
  const missing = REQUIRED_IN_PRODUCTION.find(([name]) => !vars[name]);
  if (missing) return `${missing[0]} is not set: ${missing[1]}`;
  if (!vars.SMTP_URL && !vars.MAIL_WORKSPACE) return MAIL_WORKSPACE_MISSING;
  return undefined;
}
