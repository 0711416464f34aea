import { expect } from "vitest";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_MAILBOXES, DEMO_TENANT_ID } from "@/sandbox/fixtures/demo";
import {
  type ConnectionTestInput,
  type ConnectionTestResult,
  freshTokenSource,
  runConnectionTest,
  type StepName,
  type StepRecord,
  type TokenSource,
} from "@/lib/microsoft/connection-check";

/** A run of the sandbox's working app from the sender to the recipient mailbox; tests change one thing. */
export function demoInput(sandboxUrl: string, overrides: Partial<ConnectionTestInput> = {}): ConnectionTestInput {
  return {
    cloud: "sandbox",
    sandboxUrl,
    tenant: DEMO_TENANT_ID,
    clientId: DEMO_CLIENT_ID,
    clientSecret: DEMO_CLIENT_SECRET,
    mailbox: DEMO_MAILBOXES.sender,
    to: DEMO_MAILBOXES.recipient,
    dryRun: false,
    workspaceName: "Acme Sandbox",
    appVersion: "0.1.0-test",
    // Waiting for bounces costs the window on every passing send; the tests about bounces ask for one.
    bounceWindowMs: 0,
    ...overrides,
  };
}

/** The real token source, keeping each access token so a test can prove it never reached the output. */
export function recordingTokenSource(): { source: TokenSource; tokens: string[] } {
  const tokens: string[] = [];
  return {
    tokens,
    source: async (request) => {
      const token = await freshTokenSource(request);
      tokens.push(token.accessToken);
      return token;
    },
  };
}

/** Runs a test of the sandbox and checks, every time, that neither credential reached the result. */
export async function runChecked(sandboxUrl: string, overrides: Partial<ConnectionTestInput> = {}): Promise<ConnectionTestResult> {
  const { source, tokens } = recordingTokenSource();
  const input = demoInput(sandboxUrl, { tokenSource: source, ...overrides });
  const result = await runConnectionTest(input);
  const json = JSON.stringify(result);
  if (input.clientSecret) expect(json).not.toContain(input.clientSecret);
  for (const token of tokens) expect(json).not.toContain(token);
  expect(json).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
  return result;
}

export const statuses = (result: ConnectionTestResult) => Object.fromEntries(result.steps.map((s) => [s.name, s.status]));
export const stepOf = (result: ConnectionTestResult, name: StepName): StepRecord => result.steps.find((s) => s.name === name)!;
