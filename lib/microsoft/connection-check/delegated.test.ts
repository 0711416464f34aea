import { describe, expect, it } from "vitest";
import { authorizeUrl, newPkce, redeemCode, type UserToken } from "@/lib/microsoft/delegated";
import { createConfidentialClient } from "@/lib/microsoft/msal";
import { createMicrosoftFetch, resolveMicrosoftUrl } from "@/lib/microsoft/transport";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_MAILBOXES, DEMO_PASSWORD, DEMO_REDIRECT_URI, DEMO_TENANT_ID } from "@/sandbox/fixtures/demo";
import { signIn, useSandbox } from "@/tests/helpers/sandbox";
import { runConnectionTest } from "./run";
import { demoInput } from "@/tests/helpers/connection-check";
import type { ConnectionTestResult } from "./types";

const sb = useSandbox();

/** A real delegated token for `username`, through the authorization code flow with PKCE. */
async function userToken(username: string): Promise<UserToken> {
  const where = { cloud: "sandbox" as const, sandboxUrl: sb.url };
  const client = () =>
    createConfidentialClient({ ...where, tenant: DEMO_TENANT_ID, clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET, fetch: createMicrosoftFetch(where) });
  const { verifier, challenge } = await newPkce();
  const url = await authorizeUrl(client(), { redirectUri: DEMO_REDIRECT_URI, state: "s", codeChallenge: challenge, loginHint: username });
  const response = await signIn(resolveMicrosoftUrl(url, where), { username, password: DEMO_PASSWORD });
  const code = new URL(response.headers.get("location")!).searchParams.get("code")!;
  return redeemCode(client(), { code, redirectUri: DEMO_REDIRECT_URI, codeVerifier: verifier });
}

const statuses = (result: ConnectionTestResult) => result.steps.map((s) => `${s.name}:${s.status}`);

describe("runConnectionTest for a delegated account", () => {
  it("sends as the signed-in mailbox through /me, and reports the delegated scopes", async () => {
    const token = await userToken(DEMO_MAILBOXES.sender);
    const result = await runConnectionTest(demoInput(sb.url, { delegatedTokenSource: async () => token }));
    expect(statuses(result)).toEqual(["configuration:passed", "token:passed", "permissions:passed", "mailbox:passed", "send:passed"]);
    expect(result.token).toMatchObject({ roles: [], scopes: expect.arrayContaining(["Mail.Send"]) });
    expect(JSON.stringify(result)).not.toContain(token.accessToken);
  });

  it("fails the mailbox step when the token belongs to someone else", async () => {
    const token = await userToken(DEMO_MAILBOXES.recipient);
    const result = await runConnectionTest(demoInput(sb.url, { delegatedTokenSource: async () => token }));
    expect(result.errorCode).toBe("WRONG_ACCOUNT_SIGNED_IN");
    expect(statuses(result)).toContain("mailbox:failed");
    expect((await sb.control<{ sent: unknown[] }>("GET", "sent")).sent).toEqual([]);
  });

  it("fails the permissions step when the scopes lack Mail.Send", async () => {
    const token = await userToken(DEMO_MAILBOXES.sender);
    const result = await runConnectionTest(demoInput(sb.url, { delegatedTokenSource: async () => ({ ...token, scopes: ["User.Read"] }) }));
    expect(result.errorCode).toBe("DELEGATED_MAIL_SEND_NOT_GRANTED");
    expect(statuses(result)).toContain("permissions:failed");
  });

  it("fails the token step when no sign-in is stored", async () => {
    const result = await runConnectionTest(demoInput(sb.url, { delegatedTokenSource: async () => null }));
    expect(result.errorCode).toBe("MAILBOX_NOT_CONNECTED");
    expect(statuses(result)).toContain("token:failed");
  });
});
