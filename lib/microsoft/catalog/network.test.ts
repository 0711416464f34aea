import { ClientAuthError, ClientAuthErrorCodes } from "@azure/msal-node";
import { GraphClientError } from "@microsoft/microsoft-graph-client";
import { describe, expect, it } from "vitest";
import { catalogEntries, diagnose, getEntry } from "@/lib/microsoft/catalog";
import { IntermediaryAnswerError, type IntermediaryAnswer } from "@/lib/microsoft/intermediary";

const GLOBAL_HOSTS = ["login.microsoftonline.com", "graph.microsoft.com"];

const answer = (overrides: Partial<IntermediaryAnswer> = {}) =>
  new IntermediaryAnswerError({
    host: "login.microsoftonline.com",
    microsoftHosts: GLOBAL_HOSTS,
    status: 502,
    contentType: "text/html",
    snippet: "502 Bad Gateway nginx",
    tunnel: false,
    ...overrides,
  });

/** As createMsalNetworkClient and the Graph client's FetchHandler pass it on. */
const throughMsal = (cause: Error) => Object.assign(new ClientAuthError(ClientAuthErrorCodes.networkError, "", `Network request failed: ${cause.message}`), { cause });
const throughGraph = (cause: Error) => Object.assign(new GraphClientError(cause.message), { cause });

describe("diagnose: answers that did not come from Microsoft", () => {
  it("names the host, the status and the page's first words, and what to ask the network team", () => {
    const diagnosis = diagnose(answer(), { step: "send" });
    expect(diagnosis).toMatchObject({
      code: "INTERMEDIARY_ANSWERED",
      title: "A proxy or firewall answered instead of Microsoft",
      source: "product",
      step: "send",
      httpStatus: 502,
      retryable: true,
      known: true,
    });
    expect(diagnosis.cause).toContain('forge365 asked login.microsoftonline.com, but the answer did not come from Microsoft: HTTP 502, an HTML page that begins "502 Bad Gateway nginx"');
    expect(diagnosis.fix).toContain("let the forge365 server reach login.microsoftonline.com and graph.microsoft.com over HTTPS (port 443)");
    expect(diagnosis.fix).toContain("TLS inspection");
    expect(diagnosis.fix).toContain("NODE_EXTRA_CA_CERTS");
    expect(diagnosis.docsUrl).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    // Nothing in it is Microsoft's message.
    expect(diagnosis.rawMessage).toBeUndefined();
  });

  it("finds it inside MSAL's network_error and the Graph SDK's GraphClientError, ahead of what they say", () => {
    for (const error of [throughMsal(answer()), throughGraph(answer({ host: "graph.microsoft.com" })), throughGraph(throughMsal(answer()))]) {
      expect(diagnose(error, { step: "token" })).toMatchObject({ code: "INTERMEDIARY_ANSWERED", httpStatus: 502, step: "token" });
    }
    expect(diagnose(throughGraph(answer({ host: "graph.microsoft.com" }))).cause).toContain("forge365 asked graph.microsoft.com");
  });

  it.each([
    ["a gateway's 502 page", { status: 502 }, true],
    ["an empty 503", { status: 503, snippet: "", contentType: undefined }, true],
    ["a 504", { status: 504 }, true],
    ["an empty 200", { status: 200, snippet: "" }, true],
    ["a captive portal's 200 page", { status: 200, snippet: "Guest Wi-Fi Accept the terms" }, false],
    ["a firewall's 403 block page", { status: 403, snippet: "Access denied by policy" }, false],
    ["JSON with the wrong content type", { status: 200, contentType: "text/plain", snippet: '{"value":[]}' }, false],
    ["a proxy that cannot reach Microsoft (502 to CONNECT)", { status: 502, snippet: "", tunnel: true }, true],
    ["a proxy that blocks the host (403 to CONNECT)", { status: 403, snippet: "", tunnel: true }, false],
  ] as const)("says whether testing again can help after %s", (_name, overrides, retryable) => {
    const diagnosis = diagnose(answer(overrides));
    expect(diagnosis).toMatchObject({ code: "INTERMEDIARY_ANSWERED", httpStatus: overrides.status, retryable });
    expect(diagnosis.fix).toContain(retryable ? "test again in a few minutes" : "Testing again gives the same answer until the network is changed.");
  });

  it("tells a refused tunnel from a page answered in Microsoft's place", () => {
    const { cause, fix } = diagnose(answer({ status: 403, snippet: "", tunnel: true }));
    expect(cause).toBe("forge365's proxy answered HTTP 403 when asked to connect to login.microsoftonline.com, so the request never reached Microsoft.");
    expect(fix).not.toContain("NODE_EXTRA_CA_CERTS");
  });

  it("describes the content it got", () => {
    expect(diagnose(answer({ status: 503, snippet: "", contentType: undefined })).cause).toContain("HTTP 503 with an empty body.");
    expect(diagnose(answer({ status: 200, contentType: "text/plain; charset=utf-8", snippet: "{" })).cause).toContain('HTTP 200, a text/plain answer that begins "{"');
    expect(diagnose(answer({ status: 200, contentType: undefined, snippet: "OK" })).cause).toContain('HTTP 200, an answer without a content type that begins "OK"');
  });

  it("names the hosts of the connection's own cloud", () => {
    const dod = answer({ host: "dod-graph.microsoft.us", microsoftHosts: ["login.microsoftonline.us", "dod-graph.microsoft.us"] });
    expect(diagnose(dod).fix).toContain("reach login.microsoftonline.us and dod-graph.microsoft.us over HTTPS");
  });

  it("scrubs the page's words before showing them", () => {
    const leaky = answer({ status: 200, snippet: "Blocked: client_secret=abC8Q~9xYzT5vLmN2pQrStUvWxYz0123456789AbCd and Bearer eyJhbGciOi.eyJzdWIiOi.c2ln" });
    const { cause } = diagnose(leaky);
    expect(cause).not.toContain("abC8Q~");
    expect(cause).not.toContain("eyJhbGciOi");
    expect(cause).toContain("client_secret=[redacted]");
  });
});

describe("diagnose: a proxy that wants credentials (407)", () => {
  it("says so, quotes the challenge and explains where the credentials go", () => {
    const diagnosis = diagnose(throughMsal(answer({ status: 407, snippet: "", challenge: 'Basic realm="corp"' })), { step: "token" });
    expect(diagnosis).toMatchObject({ code: "PROXY_AUTHENTICATION_REQUIRED", httpStatus: 407, retryable: false, step: "token", known: true });
    expect(diagnosis.cause).toContain("answered 407 Proxy Authentication Required");
    expect(diagnosis.cause).toContain('It asks for: Basic realm="corp".');
    expect(diagnosis.fix).toContain("HTTPS_PROXY=http://user:password@proxy.example.com:8080");
    expect(diagnosis.fix).toContain("NTLM or Negotiate (Kerberos)");
    expect(diagnosis.fix).toContain("login.microsoftonline.com and graph.microsoft.com");
  });

  it("stays PROXY_AUTHENTICATION_REQUIRED when the proxy sends no challenge", () => {
    const { code, cause } = diagnose(answer({ status: 407, snippet: "", challenge: undefined }));
    expect(code).toBe("PROXY_AUTHENTICATION_REQUIRED");
    expect(cause).not.toContain("It asks for");
  });
});

describe("the network entries", () => {
  it("are listed, found by code, and name Microsoft's docs", () => {
    for (const code of ["INTERMEDIARY_ANSWERED", "PROXY_AUTHENTICATION_REQUIRED"]) {
      expect(catalogEntries().map((entry) => entry.code)).toContain(code);
      expect(getEntry(code)).toMatchObject({ code, source: "product", anyStep: true, retryable: false });
      expect(diagnose(code)).toMatchObject({ code, known: true });
    }
  });
});
