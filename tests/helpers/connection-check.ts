import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_MAILBOXES, DEMO_TENANT_ID } from "@/sandbox/fixtures/demo";
import { type ConnectionTestInput, freshTokenSource, type TokenSource } from "@/lib/microsoft/connection-check";

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
