import { ClientAuthError } from "@azure/msal-node";
import { describe, expect, it } from "vitest";
import { useSandbox } from "@/tests/helpers/sandbox";
import { authorityUrl, CLOUDS, graphAppScope } from "./clouds";
import { createMicrosoftFetch, createMsalNetworkClient, resolveMicrosoftUrl } from "./transport";

const sb = useSandbox();

describe("clouds", () => {
  it("pairs each cloud's authority with its Graph host", () => {
    expect(authorityUrl("usgov", "contoso.us")).toBe("https://login.microsoftonline.us/contoso.us");
    expect(graphAppScope("usgovdod")).toBe("https://dod-graph.microsoft.us/.default");
    expect(graphAppScope("china")).toBe("https://microsoftgraph.chinacloudapi.cn/.default");
    expect(CLOUDS.sandbox.authorityHost).toBe(CLOUDS.global.authorityHost);
  });
});

describe("resolveMicrosoftUrl", () => {
  it("prefixes the host with the sandbox URL and keeps path and query", () => {
    expect(resolveMicrosoftUrl("https://login.microsoftonline.com/t/oauth2/v2.0/authorize?a=1&b=2", { cloud: "sandbox", sandboxUrl: "http://127.0.0.1:4010/" })).toBe(
      "http://127.0.0.1:4010/login.microsoftonline.com/t/oauth2/v2.0/authorize?a=1&b=2",
    );
  });

  it("leaves real clouds alone and refuses a sandbox without a URL", () => {
    expect(resolveMicrosoftUrl("https://graph.microsoft.us/v1.0/me", { cloud: "usgov" })).toBe("https://graph.microsoft.us/v1.0/me");
    expect(() => createMicrosoftFetch({ cloud: "sandbox" })).toThrow(/M365_SANDBOX_URL/);
  });
});

describe("createMicrosoftFetch", () => {
  it("reaches the sandbox through the real Microsoft URL", async () => {
    const fetch = createMicrosoftFetch({ cloud: "sandbox", sandboxUrl: sb.url });
    const res = await fetch("https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration");
    expect(res.status).toBe(200);
    expect((await res.json()).token_endpoint).toMatch(/^https:\/\/login\.microsoftonline\.com\//);
  });

  it("gives up on a request that outlives the timeout", async () => {
    await sb.control("PUT", "faults", { endpoint: "openid-configuration", hang: true });
    const fetch = createMicrosoftFetch({ cloud: "sandbox", sandboxUrl: sb.url, timeoutMs: 200 });
    const started = Date.now();
    await expect(fetch("https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration")).rejects.toMatchObject({ name: "TimeoutError" });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe("createMsalNetworkClient", () => {
  it("returns status, lower-cased headers and the parsed body, errors included", async () => {
    const client = createMsalNetworkClient(createMicrosoftFetch({ cloud: "sandbox", sandboxUrl: sb.url }));
    const res = await client.sendGetRequestAsync<{ error: string }>("https://login.microsoftonline.com/unknown.example/v2.0/.well-known/openid-configuration");
    expect(res.status).toBe(400);
    expect(res.body.error).toBe("invalid_tenant");
    expect(res.headers["content-type"]).toContain("application/json");
  });

  it("turns a timeout into MSAL's network_error and HTML into token_parsing_error", async () => {
    await sb.control("PUT", "faults", { endpoint: "token", hang: true });
    const hanging = createMsalNetworkClient(createMicrosoftFetch({ cloud: "sandbox", sandboxUrl: sb.url, timeoutMs: 200 }));
    const timeout = await hanging.sendPostRequestAsync("https://login.microsoftonline.com/common/oauth2/v2.0/token", { body: "" }).catch((e) => e);
    expect(timeout).toBeInstanceOf(ClientAuthError);
    expect(timeout).toMatchObject({ errorCode: "network_error", errorMessage: "Request timeout" });

    const html = createMsalNetworkClient(createMicrosoftFetch({ cloud: "sandbox", sandboxUrl: sb.url }));
    const parse = await html.sendGetRequestAsync("https://login.microsoftonline.com/common/oauth2/v2.0/authorize").catch((e) => e);
    expect(parse).toMatchObject({ errorCode: "token_parsing_error" });
  });
});
