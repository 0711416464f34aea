import http from "node:http";
import { describe, expect, it } from "vitest";
import { DEMO_TENANT_ID } from "@/sandbox/fixtures/demo";
import { useSandbox } from "@/tests/helpers/sandbox";

const sb = useSandbox();

const token = () =>
  fetch(`${sb.url}/login.microsoftonline.com/${DEMO_TENANT_ID}/oauth2/v2.0/token`, { method: "POST", body: new URLSearchParams({ grant_type: "client_credentials" }) });
const organization = (accessToken: string) =>
  fetch(`${sb.url}/graph.microsoft.com/v1.0/organization`, { headers: { Authorization: `Bearer ${accessToken}` } });

describe("faults that answer as a network in the way would", () => {
  it("answers a gateway's HTML page, 502 by default", async () => {
    await sb.control("PUT", "faults", { endpoint: "token", failNext: 1, failAs: "html" });
    const res = await token();
    expect(res.status).toBe(502);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await res.text()).toContain("<h1>502 Bad Gateway</h1>");
    expect((await token()).status).toBe(400);
  });

  it("answers a captive portal's page with 200", async () => {
    await sb.control("PUT", "faults", { endpoint: "organization", failureRate: 1, failAs: "html", failStatus: 200 });
    const res = await organization(await sb.appToken());
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Welcome to the guest network");
  });

  it.each([502, 503, 504])("answers %i with an empty body", async (status) => {
    const accessToken = await sb.appToken();
    await sb.control("PUT", "faults", { endpoint: "*", failureRate: 1, failAs: "empty", failStatus: status });
    for (const res of [await token(), await organization(accessToken)]) {
      expect(res.status).toBe(status);
      expect(res.headers.get("content-type")).toBeNull();
      expect(await res.text()).toBe("");
    }
  });

  it("answers a proxy's 407 with its Proxy-Authenticate challenge", async () => {
    await sb.control("PUT", "faults", { endpoint: "token", failureRate: 1, failAs: "proxyAuth" });
    // Node's fetch reports any 407 as a bare "fetch failed", so this one is read with node:http.
    const res = await new Promise<http.IncomingMessage>((resolve, reject) =>
      http.request(`${sb.url}/login.microsoftonline.com/${DEMO_TENANT_ID}/oauth2/v2.0/token`, { method: "POST" }, resolve).on("error", reject).end(),
    );
    res.resume();
    expect(res.statusCode).toBe(407);
    expect(res.headers["proxy-authenticate"]).toBe('Basic realm="proxy"');
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
  });

  it("keeps the existing settings: Microsoft's own JSON error, 503 by default", async () => {
    await sb.control("PUT", "faults", { endpoint: "token", failureRate: 1 });
    const res = await token();
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: "temporarily_unavailable" });
  });

  it("refuses a status the chosen answer cannot have", async () => {
    await expect(sb.control("PUT", "faults", { endpoint: "token", failAs: "html", failStatus: 503 })).rejects.toThrow(/HTTP 400.*failStatus/);
    await expect(sb.control("PUT", "faults", { endpoint: "token", failAs: "microsoft", failStatus: 502 })).rejects.toThrow(/HTTP 400/);
    await expect(sb.control("PUT", "faults", { endpoint: "token", failAs: "teapot" })).rejects.toThrow(/HTTP 400.*failAs/);
  });
});
