import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, expect, it } from "vitest";
import { createAdmissionGate } from "./admission";
import { gatedHandler } from "./gated-handler";

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server whose handler holds each request until the test releases it, through a gate of one running and one waiting. */
async function serve() {
  const held: Array<() => void> = [];
  const gate = createAdmissionGate({ maxConcurrent: 1, maxQueued: 1 });
  server = http.createServer(
    gatedHandler((req, res) => {
      if (req.url?.startsWith("/_next/static/")) return void res.end("static");
      held.push(() => res.end(req.url));
    }, gate),
  );
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, held, gate };
}

async function until(condition: () => boolean) {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}

it("runs one, queues one, answers the next 503 with Retry-After; built files never wait", async () => {
  const { url, held, gate } = await serve();
  const first = fetch(`${url}/first`);
  await until(() => held.length === 1);
  const second = fetch(`${url}/second`);
  await until(() => gate.waiting === 1);

  const busy = await fetch(`${url}/third`);
  expect(busy.status).toBe(503);
  expect(busy.headers.get("retry-after")).toBe("5");
  expect(await busy.text()).toContain("forge365 is busy");
  expect(await (await fetch(`${url}/_next/static/chunk.js`)).text()).toBe("static");

  held[0]();
  expect(await (await first).text()).toBe("/first");
  await until(() => held.length === 2);
  held[1]();
  expect(await (await second).text()).toBe("/second");
  await until(() => gate.running === 0);
});

it("a client that gives up while waiting leaves its place to the next", async () => {
  const { url, held, gate } = await serve();
  const first = fetch(`${url}/first`);
  await until(() => held.length === 1);
  const abandon = new AbortController();
  const gone = fetch(`${url}/gone`, { signal: abandon.signal }).catch(() => "aborted");
  await until(() => gate.waiting === 1);
  abandon.abort();
  expect(await gone).toBe("aborted");
  await until(() => gate.waiting === 0);

  const next = fetch(`${url}/next`);
  await until(() => gate.waiting === 1);
  held[0]();
  await first;
  await until(() => held.length === 2);
  held[1]();
  expect(await (await next).text()).toBe("/next");
});

/** Sends the request target exactly as written: fetch would resolve its dot segments before sending. */
function rawGet(url: string, target: string) {
  const { hostname, port } = new URL(url);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    http
      .get({ hostname, port, path: target, agent: false }, (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

it("decides on the path the router resolves: dot segments back out of the built files wait like any page", async () => {
  const { url, held, gate } = await serve();
  const first = fetch(`${url}/first`);
  await until(() => held.length === 1);
  const second = fetch(`${url}/second`);
  await until(() => gate.waiting === 1);

  for (const target of [
    "/_next/static/../sign-in",
    "/_next/static/%2e%2e/sign-in",
    "/_next/static/%2E%2E/sign-in",
    "/_next/static/.%2e/sign-in",
    "/_next/static/%2E./sign-in",
    "/_next/static/chunks/%2e%2e/%2E%2e/../w/contoso",
    "/_next/static/..\\sign-in",
    "//_next/static/chunk.js",
    "http://elsewhere.example/_next/static/chunk.js",
  ]) {
    expect(await rawGet(url, target), target).toMatchObject({ status: 503 });
  }
  expect(await rawGet(url, "/_next/static/chunks/./app.js")).toEqual({ status: 200, body: "static" });
  expect(await rawGet(url, "/_next/static/media/../css/app.css")).toEqual({ status: 200, body: "static" });

  held[0]();
  await first;
  await until(() => held.length === 2);
  held[1]();
  await second;
});
