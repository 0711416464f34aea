import { generateKeyPairSync, createHash } from "node:crypto";
import { AuthError, ClientAuthError, ServerError } from "@azure/msal-node";
import { describe, expect, it } from "vitest";
import {
  DEMO_CLIENT_ID,
  DEMO_CLIENT_SECRET,
  DEMO_CLIENT_SECRET_ID,
  DEMO_FAILING_APPS,
  DEMO_TENANT_DOMAIN,
  DEMO_TENANT_ID,
} from "@/sandbox/fixtures/demo";
import { useSandbox } from "@/tests/helpers/sandbox";
import { acquireAppToken, createConfidentialClient } from "./msal";
import { createMicrosoftFetch, type Fetch } from "./transport";

const sb = useSandbox();

function client(overrides: { tenant?: string; clientId?: string; clientSecret?: string; fetch?: Fetch } = {}) {
  return createConfidentialClient({
    cloud: "sandbox",
    tenant: overrides.tenant ?? DEMO_TENANT_ID,
    clientId: overrides.clientId ?? DEMO_CLIENT_ID,
    clientSecret: overrides.clientSecret ?? DEMO_CLIENT_SECRET,
    fetch: overrides.fetch ?? createMicrosoftFetch({ cloud: "sandbox", sandboxUrl: sb.url }),
  });
}

/** Runs a client credentials request and returns what MSAL threw. */
async function failure(overrides: Parameters<typeof client>[0]): Promise<AuthError> {
  const error = await acquireAppToken(client(overrides), { cloud: "sandbox", skipCache: true }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthError);
  return error as AuthError;
}

describe("MSAL against the sandbox", () => {
  it("acquires an app-only Graph token with the consented roles, calling only the token endpoint", async () => {
    const calls: string[] = [];
    const base = createMicrosoftFetch({ cloud: "sandbox", sandboxUrl: sb.url });
    const fetch: Fetch = (input, init) => {
      calls.push(`${init?.method ?? "GET"} ${String(input)}`);
      return base(input, init);
    };
    const token = await acquireAppToken(client({ fetch }), { cloud: "sandbox" });
    expect(token.roles.sort()).toEqual(["Domain.Read.All", "Mail.Read", "Mail.Send", "Organization.Read.All", "User.Read.All"]);
    expect(token.fromCache).toBe(false);
    expect(calls).toEqual([expect.stringMatching(new RegExp(`^POST https://login\\.microsoftonline\\.com/${DEMO_TENANT_ID}/oauth2/v2\\.0/token`))]);
  });

  it("serves the second request from MSAL's cache unless skipCache is set", async () => {
    const app = client();
    await acquireAppToken(app, { cloud: "sandbox" });
    expect((await acquireAppToken(app, { cloud: "sandbox" })).fromCache).toBe(true);
    expect((await acquireAppToken(app, { cloud: "sandbox", skipCache: true })).fromCache).toBe(false);
  });

  it("accepts a verified domain in place of the tenant ID", async () => {
    expect((await acquireAppToken(client({ tenant: DEMO_TENANT_DOMAIN }), { cloud: "sandbox" })).accessToken).toBeTruthy();
  });

  it("issues a token without roles when admin consent is missing", async () => {
    const { clientId, clientSecret } = DEMO_FAILING_APPS.noAdminConsent;
    expect((await acquireAppToken(client({ clientId, clientSecret }), { cloud: "sandbox" })).roles).toEqual([]);
  });

  it.each([
    ["unknown tenant", { tenant: "nowhere.onmicrosoft.com" }, "invalid_tenant", "90002", 400],
    ["unknown client ID", { clientId: "00000000-1111-2222-3333-444444444444" }, "unauthorized_client", "700016", 400],
    ["wrong secret", { clientSecret: "Abc8Q~wrongwrongwrongwrongwrongwrongwron" }, "invalid_client", "7000215", 401],
    ["secret ID pasted as the secret", { clientSecret: DEMO_CLIENT_SECRET_ID }, "invalid_client", "7000215", 401],
    ["expired secret", DEMO_FAILING_APPS.expiredSecret, "invalid_client", "7000222", 401],
    ["disabled application", DEMO_FAILING_APPS.disabled, "unauthorized_client", "7000112", 400],
  ])("surfaces %s as AADSTS%s", async (_name, overrides, errorCode, errorNo, status) => {
    const error = await failure(overrides);
    expect(error).toBeInstanceOf(ServerError);
    expect(error.errorCode).toBe(errorCode);
    expect(String((error as ServerError).errorNo)).toBe(errorNo);
    expect((error as ServerError).status).toBe(status);
    expect(error.errorMessage).toContain(`AADSTS${errorNo}:`);
  });

  it("surfaces a Conditional Access block as AADSTS53003", async () => {
    const error = await failure(DEMO_FAILING_APPS.conditionalAccess);
    expect(error.errorCode).toBe("interaction_required");
    expect(String((error as ServerError).errorNo)).toBe("53003");
    expect(error.errorMessage).toContain("AADSTS53003: Access has been blocked by Conditional Access policies");
  });

  it("reports an unreachable Entra as a network_error", async () => {
    const error = await failure({ fetch: createMicrosoftFetch({ cloud: "sandbox", sandboxUrl: "http://127.0.0.1:9" }) });
    expect(error).toBeInstanceOf(ClientAuthError);
    expect(error.errorCode).toBe("network_error");
  });

  describe("certificate credentials", () => {
    const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const publicKeyPem = publicKey.export({ type: "spki", format: "pem" }).toString();
    // Entra derives thumbprints from the certificate; the sandbox only compares them, so any stable hash will do.
    const thumbprintSha256 = createHash("sha256").update(publicKeyPem).digest("hex");

    const certificateClient = (thumbprint: string) =>
      createConfidentialClient({
        cloud: "sandbox",
        tenant: DEMO_TENANT_ID,
        clientId: DEMO_CLIENT_ID,
        clientCertificate: { thumbprintSha256: thumbprint, privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString() },
        fetch: createMicrosoftFetch({ cloud: "sandbox", sandboxUrl: sb.url }),
      });

    const register = (key: string, endDateTime = "2099-01-01T00:00:00Z") =>
      sb.control("POST", `tenants/${DEMO_TENANT_ID}/applications/${DEMO_CLIENT_ID}/certificates`, {
        keyId: "0b5c3a5e-8e1f-4e36-9d55-6f2f4d3b1a77",
        thumbprintSha256,
        publicKeyPem: key,
        endDateTime,
      });

    it("authenticates with a jwt-bearer assertion signed by a registered certificate", async () => {
      await register(publicKeyPem);
      const token = await acquireAppToken(certificateClient(thumbprintSha256), { cloud: "sandbox" });
      expect(token.roles).toContain("Mail.Send");
    });

    it("rejects an expired certificate and a signature from another key with AADSTS700027", async () => {
      await register(publicKeyPem, "2020-01-01T00:00:00Z");
      const expired = await acquireAppToken(certificateClient(thumbprintSha256), { cloud: "sandbox" }).catch((e: ServerError) => e);
      expect((expired as ServerError).errorMessage).toContain("is expired on application");

      sb.sandbox.state.reset();
      const other = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }).toString();
      await register(other);
      const forged = await acquireAppToken(certificateClient(thumbprintSha256), { cloud: "sandbox" }).catch((e: ServerError) => e);
      expect([String((forged as ServerError).errorNo), (forged as ServerError).errorMessage]).toEqual(["700027", expect.stringContaining("failed signature validation")]);
    });

    it("rejects a certificate the app registration does not list with AADSTS700027", async () => {
      const error = await acquireAppToken(certificateClient(thumbprintSha256), { cloud: "sandbox" }).catch((e: ServerError) => e);
      expect(String((error as ServerError).errorNo)).toBe("700027");
      expect((error as ServerError).errorMessage).toContain(thumbprintSha256.toUpperCase());
    });
  });
});
