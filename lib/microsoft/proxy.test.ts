import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runConnectionTest } from "@/lib/microsoft/connection-check";
import { DEMO_MAILBOXES, DEMO_TENANT_ID } from "@/sandbox/fixtures/demo";
import { demoInput } from "@/tests/helpers/connection-check";
import { forwardProxy, inspectingProxy, refusingProxy, type RunningProxy } from "@/tests/helpers/proxies";
import { useSandbox } from "@/tests/helpers/sandbox";

const sb = useSandbox();

const PROXY_VARIABLES = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"] as const;
const CREDENTIALS = `Basic ${Buffer.from("forge:s3cret").toString("base64")}`;

let saved: Partial<Record<string, string>>;
let proxies: RunningProxy[];

// Whatever the machine has set, each test starts with no proxy and no NO_PROXY, which would keep 127.0.0.1 off it.
beforeEach(() => {
  saved = Object.fromEntries(PROXY_VARIABLES.map((name) => [name, process.env[name]]));
  for (const name of PROXY_VARIABLES) delete process.env[name];
  proxies = [];
});
afterEach(async () => {
  for (const name of PROXY_VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  await Promise.all(proxies.map((proxy) => proxy.close()));
});

async function started(proxy: Promise<RunningProxy>): Promise<RunningProxy> {
  proxies.push(await proxy);
  return proxies.at(-1)!;
}

/** The sandbox is http://127.0.0.1:<port>, so HTTP_PROXY is the variable that applies to it. */
const through = (proxyUrl: string) => (process.env.HTTP_PROXY = proxyUrl);
const run = () => runConnectionTest(demoInput(sb.url));

describe("Test Connection behind a proxy", () => {
  it("sends every request to Microsoft through HTTP_PROXY, loopback included", async () => {
    const proxy = await started(forwardProxy());
    through(proxy.url);
    const result = await run();
    expect(result.outcome).toBe("passed");
    expect(proxy.requests).toEqual([
      expect.stringMatching(new RegExp(`^POST /login\\.microsoftonline\\.com/${DEMO_TENANT_ID}/oauth2/v2\\.0/token\\?`)),
      expect.stringMatching(new RegExp(`^GET /graph\\.microsoft\\.com/v1\\.0/users/${encodeURIComponent(DEMO_MAILBOXES.sender)}\\?`)),
      `POST /graph.microsoft.com/v1.0/users/${encodeURIComponent(DEMO_MAILBOXES.sender)}/sendMail`,
    ]);
  });

  it("reaches the hosts NO_PROXY lists directly", async () => {
    const proxy = await started(forwardProxy());
    through(proxy.url);
    process.env.no_proxy = "127.0.0.1";
    expect((await run()).outcome).toBe("passed");
    expect(proxy.requests).toEqual([]);
  });

  it("diagnoses a proxy that wants credentials, and passes once the proxy URL carries them", async () => {
    const proxy = await started(forwardProxy((req) => req.headers["proxy-authorization"] === CREDENTIALS));
    through(proxy.url);
    const refused = await run();
    expect(refused).toMatchObject({ outcome: "failed", errorCode: "PROXY_AUTHENTICATION_REQUIRED" });
    expect(refused.diagnosis).toMatchObject({ step: "token", httpStatus: 407, retryable: false });
    expect(refused.steps.find((step) => step.name === "token")?.status).toBe("failed");
    expect(proxy.requests).toEqual([]);

    through(proxy.url.replace("http://", "http://forge:s3cret@"));
    expect((await run()).outcome).toBe("passed");
    expect(proxy.requests).toHaveLength(3);
  });

  it("diagnoses a proxy that refuses the tunnel with its own error page", async () => {
    const proxy = await started(refusingProxy(502, "<html><body><h1>502 Bad Gateway</h1><p>The proxy could not connect.</p></body></html>"));
    through(proxy.url);
    const result = await run();
    expect(result).toMatchObject({ outcome: "failed", errorCode: "INTERMEDIARY_ANSWERED" });
    expect(result.diagnosis).toMatchObject({ step: "token", httpStatus: 502, retryable: true });
    expect(result.diagnosis?.cause).toBe(
      "forge365's proxy answered HTTP 502 when asked to connect to login.microsoftonline.com, so the request never reached Microsoft.",
    );
  });

  it("diagnoses a proxy that answers in Microsoft's place with a page of its own", async () => {
    const proxy = await started(inspectingProxy(200, "<html><head><title>Sign in to continue</title></head><body><h1>Corporate web access</h1></body></html>"));
    through(proxy.url);
    const result = await run();
    expect(result).toMatchObject({ outcome: "failed", errorCode: "INTERMEDIARY_ANSWERED" });
    expect(result.diagnosis).toMatchObject({ step: "token", httpStatus: 200, retryable: false });
    expect(result.diagnosis?.cause).toContain('forge365 asked login.microsoftonline.com, but the answer did not come from Microsoft: HTTP 200, an HTML page that begins "Sign in to continue Corporate web access"');
  });
});
