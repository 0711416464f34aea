import { createHash, generateKeyPairSync } from "node:crypto";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_TENANT_ID } from "../fixtures/demo";
import { useSandbox } from "@/tests/helpers/sandbox";

const sb = useSandbox();
const login = (path: string) => `${sb.url}/login.microsoftonline.com/${path}`;
const CORRELATION = "6f0e2b1c-aaaa-4bbb-8ccc-123456789abc";

const clientCredentials = (tenant: string, extra: Record<string, string> = { client_secret: DEMO_CLIENT_SECRET }) =>
  fetch(login(`${tenant}/oauth2/v2.0/token`), {
    method: "POST",
    headers: { "client-request-id": CORRELATION },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: DEMO_CLIENT_ID, scope: "https://graph.microsoft.com/.default", ...extra }),
  });

describe("Entra's answers when it is unwell (faults on the token endpoint)", () => {
  const fault = (failStatus: number) => sb.control("PUT", "faults", { endpoint: "token", failNext: 1, failStatus, retryAfterSeconds: 7 });

  it("500: server_error AADSTS50000, in the token endpoint's error shape, without Retry-After", async () => {
    await fault(500);
    const res = await clientCredentials(DEMO_TENANT_ID);
    expect(res.status).toBe(500);
    expect(res.headers.get("retry-after")).toBeNull();
    const body = await res.json();
    expect(body).toMatchObject({ error: "server_error", error_codes: [50000], correlation_id: CORRELATION });
    expect(body.error_description).toMatch(/^AADSTS50000: There was an error issuing a token or an issue with our sign-in service\.\r\nTrace ID: /);
  });

  it("503: temporarily_unavailable AADSTS90006, with Retry-After", async () => {
    await fault(503);
    const res = await clientCredentials(DEMO_TENANT_ID);
    expect([res.status, res.headers.get("retry-after")]).toEqual([503, "7"]);
    const body = await res.json();
    expect(body).toMatchObject({ error: "temporarily_unavailable", error_codes: [90006] });
    expect(body.error_description).toMatch(/^AADSTS90006: The service is temporarily unavailable\.\r\n/);
  });

  it("429: a bare Too Many Requests with Retry-After and no JSON, as Entra throttles client credentials", async () => {
    await fault(429);
    const res = await clientCredentials(DEMO_TENANT_ID);
    expect([res.status, res.headers.get("retry-after"), res.headers.get("content-type")]).toEqual([429, "7", null]);
    expect(await res.text()).toBe("Too Many Requests");
  });

  it("answers normally once the fault is spent", async () => {
    await fault(503);
    expect((await clientCredentials(DEMO_TENANT_ID)).status).toBe(503);
    expect((await clientCredentials(DEMO_TENANT_ID)).status).toBe(200);
  });
});

describe("a tenant segment Entra cannot use", () => {
  it.each([
    ["a GUID one character short", "e63649b2-07c0-49ed-a24b-87381dac292"],
    ["a word", "undefined"],
    ["a path segment", "authorize"],
  ])("is AADSTS900023 when it is %s: neither a GUID nor a domain name", async (_what, tenant) => {
    const res = await clientCredentials(tenant);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body).toMatchObject({ error: "invalid_request", error_codes: [900023] });
    expect(body.error_description).toMatch(
      new RegExp(`^AADSTS900023: Specified tenant identifier '${tenant}' is neither a valid DNS name, nor a valid external domain\\.\\r\\n`),
    );
  });

  it.each([
    ["a well-formed GUID of no tenant", "00000000-1111-2222-3333-444444444444"],
    ["a domain no tenant has verified", "nowhere.example"],
  ])("is AADSTS90002 when it is %s", async (_what, tenant) => {
    const body = await (await clientCredentials(tenant)).json();
    expect(body).toMatchObject({ error: "invalid_tenant", error_codes: [90002] });
  });

  it("gets the same answer from discovery", async () => {
    const body = await (await fetch(login("not-a-tenant/v2.0/.well-known/openid-configuration"))).json();
    expect(body.error_codes).toEqual([900023]);
  });
});

describe("a certificate-signed request outside its time window", () => {
  it("is AADSTS700024, quoting Entra's time and the assertion's window as Entra does", async () => {
    const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const publicKeyPem = publicKey.export({ type: "spki", format: "pem" }).toString();
    const thumbprint = createHash("sha256").update(publicKeyPem).digest();
    await sb.control("POST", `tenants/${DEMO_TENANT_ID}/applications/${DEMO_CLIENT_ID}/certificates`, {
      keyId: "0b5c3a5e-8e1f-4e36-9d55-6f2f4d3b1a77",
      thumbprintSha256: thumbprint.toString("hex"),
      publicKeyPem,
      endDateTime: "2099-01-01T00:00:00Z",
    });
    const { now } = await sb.control<{ now: string }>("GET", "state");
    const issuedAt = Math.floor(Date.parse(now) / 1000) - 3600;
    const assertion = await new SignJWT({ jti: "3b1f8a4e-0b6f-4f63-9a3e-4b0b1c7f2e11" })
      .setProtectedHeader({ alg: "PS256", typ: "JWT", "x5t#S256": thumbprint.toString("base64url") })
      .setIssuer(DEMO_CLIENT_ID)
      .setSubject(DEMO_CLIENT_ID)
      .setAudience(`https://login.microsoftonline.com/${DEMO_TENANT_ID}/oauth2/v2.0/token`)
      .setIssuedAt(issuedAt)
      .setNotBefore(issuedAt)
      .setExpirationTime(issuedAt + 600)
      .sign(privateKey);

    const res = await clientCredentials(DEMO_TENANT_ID, {
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: assertion,
    });
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body).toMatchObject({ error: "invalid_client", error_codes: [700024] });
    const window = (s: number) => new Date(s * 1000).toISOString().replace(".000Z", ".0000000Z");
    expect(body.error_description).toMatch(
      new RegExp(
        "^AADSTS700024: Client assertion is not within its valid time range\\. Current time: \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}Z, " +
          `assertion valid from ${window(issuedAt)}, expiry time of assertion ${window(issuedAt + 600)}\\. ` +
          "Review the documentation at https://learn\\.microsoft\\.com/entra/identity-platform/certificate-credentials \\.\\r\\n",
      ),
    );
  });
});
