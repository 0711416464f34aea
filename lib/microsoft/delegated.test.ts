import { describe, expect, it } from "vitest";
import { diagnose } from "./catalog";
import { redeemRefreshToken, signInRejected } from "./delegated";
import { createConfidentialClient } from "./msal";

const IDS = "\r\nTrace ID: 7abd0b16-c4ba-4975-b86d-fb85b1d44801\r\nCorrelation ID: 589eb945-ce35-4c9e-ba0e-4d2ebf03aba6\r\nTimestamp: 2019-11-13 22:33:10Z";

/** Entra's refusal of a refresh token, in the token endpoint's error shape. */
function refusal(error: string, code: number, sentence: string) {
  return {
    error,
    error_description: `AADSTS${code}: ${sentence}${IDS}`,
    error_codes: [code],
    timestamp: "2019-11-13 22:33:10Z",
    trace_id: "7abd0b16-c4ba-4975-b86d-fb85b1d44801",
    correlation_id: "589eb945-ce35-4c9e-ba0e-4d2ebf03aba6",
    error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    suberror: "basic_action",
  };
}

/** What MSAL throws when Entra answers a refresh with `body`: the real client, over a fetch that answers only that. */
async function refreshFailure(body: object): Promise<unknown> {
  const client = createConfidentialClient({
    cloud: "global",
    tenant: "contoso.onmicrosoft.com",
    clientId: "11111111-2222-3333-4444-555555555555",
    clientSecret: "not-a-real-secret",
    fetch: async () => Response.json(body, { status: 400 }),
  });
  return redeemRefreshToken(client, "a-refresh-token").then(
    () => expect.fail("the refresh should have been refused"),
    (error: unknown) => error,
  );
}

describe("a refresh that now needs multifactor authentication", () => {
  // Bodies as reported: microsoftgraph/microsoft-graph-docs-contrib#6306 (50076), SocialiteProviders/Providers#998 and
  // Azure/azure-cli#17013 (50078, once as invalid_grant, once as interaction_required). No public report quotes 50079's
  // refusal, so its sentence is the error code reference's description, in the shape of the others.
  it.each([
    ["invalid_grant", 50076, "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '00000003-0000-0000-c000-000000000000'."],
    ["invalid_grant", 50078, "Presented multi-factor authentication has expired due to policies configured by your administrator, you must refresh your multi-factor authentication to access '00000003-0000-0000-c000-000000000000'."],
    ["interaction_required", 50078, "Presented multi-factor authentication has expired due to policies configured by your administrator, you must refresh your multi-factor authentication to access '797f4846-ba00-4fd7-ba43-dac1f8f63013'."],
    ["invalid_grant", 50079, "Due to a configuration change made by the admin such as a Conditional Access policy, per-user enforcement, or because the user moved to a new location, the user is required to use multifactor authentication."],
  ])("is a rejected sign-in (%s, AADSTS%i): Reconnect required, with its own advice", async (error, code, sentence) => {
    const thrown = await refreshFailure(refusal(error, code, sentence));
    expect(signInRejected(thrown)).toBe(true);
    const diagnosis = diagnose(thrown, { step: "token" });
    expect(diagnosis).toMatchObject({ code: `AADSTS${code}`, known: true, retryable: false });
    expect(diagnosis.fix).toMatch(/reconnect/i);
  });

  it("is not confused with Entra being unavailable, which a later refresh can survive", async () => {
    const thrown = await refreshFailure({ ...refusal("temporarily_unavailable", 90006, "The service is temporarily unavailable."), suberror: undefined });
    expect(signInRejected(thrown)).toBe(false);
  });
});
