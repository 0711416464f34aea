import { createRemoteJWKSet, decodeJwt, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_MAILBOXES, DEMO_PASSWORD, DEMO_SIGN_IN_APP, DEMO_TENANT_ID } from "../fixtures/demo";
import { signIn, useSandbox } from "@/tests/helpers/sandbox";
import { redirectUriRegistered } from "./redirect-uri";

/** "Sign in with Microsoft" as an OpenID Connect relying party sees it: /common, the multi-tenant app, a nonce. */
const sb = useSandbox();
const login = (path: string) => `${sb.url}/login.microsoftonline.com/${path}`;
const REDIRECT = "http://127.0.0.1:3405/api/auth/callback/microsoft-entra-id";

interface Flow {
  segment?: string;
  clientId?: string;
  scope?: string;
  username?: string;
  redirectUri?: string;
}

function authorizeUrl({ segment = "common", clientId = DEMO_SIGN_IN_APP.clientId, scope = "openid profile email", redirectUri = REDIRECT }: Flow = {}) {
  const query = new URLSearchParams({ client_id: clientId, response_type: "code", redirect_uri: redirectUri, scope, state: "st", nonce: "n-0S6_WzA2Mj" });
  return login(`${segment}/oauth2/v2.0/authorize?${query}`);
}

/** Signs in through the sandbox's pages and redeems the code at the same endpoint, as Auth.js does. */
async function signInWithOpenId(flow: Flow = {}) {
  const username = flow.username ?? DEMO_MAILBOXES.sender;
  const redirected = await signIn(authorizeUrl(flow), { username, password: DEMO_PASSWORD });
  const code = new URL(redirected.headers.get("location")!).searchParams.get("code")!;
  const response = await fetch(login(`${flow.segment ?? "common"}/oauth2/v2.0/token`), {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: flow.redirectUri ?? REDIRECT,
      client_id: DEMO_SIGN_IN_APP.clientId,
      client_secret: DEMO_SIGN_IN_APP.clientSecret,
    }),
  });
  return (await response.json()) as { id_token?: string; access_token: string; scope: string };
}

describe("OpenID Connect sign-in", () => {
  it("issues an RS256 ID token verifiable at the tenant's jwks_uri, with the v2.0 claims and the nonce echoed", async () => {
    const tokens = await signInWithOpenId();
    const config = await (await fetch(login(`${DEMO_TENANT_ID}/v2.0/.well-known/openid-configuration`))).json();
    const jwks = createRemoteJWKSet(new URL(`${sb.url}/${config.jwks_uri.replace("https://", "")}`));
    const { payload, protectedHeader } = await jwtVerify(tokens.id_token!, jwks, {
      issuer: `https://login.microsoftonline.com/${DEMO_TENANT_ID}/v2.0`,
      audience: DEMO_SIGN_IN_APP.clientId,
    });
    expect(protectedHeader.alg).toBe("RS256");
    expect(payload).toMatchObject({
      ver: "2.0",
      tid: DEMO_TENANT_ID,
      nonce: "n-0S6_WzA2Mj",
      name: "Adele Vance",
      preferred_username: DEMO_MAILBOXES.sender,
      email: DEMO_MAILBOXES.sender,
      xms_edov: true,
    });
    expect(payload.oid).toMatch(/^[0-9a-f-]{36}$/);
    expect(payload.nbf).toBe(payload.iat);
    expect(payload.exp! - payload.iat!).toBe(3600);
  });

  it("gives each app its own subject for the same person, stable across sign-ins", async () => {
    const signInApp = decodeJwt((await signInWithOpenId()).id_token!);
    expect(decodeJwt((await signInWithOpenId()).id_token!).sub).toBe(signInApp.sub);

    const redirectUri = "http://localhost:3000/api/microsoft/callback";
    const query = new URLSearchParams({ client_id: DEMO_CLIENT_ID, response_type: "code", redirect_uri: redirectUri, scope: "openid profile" });
    const redirected = await signIn(login(`${DEMO_TENANT_ID}/oauth2/v2.0/authorize?${query}`), { username: DEMO_MAILBOXES.sender, password: DEMO_PASSWORD });
    const code = new URL(redirected.headers.get("location")!).searchParams.get("code")!;
    const mailer = await fetch(login(`${DEMO_TENANT_ID}/oauth2/v2.0/token`), {
      method: "POST",
      body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: redirectUri, client_id: DEMO_CLIENT_ID, client_secret: DEMO_CLIENT_SECRET }),
    });
    const mailerIdToken = decodeJwt((await mailer.json()).id_token);
    expect(mailerIdToken.oid).toBe(signInApp.oid);
    expect(mailerIdToken.sub).not.toBe(signInApp.sub);
  });

  it("sends email only for the email scope, and xms_edov false for a guest whose home domain this tenant does not own", async () => {
    const withoutEmail = decodeJwt((await signInWithOpenId({ scope: "openid profile" })).id_token!);
    expect(withoutEmail).not.toHaveProperty("email");
    expect(withoutEmail).not.toHaveProperty("xms_edov");

    const guest = decodeJwt((await signInWithOpenId({ username: DEMO_MAILBOXES.guest })).id_token!);
    expect(guest).toMatchObject({ email: "lee.gu@fabrikam.com", xms_edov: false });
  });

  it("serves the discovery document's userinfo_endpoint on Graph, with the ID token's subject", async () => {
    const tokens = await signInWithOpenId();
    const config = await (await fetch(login("common/v2.0/.well-known/openid-configuration"))).json();
    expect(config.userinfo_endpoint).toBe("https://graph.microsoft.com/oidc/userinfo");
    const userinfo = await fetch(`${sb.url}/graph.microsoft.com/oidc/userinfo`, { headers: { Authorization: `Bearer ${tokens.access_token}` } });
    expect(userinfo.status).toBe(200);
    expect(await userinfo.json()).toEqual({
      sub: decodeJwt(tokens.id_token!).sub,
      name: "Adele Vance",
      given_name: "Adele",
      family_name: "Vance",
      picture: "https://graph.microsoft.com/v1.0/me/photo/$value",
      email: DEMO_MAILBOXES.sender,
    });
    const anonymous = await fetch(`${sb.url}/graph.microsoft.com/oidc/userinfo`);
    expect(anonymous.status).toBe(401);
  });

  it("asks a user of another organization to consent to the sign-in scopes once; Cancel goes back as AADSTS65004", async () => {
    const fabrikam = "7d1c4a3e-5b2f-4c8e-9a61-2f0e8b3c9d45";
    const username = "ops@fabrikam.onmicrosoft.com";
    await sb.control("POST", "tenants", {
      id: fabrikam,
      displayName: "Fabrikam",
      domains: [{ name: "fabrikam.onmicrosoft.com", isDefault: true, isInitial: true }],
      users: [{ userPrincipalName: username, displayName: "Ops", password: DEMO_PASSWORD }],
    });
    const declined = await signIn(authorizeUrl({ segment: "organizations" }), { username, password: DEMO_PASSWORD, consent: "cancel" });
    const answer = new URL(declined.headers.get("location")!).searchParams;
    expect([answer.get("error"), answer.get("error_subcode"), answer.get("state")]).toEqual(["access_denied", "cancel", "st"]);
    expect(answer.get("error_description")).toMatch(/^AADSTS65004: /);

    const accepted = decodeJwt((await signInWithOpenId({ segment: "organizations", username })).id_token!);
    expect(accepted.tid).toBe(fabrikam);
    // Consented now: a second sign-in goes straight back with a code, even when Cancel would be pressed.
    const again = await signIn(authorizeUrl({ segment: "organizations" }), { username, password: DEMO_PASSWORD, consent: "cancel" });
    expect(new URL(again.headers.get("location")!).searchParams.get("code")).toBeTruthy();
  });

  it("refuses /common for a single-tenant app (AADSTS50194) and an unregistered redirect URI (AADSTS50011)", async () => {
    const singleTenant = await fetch(authorizeUrl({ clientId: DEMO_CLIENT_ID }));
    expect(await singleTenant.text()).toContain("AADSTS50194");
    const elsewhere = await fetch(authorizeUrl({ redirectUri: "http://127.0.0.1:3405/api/auth/callback/other" }));
    expect(await elsewhere.text()).toContain("AADSTS50011");
  });
});

describe("redirect URI matching", () => {
  const registered = ["http://localhost:3000/cb", "http://127.0.0.1/cb", "https://app.example.com/cb"];
  it("ignores the port of a loopback IP literal only", () => {
    expect(redirectUriRegistered(registered, "http://127.0.0.1:51004/cb")).toBe(true);
    expect(redirectUriRegistered(registered, "http://localhost:3000/cb")).toBe(true);
    expect(redirectUriRegistered(registered, "http://localhost:3001/cb")).toBe(false);
    expect(redirectUriRegistered(registered, "http://127.0.0.1:51004/cb/")).toBe(false);
    expect(redirectUriRegistered(registered, "https://app.example.com:8443/cb")).toBe(false);
    expect(redirectUriRegistered(registered, "http://127.0.0.2:51004/cb")).toBe(false);
  });
});
