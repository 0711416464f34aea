import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_FAILING_APPS, DEMO_TENANT_ID } from "../fixtures/demo";
import { useSandbox } from "@/tests/helpers/sandbox";

const sb = useSandbox();
const login = (path: string) => `${sb.url}/login.microsoftonline.com/${path}`;
/** The sandbox's address for a real Microsoft URL, as the app's fetch computes it. */
const viaSandbox = (url: string) => `${sb.url}/${url.replace(/^https:\/\//, "")}`;

async function clientCredentials(clientId = DEMO_CLIENT_ID, clientSecret = DEMO_CLIENT_SECRET, tenant = DEMO_TENANT_ID) {
  return fetch(login(`${tenant}/oauth2/v2.0/token`), {
    method: "POST",
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret, scope: "https://graph.microsoft.com/.default" }),
  });
}

describe("discovery", () => {
  it("publishes Microsoft's OpenID configuration with the real hosts and the tenant GUID", async () => {
    const config = await (await fetch(login("contoso.com/v2.0/.well-known/openid-configuration"))).json();
    expect(config).toMatchObject({
      issuer: `https://login.microsoftonline.com/${DEMO_TENANT_ID}/v2.0`,
      token_endpoint: `https://login.microsoftonline.com/${DEMO_TENANT_ID}/oauth2/v2.0/token`,
      authorization_endpoint: `https://login.microsoftonline.com/${DEMO_TENANT_ID}/oauth2/v2.0/authorize`,
      jwks_uri: `https://login.microsoftonline.com/${DEMO_TENANT_ID}/discovery/v2.0/keys`,
      msgraph_host: "graph.microsoft.com",
    });
  });

  it("answers MSAL's instance discovery for the tenant it is given", async () => {
    const authorize = encodeURIComponent("https://login.microsoftonline.com/contoso.com/oauth2/v2.0/authorize");
    const res = await fetch(login(`common/discovery/instance?api-version=1.1&authorization_endpoint=${authorize}`));
    expect(await res.json()).toMatchObject({
      tenant_discovery_endpoint: "https://login.microsoftonline.com/contoso.com/v2.0/.well-known/openid-configuration",
      "api-version": "1.1",
      metadata: expect.arrayContaining([expect.objectContaining({ preferred_network: "login.microsoftonline.com" })]),
    });
    const unknown = await fetch(login(`common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent("https://login.example.com/t/oauth2/v2.0/authorize")}`));
    expect((await unknown.json()).error_codes).toEqual([50049]);
  });

  it("answers an unknown tenant with AADSTS90002 in Microsoft's error shape", async () => {
    const res = await fetch(login("nowhere.example/v2.0/.well-known/openid-configuration"), { headers: { "client-request-id": "6f0e2b1c-aaaa-4bbb-8ccc-123456789abc" } });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(Object.keys(body)).toEqual(["error", "error_description", "error_codes", "timestamp", "trace_id", "correlation_id", "error_uri"]);
    expect(body).toMatchObject({ error: "invalid_tenant", error_codes: [90002], correlation_id: "6f0e2b1c-aaaa-4bbb-8ccc-123456789abc" });
    expect(body.error_description).toMatch(/^AADSTS90002: Tenant 'nowhere.example' not found\..*\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: 6f0e2b1c-aaaa-4bbb-8ccc-123456789abc\r\nTimestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/s);
    expect(body.error_uri).toBe("https://login.microsoftonline.com/error?code=90002");
  });
});

describe("access tokens", () => {
  it("are RS256 JWTs verifiable against the tenant's JWKS, with Graph's v1 app-only claims", async () => {
    const res = await clientCredentials();
    const body = await res.json();
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect(Object.keys(body)).toEqual(["token_type", "expires_in", "ext_expires_in", "access_token"]);
    expect(body).toMatchObject({ token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599 });

    const config = await (await fetch(login(`${DEMO_TENANT_ID}/v2.0/.well-known/openid-configuration`))).json();
    const jwks = createRemoteJWKSet(new URL(viaSandbox(config.jwks_uri)));
    const { payload, protectedHeader } = await jwtVerify(body.access_token, jwks, {
      issuer: `https://sts.windows.net/${DEMO_TENANT_ID}/`,
      audience: "https://graph.microsoft.com",
    });
    expect(protectedHeader).toMatchObject({ alg: "RS256", typ: "JWT", kid: expect.any(String) });
    expect(payload).toMatchObject({ tid: DEMO_TENANT_ID, appid: DEMO_CLIENT_ID, appidacr: "1", idtyp: "app", ver: "1.0", sub: payload.oid });
    expect((payload.roles as string[]).sort()).toEqual(["Domain.Read.All", "Mail.Read", "Mail.Send", "Organization.Read.All", "User.Read.All"]);
    expect(payload.exp! - payload.iat!).toBe(3599);
    expect(payload.nbf).toBe(payload.iat);
  });

  it("leave out roles that were requested but never admin-consented", async () => {
    const { clientId, clientSecret } = DEMO_FAILING_APPS.noAdminConsent;
    const token = (await (await clientCredentials(clientId, clientSecret)).json()).access_token;
    const [, payload] = token.split(".");
    expect(JSON.parse(Buffer.from(payload, "base64url").toString())).not.toHaveProperty("roles");
    expect(decodeProtectedHeader(token).alg).toBe("RS256");
  });

  it("stop working at Graph once they expire", async () => {
    const token = (await (await clientCredentials()).json()).access_token;
    const graph = (t: string) => fetch(`${sb.url}/graph.microsoft.com/v1.0/users`, { headers: { Authorization: `Bearer ${t}` } });
    expect((await graph(token)).status).toBe(200);
    await sb.control("POST", "clock", { advanceSeconds: 3600 });
    const expired = await graph(token);
    expect(expired.status).toBe(401);
    expect((await expired.json()).error).toMatchObject({ code: "InvalidAuthenticationToken", message: "Access token has expired or is not yet valid." });
    expect((await graph(`${token.slice(0, -4)}AAAA`)).status).toBe(401);
  });

  it("require a /.default scope for client credentials", async () => {
    const res = await fetch(login(`${DEMO_TENANT_ID}/oauth2/v2.0/token`), {
      method: "POST",
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: DEMO_CLIENT_ID, client_secret: DEMO_CLIENT_SECRET, scope: "Mail.Send" }),
    });
    expect((await res.json()).error_codes).toEqual([1002012]);
  });
});
