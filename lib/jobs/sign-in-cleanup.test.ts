import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { createUser, uniqueEmail } from "@/tests/helpers/factories";
import { deleteStaleSignInRecords } from "./sign-in-cleanup";
import { QUEUES, type RunningWorker, startWorker } from "./worker";

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
// The clock of these tests is a year back, so only the rows made here are old enough to go, and rows
// of tests running beside them in the same database are left alone.
const now = new Date(Date.now() - 365 * DAY);
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);

async function staleAndLiveRecords() {
  const user = await createUser();
  const session = (id: string, data: { expires: Date; lastSeenAt: Date }) =>
    db.session.create({ data: { tokenHash: `${id}-${randomUUID()}`, userId: user.id, ...data } });
  const idle = env().SESSION_IDLE_DAYS * DAY;
  const sessions = {
    expired: await session("expired", { expires: at(-1000), lastSeenAt: at(-HOUR) }),
    idle: await session("idle", { expires: at(10 * DAY), lastSeenAt: at(-idle - 1000) }),
    live: await session("live", { expires: at(10 * DAY), lastSeenAt: at(-DAY) }),
  };
  const email = uniqueEmail();
  const attempt = (createdAt: Date) => db.loginAttempt.create({ data: { email, ipAddress: "192.0.2.9", succeeded: false, createdAt } });
  const attempts = { old: await attempt(at(-DAY - HOUR)), recent: await attempt(at(-DAY + HOUR)) };
  const link = (data: { expiresAt: Date; usedAt?: Date }) =>
    db.emailToken.create({ data: { userId: user.id, purpose: "RESET_PASSWORD", email: user.email, tokenHash: randomUUID(), ...data } });
  const links = {
    used: await link({ expiresAt: at(HOUR), usedAt: at(-HOUR) }),
    expired: await link({ expiresAt: at(-1000) }),
    live: await link({ expiresAt: at(HOUR) }),
  };
  return { sessions, attempts, links };
}

async function remaining({ sessions, attempts, links }: Awaited<ReturnType<typeof staleAndLiveRecords>>) {
  const ids = (rows: Array<{ id: string }>) => rows.map((row) => row.id).sort();
  return {
    sessions: ids(await db.session.findMany({ where: { id: { in: Object.values(sessions).map((s) => s.id) } } })),
    attempts: ids(await db.loginAttempt.findMany({ where: { id: { in: Object.values(attempts).map((a) => a.id) } } })),
    links: ids(await db.emailToken.findMany({ where: { id: { in: Object.values(links).map((l) => l.id) } } })),
  };
}

const running: RunningWorker[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((w) => w.stop()));
});

describe("sign-in cleanup", () => {
  it("deletes expired and idle sessions, day-old login attempts, used and expired email links, and keeps the rest", async () => {
    const records = await staleAndLiveRecords();
    const deleted = await deleteStaleSignInRecords(now);
    expect(deleted).toEqual({ sessions: 2, loginAttempts: 1, emailTokens: 2 });
    expect(await remaining(records)).toEqual({
      sessions: [records.sessions.live.id],
      attempts: [records.attempts.recent.id],
      links: [records.links.live.id],
    });
  });

  it("runs as a scheduled job of the worker", async () => {
    const records = await staleAndLiveRecords();
    const worker = await startWorker({ schema: `pgboss_t${randomUUID().slice(0, 8)}`, workspaceIds: [], now: () => now, pollingIntervalSeconds: 0.5 });
    running.push(worker);
    expect((await worker.boss.getSchedules()).map((s) => s.name)).toContain(QUEUES.signInCleanup);

    await worker.boss.send(QUEUES.signInCleanup, {});
    const giveUp = Date.now() + 20_000;
    while ((await remaining(records)).sessions.length > 1 && Date.now() < giveUp) await new Promise((r) => setTimeout(r, 200));
    expect(await remaining(records)).toEqual({
      sessions: [records.sessions.live.id],
      attempts: [records.attempts.recent.id],
      links: [records.links.live.id],
    });
  });
});
