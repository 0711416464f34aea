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
