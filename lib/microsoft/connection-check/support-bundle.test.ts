import { describe, expect, it } from "vitest";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_MAILBOXES, DEMO_TENANT_ID } from "@/sandbox/fixtures/demo";
import { useSandbox } from "@/tests/helpers/sandbox";
import { runConnectionTest } from "./run";
import { supportBundle, type SupportContext } from "./support-bundle";
import { demoInput, recordingTokenSource } from "@/tests/helpers/connection-check";
import type { ConnectionTestResult } from "./types";

const sb = useSandbox();

const context: SupportContext = {
  appVersion: "0.1.0-test",
  cloud: "sandbox",
  tenant: DEMO_TENANT_ID,
  clientId: DEMO_CLIENT_ID,
  mailbox: DEMO_MAILBOXES.sender,
  workspace: "Acme Sandbox",
};

describe("supportBundle", () => {
  it("lists the connection, every step, the advice and Microsoft's identifiers of a failed run", async () => {
    const secret = "Abc8Q~wrongwrongwrongwrongwrongwrongwron";
    const result = await runConnectionTest(demoInput(sb.url, { clientSecret: secret }));
    const { text, json } = supportBundle(result, context);
    const traceId = result.diagnosis?.ids.traceId;
    expect(traceId).toBeTruthy();

    for (const expected of [
      "App version: 0.1.0-test",
      "Cloud: sandbox",
      `Tenant ID: ${DEMO_TENANT_ID}`,
      `Client ID: ${DEMO_CLIENT_ID}`,
      `Mailbox: ${DEMO_MAILBOXES.sender}`,
      "Workspace: Acme Sandbox",
      "Outcome: failed (AADSTS7000215)",
      `Started: ${result.startedAt.toISOString()}`,
      `Trace ID: ${traceId}`,
      `Correlation ID: ${result.diagnosis?.ids.correlationId}`,
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/✓ configuration +\d+ ms/);
    expect(text).toMatch(/✗ token +\d+ ms .*\[AADSTS7000215\]/);
    expect(text).toMatch(/– send +0 ms +Not run/);
    expect(json).toMatchObject({ outcome: "failed", errorCode: "AADSTS7000215", tenant: DEMO_TENANT_ID, microsoftIds: result.ids });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(text + JSON.stringify(json)).not.toContain(secret);
  });

  it("never carries the secret or the access token of a passed run", async () => {
    const { source, tokens } = recordingTokenSource();
    const result = await runConnectionTest(demoInput(sb.url, { tokenSource: source }));
    const { text, json } = supportBundle(result, context);
    expect(text).toContain("Outcome: passed");
    expect(text).toContain("roles: Mail.Send");
    const all = text + JSON.stringify(json);
    expect(all).not.toContain(DEMO_CLIENT_SECRET);
    expect(tokens).toHaveLength(1);
    expect(all).not.toContain(tokens[0]);
  });

  it("scrubs secret-shaped text that reached a result some other way", () => {
    const token = "eyJhbGciOiJSUzI1NiJ9.eyJyb2xlcyI6WyJNYWlsLlNlbmQiXX0.c2lnbmF0dXJl";
    const at = new Date("2026-11-26T21:41:00Z");
    const result: ConnectionTestResult = {
      outcome: "failed",
      steps: [{ name: "configuration", status: "failed", durationMs: 1, summary: `Bearer ${token} and client_secret=${DEMO_CLIENT_SECRET}` }],
      ids: [],
      startedAt: at,
      finishedAt: at,
      durationMs: 1,
      upstreamMs: 0,
      upstreamCalls: 0,
    };
    const { text, json } = supportBundle(result, context);
    const all = text + JSON.stringify(json);
    expect(all).not.toContain(token);
    expect(all).not.toContain(DEMO_CLIENT_SECRET);
    expect(text).toContain("[redacted");
  });
});
