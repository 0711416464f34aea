import { CryptoProvider, InteractionRequiredAuthError, ServerError, type ConfidentialClientApplication } from "@azure/msal-node";
import { decodeJwt } from "jose";
import { beforeEach, describe, expect, it } from "vitest";
import { createConfidentialClient } from "@/lib/microsoft/msal";
import { createMicrosoftFetch, resolveMicrosoftUrl } from "@/lib/microsoft/transport";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_MAILBOXES, DEMO_PASSWORD, DEMO_REDIRECT_URI, DEMO_TENANT_ID } from "../fixtures/demo";
import { signIn, useSandbox } from "@/tests/helpers/sandbox";

const sb = useSandbox();
const pkce = new CryptoProvider();
let msal: ConfidentialClientApplication;

beforeEach(() => {
  msal = createConfidentialClient({
    cloud: "sandbox",
    tenant: DEMO_TENANT_ID,
    clientId: DEMO_CLIENT_ID,
    clientSecret: DEMO_CLIENT_SECRET,
    fetch: createMicrosoftFetch({ cloud: "sandbox", sandboxUrl: sb.url }),
  });
});

interface Flow {
  scopes?: string[];
  redirectUri?: string;
  username?: string;
  password?: string;
  consent?: "accept" | "cancel";
}

/** MSAL builds the authorize URL for the real host; the browser is sent to the sandbox's copy of it. */
async function authorize({ scopes = ["Mail.Send"], redirectUri = DEMO_REDIRECT_URI, username = DEMO_MAILBOXES.sender, password = DEMO_PASSWORD, consent }: Flow = {}) {
  const { verifier, challenge } = await pkce.generatePkceCodes();
  const url = await msal.getAuthCodeUrl({ scopes, redirectUri, codeChallenge: challenge, codeChallengeMethod: "S256", state: "st-123" });
  const response = await signIn(resolveMicrosoftUrl(url, { cloud: "sandbox", sandboxUrl: sb.url }), { username, password, consent });
  const location = response.headers.get("location");
  return { response, verifier, redirect: location ? new URL(location) : undefined };
}

async function signedIn(scopes = ["Mail.Send"]) {
  const { redirect, verifier } = await authorize({ scopes });
  const code = redirect!.searchParams.get("code")!;
  return { code, verifier, result: await msal.acquireTokenByCode({ code, scopes, redirectUri: DEMO_REDIRECT_URI, codeVerifier: verifier }) };
}

const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (e: ServerError) => e);

describe("authorization code flow", () => {
  it("signs in, asks for consent once, and redeems the code with PKCE", async () => {
    const first = await authorize();
    expect(first.response.status).toBe(302);
    expect(first.redirect?.origin + first.redirect!.pathname).toBe(DEMO_REDIRECT_URI);
    expect(first.redirect?.searchParams.get("state")).toBe("st-123");

    const result = await msal.acquireTokenByCode({
      code: first.redirect!.searchParams.get("code")!,
      scopes: ["Mail.Send"],
      redirectUri: DEMO_REDIRECT_URI,
      codeVerifier: first.verifier,
    });
    const claims = decodeJwt(result.accessToken);
    expect(claims).toMatchObject({ idtyp: "user", upn: DEMO_MAILBOXES.sender, tid: DEMO_TENANT_ID, aud: "https://graph.microsoft.com" });
    expect(String(claims.scp).split(" ")).toEqual(expect.arrayContaining(["Mail.Send", "openid", "profile"]));
    expect(result.account?.username).toBe(DEMO_MAILBOXES.sender);

    // Consent was recorded: the second sign-in goes straight back to the app.
    const again = await authorize();
    expect(again.response.status).toBe(302);
  });

  it("sends mail as the signed-in user through /me/sendMail", async () => {
    const { result } = await signedIn();
    const res = await fetch(`${sb.url}/graph.microsoft.com/v1.0/me/sendMail`, {
      method: "POST",
      headers: { Authorization: `Bearer ${result.accessToken}`, "Content-Type": "application/json" },
      body: JSON.stringify({ message: { subject: "Delegated", toRecipients: [{ emailAddress: { address: DEMO_MAILBOXES.recipient } }] } }),
    });
    expect(res.status).toBe(202);
    expect(await res.text()).toBe("");
  });

  it("rejects a wrong code verifier and a second use of the same code", async () => {
    const { redirect, verifier } = await authorize();
    const code = redirect!.searchParams.get("code")!;
    const wrong = await failure(msal.acquireTokenByCode({ code, scopes: ["Mail.Send"], redirectUri: DEMO_REDIRECT_URI, codeVerifier: `${verifier}x` }));
    expect([wrong?.errorCode, String(wrong?.errorNo)]).toEqual(["invalid_grant", "501481"]);

    const other = await authorize();
    const code2 = other.redirect!.searchParams.get("code")!;
    await msal.acquireTokenByCode({ code: code2, scopes: ["Mail.Send"], redirectUri: DEMO_REDIRECT_URI, codeVerifier: other.verifier });
    const reused = await failure(msal.acquireTokenByCode({ code: code2, scopes: ["Mail.Send"], redirectUri: DEMO_REDIRECT_URI, codeVerifier: other.verifier }));
    expect(String(reused?.errorNo)).toBe("54005");
  });

  it("shows AADSTS50011 on its own page, without redirecting, for an unregistered redirect URI", async () => {
    const { response, redirect } = await authorize({ redirectUri: "https://evil.example/callback" });
    expect(response.status).toBe(400);
    expect(redirect).toBeUndefined();
    const page = await response.text();
    expect(page).toContain("AADSTS50011: The redirect URI &#39;https://evil.example/callback&#39; specified in the request does not match");
  });

  it("redirects with access_denied when the user cancels consent", async () => {
    const { redirect } = await authorize({ consent: "cancel" });
    expect(redirect?.searchParams.get("error")).toBe("access_denied");
    expect(redirect?.searchParams.get("error_description")).toMatch(/^AADSTS65004: User declined to consent/);
    expect(redirect?.searchParams.get("state")).toBe("st-123");
  });

  it("keeps the user on the sign-in page after a wrong password", async () => {
    const { response } = await authorize({ password: "not-it" });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("AADSTS50126");
  });

  it("answers a scope the user never consented to with AADSTS65001", async () => {
    await signedIn(["User.Read"]);
    const error = await failure(msal.acquireTokenByRefreshToken({ refreshToken: refreshTokenOf(msal), scopes: ["Mail.Read"] }));
    expect(error).toBeInstanceOf(InteractionRequiredAuthError);
    expect([error?.errorCode, String(error?.errorNo), error?.subError]).toEqual(["invalid_grant", "65001", "consent_required"]);
  });
});

/** The refresh token MSAL cached for the last sign-in. */
function refreshTokenOf(app: ConfidentialClientApplication): string {
  const cache = JSON.parse(app.getTokenCache().serialize()) as { RefreshToken: Record<string, { secret: string }> };
  const [token] = Object.values(cache.RefreshToken);
  return token.secret;
}

describe("refresh tokens", () => {
  it("rotate: the new one works, the one it replaced is refused", async () => {
    await signedIn();
    const original = refreshTokenOf(msal);
    const refreshed = await msal.acquireTokenByRefreshToken({ refreshToken: original, scopes: ["Mail.Send"] });
    expect(refreshed?.accessToken).toBeTruthy();
    const rotated = refreshTokenOf(msal);
    expect(rotated).not.toBe(original);

    const reused = await failure(msal.acquireTokenByRefreshToken({ refreshToken: original, scopes: ["Mail.Send"] }));
    expect([reused?.errorCode, String(reused?.errorNo)]).toEqual(["invalid_grant", "70000"]);
    expect((await msal.acquireTokenByRefreshToken({ refreshToken: rotated, scopes: ["Mail.Send"] }))?.accessToken).toBeTruthy();
  });

  it("fail with AADSTS50173 once the user's sessions are revoked", async () => {
    const userId = decodeJwt((await signedIn()).result.accessToken).oid;
    await sb.control("POST", `tenants/${DEMO_TENANT_ID}/users/${userId}/revoke-sessions`);
    const error = await failure(msal.acquireTokenByRefreshToken({ refreshToken: refreshTokenOf(msal), scopes: ["Mail.Send"] }));
    expect(String(error?.errorNo)).toBe("50173");
    expect(error?.errorMessage).toContain("TokensValidFrom");
  });

  it("fail with AADSTS700082 after 90 days without use", async () => {
    await signedIn();
    await sb.control("POST", "clock", { advanceSeconds: 91 * 24 * 3600 });
    const error = await failure(msal.acquireTokenByRefreshToken({ refreshToken: refreshTokenOf(msal), scopes: ["Mail.Send"] }));
    expect([error?.errorCode, String(error?.errorNo)]).toEqual(["invalid_grant", "700082"]);
    expect(error?.errorMessage).toContain("was inactive for 90.00:00:00");
  });
});
