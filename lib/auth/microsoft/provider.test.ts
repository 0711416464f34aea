import * as o from "oauth4webapi";
import { describe, expect, it } from "vitest";
import { DEMO_SIGN_IN_APP } from "@/sandbox/fixtures/demo";
import { useSandbox } from "@/tests/helpers/sandbox";
import { sameSiteRedirect, signInFetch, type MicrosoftSignInSettings } from "./provider";

const sb = useSandbox();

const settings = (issuer: string): MicrosoftSignInSettings => ({
  clientId: DEMO_SIGN_IN_APP.clientId,
  clientSecret: DEMO_SIGN_IN_APP.clientSecret,
  issuer,
  cloud: "sandbox",
  sandboxUrl: sb.url,
});

/** Discovery exactly as Auth.js runs it (oauth4webapi), through the provider's fetch. */
async function discover(issuer: string) {
  const response = await o.discoveryRequest(new URL(issuer), { [o.allowInsecureRequests]: true, [o.customFetch]: signInFetch(settings(issuer)) });
  return o.processDiscoveryResponse(new URL(issuer), response);
}

describe("the Microsoft sign-in provider's fetch", () => {
  it("reaches the sandbox for the real hosts, and names /organizations' issuer as oauth4webapi expects", async () => {
    const as = await discover("https://login.microsoftonline.com/organizations/v2.0");
    expect(as.issuer).toBe("https://login.microsoftonline.com/organizations/v2.0");
    expect(as.token_endpoint).toBe("https://login.microsoftonline.com/organizations/oauth2/v2.0/token");
    // The browser goes to the authorization endpoint, so it is the sandbox's.
    expect(as.authorization_endpoint).toBe(`${sb.url}/login.microsoftonline.com/organizations/oauth2/v2.0/authorize`);
  });

  it("leaves a tenant's own document as Microsoft serves it", async () => {
    const issuer = "https://login.microsoftonline.com/e656ba6c-3422-4782-b7b1-9bb5bd8cc5d4/v2.0";
    expect((await discover(issuer)).issuer).toBe(issuer);
  });
});

describe("where Auth.js may send the browser", () => {
  it("keeps paths of this app relative, whatever origin the request URL named, and sends anything else home", () => {
    expect(sameSiteRedirect("/w/acme?tab=1", "http://localhost:3000")).toBe("/w/acme?tab=1");
    expect(sameSiteRedirect("http://localhost:3000/workspaces", "http://localhost:3000")).toBe("/workspaces");
    expect(sameSiteRedirect("https://evil.example/phish", "http://localhost:3000")).toBe("/");
    expect(sameSiteRedirect("//evil.example/phish", "http://localhost:3000")).toBe("/");
  });
});
