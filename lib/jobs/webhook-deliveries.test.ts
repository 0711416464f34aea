import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { notifyWorkspace } from "@/lib/notifications/notify";
import { createUser, createWorkspace, form } from "@/tests/helpers/factories";
import { removeWebhookAction, setWebhookAction } from "@/app/w/[slug]/settings/actions";
import { executeWorkspaceAction } from "@/lib/actions/workspace-action";
import { configureWebhook, WEBHOOK_REMOVED } from "@/lib/webhooks/settings";
import { deliverDueWebhooks, RETRY_DELAYS_SECONDS } from "./webhook-deliveries";
import { generateWebhookSecret, sealWebhookSecret } from "@/lib/webhooks/secret";
import { DELIVERY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhook } from "@/lib/webhooks/signature";

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
  return { workspace, owner, secret, delivery };
}

/** A port nothing listens on: every call to it fails. */
async function closedPort() {
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  const { port } = closed.address() as AddressInfo;
  await new Promise((resolve) => closed.close(resolve));
  return port;
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
    const sentAt = at(RETRY_DELAYS_SECONDS[0])();
    expect(last.headers[SIGNATURE_HEADER]).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(last.headers[DELIVERY_HEADER]).toBe((await delivery()).id);
    expect(last.headers[TIMESTAMP_HEADER]).toBe(String(Math.floor(sentAt.getTime() / 1000)));
    // The signed string as the README documents it, for receivers written in any language.
    const signedString = `${last.headers[DELIVERY_HEADER]}.${last.headers[TIMESTAMP_HEADER]}.${last.body}`;
    expect(last.headers[SIGNATURE_HEADER]).toBe(`sha256=${createHmac("sha256", secret).update(signedString).digest("hex")}`);
    expect(verifyWebhook(secret, last, sentAt)).toBe(true);
    // A replay later than the tolerance, with the body changed, or passed off as another delivery, does not verify.
    expect(verifyWebhook(secret, last, at(RETRY_DELAYS_SECONDS[0] + 301)())).toBe(false);
    expect(verifyWebhook(secret, { ...last, body: last.body.replace("FAILING", "HEALTHY") }, sentAt)).toBe(false);
    expect(verifyWebhook(secret, { ...last, headers: { ...last.headers, [DELIVERY_HEADER]: "cm0another0delivery0id00" } }, sentAt)).toBe(false);
    expect(verifyWebhook(secret, { ...last, headers: { ...last.headers, [DELIVERY_HEADER]: undefined } }, sentAt)).toBe(false);
    expect(verifyWebhook(secret, { ...last, headers: { ...last.headers, [TIMESTAMP_HEADER]: String(Math.floor(sentAt.getTime() / 1000) + 1) } }, sentAt)).toBe(false);
    expect(JSON.parse(last.body)).toMatchObject({ event: "account.failing", title: "Contoso failing", data: { health: "FAILING" } });
  });

  it("gives up after the last retry, and says why on the delivery", async () => {
    const { delivery } = await workspaceWithWebhook(`http://127.0.0.1:${await closedPort()}/gone`);

    let clock = 0;
    for (const delay of [...RETRY_DELAYS_SECONDS, 0]) {
      await deliverDueWebhooks({ now: at(clock) });
      clock += delay;
    }
    expect(await delivery()).toMatchObject({ status: "FAILED", attempts: RETRY_DELAYS_SECONDS.length + 1, lastStatusCode: null, lastError: "The call failed: the receiver could not be reached." });
  });

  describe("when the webhook is changed in Settings", () => {
    type Owner = Awaited<ReturnType<typeof createUser>>;
    const setUrl = (owner: Owner, slug: string, newUrl: string) => executeWorkspaceAction(setWebhookAction.definition, owner, form({ workspace: slug, url: newUrl }));
    const remove = (owner: Owner, slug: string) => executeWorkspaceAction(removeWebhookAction.definition, owner, form({ workspace: slug }));
    const lastAudit = (workspaceId: string) => db.auditEvent.findFirstOrThrow({ where: { workspaceId }, orderBy: { createdAt: "desc" } });

    it("a new URL takes the deliveries still waiting: they go to it, starting over, not to the old one", async () => {
      const oldUrl = `http://127.0.0.1:${await closedPort()}/old`;
      const { workspace, owner, secret, delivery } = await workspaceWithWebhook(oldUrl);
      await deliverDueWebhooks({ now: at(0) });
      expect(await delivery()).toMatchObject({ status: "PENDING", attempts: 1, url: oldUrl, nextAttemptAt: at(RETRY_DELAYS_SECONDS[0])() });

      // Saved ten seconds later, through the same function the Settings action calls.
      const actor = { workspaceId: workspace.id, userId: owner.id, role: "OWNER" as const };
      await configureWebhook(actor, { url, regenerate: false }, at(10)());
      expect(await delivery()).toMatchObject({ status: "PENDING", attempts: 0, url, lastError: null, lastStatusCode: null, nextAttemptAt: at(10)() });
      expect(await lastAudit(workspace.id)).toMatchObject({ action: "webhook.updated", metadata: { newSecret: false, retargetedDeliveries: 1 } });

      const before = calls.length;
      await deliverDueWebhooks({ now: at(10) });
      expect(await delivery()).toMatchObject({ status: "DELIVERED", attempts: 1, lastStatusCode: 200, url });
      expect(calls.length).toBe(before + 1);
      expect(verifyWebhook(secret, calls[calls.length - 1], at(10)())).toBe(true);

      // Saving the same URL again leaves deliveries alone.
      expect(await setUrl(owner, workspace.slug, url)).toMatchObject({ ok: true });
      expect(await lastAudit(workspace.id)).toMatchObject({ action: "webhook.updated", metadata: { retargetedDeliveries: 0 } });
    });

    it("removing the webhook gives up the deliveries still waiting, and says why", async () => {
      const { workspace, owner, delivery } = await workspaceWithWebhook(`http://127.0.0.1:${await closedPort()}/old`);
      await deliverDueWebhooks({ now: at(0) });
      expect(await remove(owner, workspace.slug)).toMatchObject({ ok: true });
      expect(await delivery()).toMatchObject({ status: "FAILED", attempts: 1, lastError: WEBHOOK_REMOVED });
      expect(await lastAudit(workspace.id)).toMatchObject({ action: "webhook.removed", metadata: { cancelledDeliveries: 1 } });

      await deliverDueWebhooks({ now: at(RETRY_DELAYS_SECONDS[0]) });
      expect(await delivery()).toMatchObject({ status: "FAILED", attempts: 1, lastError: WEBHOOK_REMOVED });
    });

    it("an attempt in flight while the webhook is removed does not bring its delivery back", async () => {
      let release: (status: number) => void = () => {};
      let arrived = false;
      const slow = http.createServer((req, res) => {
        arrived = true;
        release = (status) => res.writeHead(status).end();
      });
      await new Promise<void>((resolve) => slow.listen(0, "127.0.0.1", resolve));
      try {
        const { workspace, owner, delivery } = await workspaceWithWebhook(`http://127.0.0.1:${(slow.address() as AddressInfo).port}/slow`);
        const attempt = deliverDueWebhooks({ now: at(0) });
        for (let i = 0; i < 200 && !arrived; i++) await new Promise((resolve) => setTimeout(resolve, 10));
        expect(arrived).toBe(true);
        expect(await remove(owner, workspace.slug)).toMatchObject({ ok: true });
        release(500);
        await attempt;
        expect(await delivery()).toMatchObject({ status: "FAILED", lastError: WEBHOOK_REMOVED });
      } finally {
        slow.closeAllConnections();
        await new Promise((resolve) => slow.close(resolve));
      }
    });
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
