import { ClientAuthError } from "@azure/msal-node";
import { GraphClientError, RetryHandlerOptions } from "@microsoft/microsoft-graph-client";
import { describe, expect, it } from "vitest";
import { diagnose } from "@/lib/microsoft/catalog";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_MAILBOXES, DEMO_TENANT_ID } from "@/sandbox/fixtures/demo";
import { useSandbox } from "@/tests/helpers/sandbox";
import { createGraphClient } from "./graph";
import { firstWords, IntermediaryAnswerError } from "./intermediary";
import { acquireAppToken, createConfidentialClient } from "./msal";
import { createMicrosoftFetch, type Fetch } from "./transport";

const sb = useSandbox();

const microsoftFetch = (fetch?: Fetch) => createMicrosoftFetch({ cloud: "sandbox", sandboxUrl: sb.url, fetch });

/** What MSAL threw for a client credentials request: our network client's ClientAuthError. */
async function tokenFailure(fetch = microsoftFetch()): Promise<unknown> {
  const client = createConfidentialClient({ cloud: "sandbox", tenant: DEMO_TENANT_ID, clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET, fetch });
  return acquireAppToken(client, { cloud: "sandbox", skipCache: true }).then(
    () => expect.fail("a token was issued"),
    (error: unknown) => error,
  );
}

/** What the Graph SDK threw for GET /users/{sender}, its retries off. */
async function graphFailure(fetch = microsoftFetch()): Promise<unknown> {
  const graph = createGraphClient({ accessToken: await sb.appToken(), fetch, cloud: "sandbox", retry: new RetryHandlerOptions(0, 0) });
  return graph.api(`/users/${DEMO_MAILBOXES.sender}`).get().then(
    () => expect.fail("Graph answered"),
    (error: unknown) => error,
  );
}

/** The sandbox's real answer, relabelled on the way as a proxy that rewrites content types would. */
const relabelled = (path: RegExp, contentType: string): Fetch =>
  microsoftFetch(async (input, init) => {
    const response = await fetch(input, init);
    if (!path.test(String(input))) return response;
    return new Response(await response.text(), { status: response.status, headers: { "content-type": contentType } });
  });

const CASES = [
  { name: "an HTML login page (200)", fault: { failAs: "html", failStatus: 200 }, code: "INTERMEDIARY_ANSWERED", status: 200, retryable: false, shows: '"Guest Wi-Fi Welcome to the guest network Accept the terms of use' },
  { name: "a gateway's HTML 502", fault: { failAs: "html", failStatus: 502 }, code: "INTERMEDIARY_ANSWERED", status: 502, retryable: true, shows: '"502 Bad Gateway 502 Bad Gateway nginx"' },
  { name: "an empty 503", fault: { failAs: "empty", failStatus: 503 }, code: "INTERMEDIARY_ANSWERED", status: 503, retryable: true, shows: "HTTP 503 with an empty body" },
  { name: "a proxy's 407", fault: { failAs: "proxyAuth" }, code: "PROXY_AUTHENTICATION_REQUIRED", status: 407, retryable: false, shows: 'It asks for: Basic realm="proxy"' },
] as const;

const ENDPOINTS = [
  { service: "token endpoint", endpoint: "token", host: "login.microsoftonline.com", step: "token", fail: () => tokenFailure(), wrapper: ClientAuthError },
  { service: "Graph", endpoint: "users", host: "graph.microsoft.com", step: "mailbox", fail: () => graphFailure(), wrapper: GraphClientError },
] as const;

describe.each(ENDPOINTS)("an answer that is not Microsoft's, from the $service", ({ endpoint, host, step, fail, wrapper }) => {
  it.each(CASES)("diagnoses $name", async ({ fault, code, status, retryable, shows }) => {
    await sb.control("PUT", "faults", { endpoint, failureRate: 1, ...fault });
    const error = await fail();
    // Each library's own error, carrying the transport's finding as its cause.
    expect(error).toBeInstanceOf(wrapper);
    expect((error as Error).cause).toBeInstanceOf(IntermediaryAnswerError);
    expect((error as Error).cause).toMatchObject({ host, status, tunnel: false });

    const diagnosis = diagnose(error, { step });
    expect(diagnosis).toMatchObject({ code, httpStatus: status, retryable, step, known: true });
    expect(diagnosis.cause).toContain(host);
    expect(diagnosis.cause).toContain(shows);
    expect(diagnosis.fix).toContain("login.microsoftonline.com and graph.microsoft.com");
    expect(diagnosis.rawMessage).toBeUndefined();
  });
});

describe("a JSON answer relabelled with another content type", () => {
  it("is not taken for Microsoft's, on the token endpoint or on Graph", async () => {
    const token = diagnose(await tokenFailure(relabelled(/\/oauth2\/v2\.0\/token(\?|$)/, "text/plain")), { step: "token" });
    const users = diagnose(await graphFailure(relabelled(/\/v1\.0\/users\//, "text/plain; charset=utf-8")), { step: "mailbox" });
    for (const [diagnosis, host] of [[token, "login.microsoftonline.com"], [users, "graph.microsoft.com"]] as const) {
      expect(diagnosis).toMatchObject({ code: "INTERMEDIARY_ANSWERED", httpStatus: 200, retryable: false });
      expect(diagnosis.cause).toContain(`forge365 asked ${host}`);
      expect(diagnosis.cause).toMatch(/HTTP 200, a text\/plain answer that begins "\{/);
    }
  });
});

describe("Microsoft's own answers pass as they are", () => {
  it("keeps Microsoft's JSON errors, and sendMail's empty 202", async () => {
    await sb.control("PUT", "faults", { endpoint: "token", failureRate: 1, failStatus: 503 });
    expect(diagnose(await tokenFailure()).code).toBe("AADSTS90006");
    await sb.control("DELETE", "faults");
    const graph = createGraphClient({ accessToken: await sb.appToken(), fetch: microsoftFetch(), cloud: "sandbox" });
    const message = { subject: "Through the transport", body: { contentType: "Text", content: "Hello." }, toRecipients: [{ emailAddress: { address: DEMO_MAILBOXES.recipient } }] };
    await graph.api(`/users/${DEMO_MAILBOXES.sender}/sendMail`).post({ message });
    const { sent } = await sb.control<{ sent: { subject: string }[] }>("GET", "sent");
    expect(sent).toEqual([expect.objectContaining({ subject: "Through the transport" })]);
  });

  it("leaves Entra's bare 429 to MSAL rather than blaming the network", async () => {
    const throttled = microsoftFetch(async () => new Response("Too Many Requests", { status: 429, headers: { "retry-after": "60" } }));
    const error = await tokenFailure(throttled);
    expect(error).toMatchObject({ errorCode: "token_parsing_error" });
    expect(diagnose(error).code).not.toMatch(/INTERMEDIARY|PROXY/);
  });

  it("lets the authorize page, which is HTML for a browser, through", async () => {
    const page = await microsoftFetch()(`https://login.microsoftonline.com/${DEMO_TENANT_ID}/oauth2/v2.0/authorize?client_id=${DEMO_CLIENT_ID}`);
    expect(page.headers.get("content-type")).toContain("text/html");
  });

  it("takes a Request as well as a URL", async () => {
    const url = `https://login.microsoftonline.com/${DEMO_TENANT_ID}/oauth2/v2.0/token`;
    const body = new URLSearchParams({ grant_type: "client_credentials", client_id: DEMO_CLIENT_ID, client_secret: DEMO_CLIENT_SECRET, scope: "https://graph.microsoft.com/.default" });
    const response = await microsoftFetch()(new Request(url, { method: "POST", body }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ token_type: "Bearer" });
  });
});

describe("firstWords", () => {
  it("reads a page as a person would: no tags, scripts or styles, whitespace collapsed", () => {
    const page = "<html><head><title>Blocked</title><style>h1{color:red}</style><script>var x = '<b>';</script></head>\n<body><!-- n -->\n<h1>Access&nbsp;denied</h1>  <p>Category: Cloud &amp; storage</p></body></html>";
    expect(firstWords(page)).toBe("Blocked Access denied Category: Cloud & storage");
  });

  it("keeps about 160 characters, ending on a whole word", () => {
    const words = firstWords(`<p>${"lorem ipsum ".repeat(40)}</p>`);
    expect(words.length).toBeLessThanOrEqual(161);
    expect(words).toMatch(/(lorem|ipsum)…$/);
  });
});
