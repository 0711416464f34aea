import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import v8 from "node:v8";
import vm from "node:vm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createMicrosoftFetch } from "@/lib/microsoft/transport";

// Node 20's AbortSignal.any() holds its sources weakly: a timeout signal nothing else holds can be
// collected before it fires (nodejs/node#57736). Collecting garbage on purpose shows it every time.
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

const silent = createServer(() => {});
let url: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
});
afterAll(() => {
  silent.closeAllConnections();
  silent.close();
});

it("gives up on a silent Microsoft after the per-request timeout, even when garbage is collected meanwhile", async () => {
  const fetch = createMicrosoftFetch({ cloud: "sandbox", sandboxUrl: url, timeoutMs: 300 });
  const collecting = setInterval(gc, 20);
  try {
    const started = performance.now();
    const caller = new AbortController();
    const outcome = await Promise.race([
      fetch("https://graph.microsoft.com/v1.0/users/x", { signal: caller.signal }).then(
        () => "answered",
        (error: Error) => error.name,
      ),
      new Promise((resolve) => setTimeout(() => resolve("still waiting"), 3_000)),
    ]);
    expect(outcome).toBe("TimeoutError");
    expect(performance.now() - started).toBeLessThan(1_500);
  } finally {
    clearInterval(collecting);
  }
});
