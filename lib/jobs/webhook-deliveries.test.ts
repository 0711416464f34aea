import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { notifyWorkspace } from "@/lib/notifications/notify";
import { createUser, createWorkspace } from "@/tests/helpers/factories";
import { deliverDueWebhooks, RETRY_DELAYS_SECONDS } from "./webhook-deliveries";
import { generateWebhookSecret, sealWebhookSecret } from "@/lib/webhooks/secret";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhook } from "@/lib/webhooks/signature";

// The test's clock runs two days behind, so no other test's delivery is ever due on it.
const T0 = new Date(Date.now() - 2 * 86_400_000);
const at = (seconds: number) => () => new Date(T0.getTime() + seconds * 1000);

let answers: number[] = [];
const calls: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
let server: http.Server;
let url: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      calls.push({ headers: req.headers, body });
      res.writeHead(answers.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

async function workspaceWithWebhook(webhookUrl: string) {
  const owner = await createUser();
  const workspace = await createWorkspace({ OWNER: owner });
  const secret = generateWebhookSecret();
  await db.workspace.update({ where: { id: workspace.id }, data: { webhookUrl, webhookSecretSealed: sealWebhookSecret(workspace.id, secret) } });
  await db.$transaction((tx) =>
    notifyWorkspace(tx, workspace.id, { kind: "account.failing", title: "Contoso failing", body: "1 of 1 mailbox failed", href: `/w/${workspace.slug}/accounts/x`, data: { health: "FAILING" } }, T0),
  );
  const delivery = () => db.webhookDelivery.findFirstOrThrow({ where: { workspaceId: workspace.id } });
  return { workspace, secret, delivery };
}

describe("webhook delivery", () => {
  it("a refused call is retried after the backoff, each attempt logged, and the delivered call verifies with the signing secret", async () => {
    const { secret, delivery } = await workspaceWithWebhook(url);
    answers = [500];
    await deliverDueWebhooks({ now: at(0) });
    expect(await delivery()).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: 500, nextAttemptAt: at(RETRY_DELAYS_SECONDS[0])() });
    expect((await delivery()).lastError).toMatch(/answered 500/);

    await deliverDueWebhooks({ now: at(RETRY_DELAYS_SECONDS[0] - 1) });
    expect((await delivery()).attempts).toBe(1);

    await deliverDueWebhooks({ now: at(RETRY_DELAYS_SECONDS[0]) });
    expect(await delivery()).toMatchObject({ status: "DELIVERED", attempts: 2, lastStatusCode: 200, lastError: null, deliveredAt: at(RETRY_DELAYS_SECONDS[0])() });

    const last = calls[calls.length - 1];
    const signed = { signature: String(last.headers[SIGNATURE_HEADER]), timestamp: String(last.headers[TIMESTAMP_HEADER]), body: last.body };
    expect(signed.signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhook(secret, signed, at(RETRY_DELAYS_SECONDS[0])())).toBe(true);
    // A replay later than the tolerance, or with the body changed, does not verify.
    expect(verifyWebhook(secret, signed, at(RETRY_DELAYS_SECONDS[0] + 301)())).toBe(false);
    expect(verifyWebhook(secret, { ...signed, body: signed.body.replace("FAILING", "HEALTHY") }, at(RETRY_DELAYS_SECONDS[0])())).toBe(false);
    expect(JSON.parse(last.body)).toMatchObject({ event: "account.failing", title: "Contoso failing", data: { health: "FAILING" } });
  });

  it("gives up after the last retry, and says why on the delivery", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const { delivery } = await workspaceWithWebhook(`http://127.0.0.1:${port}/gone`);

    let clock = 0;
    for (const delay of [...RETRY_DELAYS_SECONDS, 0]) {
      await deliverDueWebhooks({ now: at(clock) });
      clock += delay;
    }
    expect(await delivery()).toMatchObject({ status: "FAILED", attempts: RETRY_DELAYS_SECONDS.length + 1, lastStatusCode: null, lastError: "The call failed: the receiver could not be reached." });
  });

  describe("destinations", () => {
    afterEach(() => vi.unstubAllEnvs());
    const port = () => (server.address() as AddressInfo).port;

    it("refuses, right before the call, a URL that points or resolves to a private address: the reason is recorded, nothing is sent, and it is given up like any failure", async () => {
      vi.stubEnv("WEBHOOK_ALLOW_PRIVATE_NETWORKS", "false");
      const before = calls.length;
      const literal = await workspaceWithWebhook("https://10.0.0.5/hook");
      const local = await workspaceWithWebhook(`https://localhost:${port()}/hook`);
      // Public when the URL was saved, private now.
      const rebound = await workspaceWithWebhook("https://hooks.rebind.test/hook");
      const resolve = async (hostname: string) => [{ address: hostname === "hooks.rebind.test" ? "10.0.0.5" : "127.0.0.1", family: 4 as const }];

      let clock = 0;
      for (const delay of [...RETRY_DELAYS_SECONDS, 0]) {
        await deliverDueWebhooks({ now: at(clock), resolve });
        if (clock === 0) expect(await literal.delivery()).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: null, nextAttemptAt: at(RETRY_DELAYS_SECONDS[0])() });
        clock += delay;
      }
      const failed = { status: "FAILED", attempts: RETRY_DELAYS_SECONDS.length + 1, lastStatusCode: null, deliveredAt: null };
      expect(await literal.delivery()).toMatchObject({ ...failed, lastError: "The webhook URL points to a private address (10.0.0.5), which forge365 does not call." });
      expect(await local.delivery()).toMatchObject({ ...failed, lastError: "The webhook URL resolves to a loopback address (127.0.0.1), which forge365 does not call." });
      expect(await rebound.delivery()).toMatchObject({ ...failed, lastError: "The webhook URL resolves to a private address (10.0.0.5), which forge365 does not call." });
      expect(calls.length).toBe(before);
    });

    it("with WEBHOOK_ALLOW_PRIVATE_NETWORKS=true, a receiver on localhost gets the call", async () => {
      vi.stubEnv("WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true");
      const { delivery } = await workspaceWithWebhook(`http://localhost:${port()}/hook?from=test`);
      await deliverDueWebhooks({ now: at(0) });
      expect(await delivery()).toMatchObject({ status: "DELIVERED", attempts: 1, lastStatusCode: 200, lastError: null });
      expect(calls[calls.length - 1].headers.host).toBe(`localhost:${port()}`);
    });

    it("connects to the address it checked, without asking DNS again", async () => {
      vi.stubEnv("WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true");
      // The name exists nowhere but in this resolver: the call can only reach the receiver through the address checked.
      const { delivery } = await workspaceWithWebhook(`http://receiver.pinned.test:${port()}/hook`);
      const resolve = vi.fn(async () => [{ address: "127.0.0.1", family: 4 as const }]);
      await deliverDueWebhooks({ now: at(0), resolve });
      expect(await delivery()).toMatchObject({ status: "DELIVERED", lastStatusCode: 200 });
      expect(resolve).toHaveBeenCalledTimes(1);
      expect(calls[calls.length - 1].headers.host).toBe(`receiver.pinned.test:${port()}`);
    });
  });
});
