import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runConnectionTest, STEP_NAMES } from "@/lib/microsoft/connection-check";
import { demoInput } from "@/tests/helpers/connection-check";
import { accessToken, GOOD_TOKEN, type Reply, startFakeMicrosoft } from "./fake-microsoft";

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
/** Short limits, so a hang costs a fraction of a second; the run must respect them whatever comes back. */
const LIMITS = { timeoutMs: 250, totalTimeoutMs: 1_200 };
/** Time to unwind once the deadline fires: aborting sockets, recording the last step. */
const SLACK_MS = 500;

let fake: Awaited<ReturnType<typeof startFakeMicrosoft>>;
beforeAll(async () => {
  fake = await startFakeMicrosoft();
});
afterAll(() => fake.close());

const HUGE = `{"error":"${"a".repeat(5_000_000)}"}`;

/** Bodies that are wrong in the ways real proxies, gateways and outages are. */
const body = fc.oneof(
  fc.json(),
  fc.string(),
  fc.constantFrom(
    "",
    "{",
    '{"error":',
    "null",
    "[]",
    '"text"',
    "<html><body><h1>503 Service Unavailable</h1></body></html>",
    "{}",
    HUGE,
    "\u0000\u0001\uFFFD",
    JSON.stringify({ access_token: 42, expires_in: "soon", token_type: null }),
    JSON.stringify({ access_token: "not-a-jwt", expires_in: 3600, token_type: "Bearer" }),
    JSON.stringify({ access_token: accessToken({ roles: "Mail.Send" }), expires_in: 3600, token_type: "Bearer" }),
    JSON.stringify({ access_token: accessToken({ roles: [null, 7, {}] }), expires_in: -1, token_type: "Bearer" }),
    JSON.stringify({ error: 5, error_description: {}, error_codes: "x" }),
    JSON.stringify({ error: "invalid_client", error_description: "AADSTS7000215: Invalid client secret provided.", error_codes: [7000215] }),
    JSON.stringify({ error: { code: 7, message: [] } }),
    JSON.stringify({ error: { code: "ErrorAccessDenied" } }),
    JSON.stringify({ error: "x" }),
    JSON.stringify({ id: 1, mail: ["not", "a", "string"], userPrincipalName: null }),
  ),
);

const answer: fc.Arbitrary<Reply> = fc.record({
  kind: fc.constant("answer" as const),
  status: fc.oneof(fc.constantFrom(200, 202, 204, 400, 401, 403, 404, 429, 500, 502, 503, 504), fc.integer({ min: 200, max: 599 })),
  contentType: fc.option(fc.constantFrom("application/json", "application/json; charset=utf-8", "text/html", "text/plain", "application/xml", "application/octet-stream"), { nil: undefined }),
  headers: fc.option(fc.record({ "retry-after": fc.constantFrom("0", "1", "-5", "99999999", "Wed, 21 Oct 2099 07:28:00 GMT", "soon", "1e9") }), { nil: undefined }),
  body,
  delayMs: fc.integer({ min: 0, max: 40 }),
});

const reply: fc.Arbitrary<Reply> = fc.oneof(
  { arbitrary: answer, weight: 8 },
  { arbitrary: fc.constant<Reply>({ kind: "hang" }), weight: 1 },
  { arbitrary: fc.constant<Reply>({ kind: "reset" }), weight: 1 },
);

it("whatever Microsoft answers, a Test Connection ends in time with a result, and a failure carries a diagnosis", async () => {
  await fc.assert(
    fc.asyncProperty(fc.oneof(fc.constant(GOOD_TOKEN), reply), reply, reply, async (token, users, sendMail) => {
      fake.answer({ token, users, sendMail });
      const started = performance.now();
      const result = await runConnectionTest(demoInput(fake.url, LIMITS));
      expect(performance.now() - started).toBeLessThan(LIMITS.totalTimeoutMs + SLACK_MS);
      expect(["passed", "failed"]).toContain(result.outcome);
      expect(result.steps.map((s) => s.name)).toEqual(STEP_NAMES);
      for (const step of result.steps) expect(step.summary.length).toBeGreaterThan(0);
      if (result.outcome === "failed") {
        expect(result.errorCode).toEqual(expect.any(String));
        expect(result.diagnosis).toMatchObject({ code: expect.any(String), title: expect.any(String) });
      }
    }),
    { numRuns: RUNS },
  );
}, RUNS * (LIMITS.totalTimeoutMs + SLACK_MS));
