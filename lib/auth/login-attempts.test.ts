import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { uniqueEmail } from "@/tests/helpers/factories";
import { ATTEMPT_LIMITS, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP, reserveAttempt, settleAttempt } from "./login-attempts";

const ip = () => `203.0.113.${randomUUID()}`;
const allowed = (results: Array<{ allowed: boolean }>) => results.filter((r) => r.allowed).length;
const parallel = <T>(n: number, run: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => run(i)));

describe("reserving attempts", () => {
  it("lets exactly the limit through when 50 attempts on one account arrive at once", async () => {
    const email = uniqueEmail();
    const results = await parallel(50, () => reserveAttempt("sign_in", { email, ipAddress: ip() }));
    expect(allowed(results)).toBe(MAX_FAILURES_PER_ACCOUNT);
    expect(await db.loginAttempt.count({ where: { email } })).toBe(MAX_FAILURES_PER_ACCOUNT);
  });

  it("lets exactly the limit through when one address tries 50 accounts at once", async () => {
    const address = ip();
    const results = await parallel(50, () => reserveAttempt("sign_in", { email: uniqueEmail(), ipAddress: address }));
    expect(allowed(results)).toBe(MAX_FAILURES_PER_IP);
  });

  it("counts an unsettled reservation as a failure, and frees the slot of one settled as a success", async () => {
    const email = uniqueEmail();
    const reservations = await parallel(MAX_FAILURES_PER_ACCOUNT, () => reserveAttempt("sign_in", { email, ipAddress: ip() }));
    const refused = await reserveAttempt("sign_in", { email, ipAddress: ip() });
    expect(refused).toMatchObject({ allowed: false });
    expect((refused as { retryAfterMinutes: number }).retryAfterMinutes).toBe(15);

    const first = reservations[0];
    if (!first.allowed) throw new Error("expected a reservation");
    await settleAttempt(first.attemptId, true);
    expect(await reserveAttempt("sign_in", { email, ipAddress: ip() })).toMatchObject({ allowed: true });
  });

  it("matches the account whatever the case of the email typed", async () => {
    const email = uniqueEmail();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await reserveAttempt("sign_in", { email: email.toUpperCase(), ipAddress: ip() });
    expect(await reserveAttempt("sign_in", { email, ipAddress: ip() })).toMatchObject({ allowed: false });
  });

  it("keeps each kind's count apart", async () => {
    const email = uniqueEmail();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await reserveAttempt("sign_in", { email, ipAddress: ip() });
    expect(await reserveAttempt("sign_in", { email, ipAddress: ip() })).toMatchObject({ allowed: false });
    expect(await reserveAttempt("change_password", { email, ipAddress: ip() })).toMatchObject({ allowed: true });
  });

  it("tells when the window frees: when the attempt that filled it ages out", async () => {
    const email = uniqueEmail();
    const now = new Date();
    const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
    await db.loginAttempt.createMany({
      data: [14, 10, 10, 3, 3, 1].map((m) => ({ kind: "sign_in", email, ipAddress: "x", succeeded: false, createdAt: minutesAgo(m) })),
    });
    // Six failures, limit five: the second oldest (10 minutes ago) must age out first, in 5 minutes.
    expect(await reserveAttempt("sign_in", { email, ipAddress: ip() }, now)).toEqual({ allowed: false, retryAfterMinutes: 5 });
    expect(await reserveAttempt("sign_in", { email, ipAddress: ip() }, new Date(now.getTime() + 5 * 60_000 + 1))).toMatchObject({ allowed: true });
  });

  it("counts every sign-up from an address, successes too: 10 per hour", async () => {
    const address = ip();
    const results = await parallel(15, () => reserveAttempt("sign_up", { email: uniqueEmail(), ipAddress: address }));
    expect(allowed(results)).toBe(ATTEMPT_LIMITS.sign_up.perIp);
    for (const result of results) if (result.allowed) await settleAttempt(result.attemptId, true);
    expect(await reserveAttempt("sign_up", { email: uniqueEmail(), ipAddress: address })).toEqual({ allowed: false, retryAfterMinutes: 60 });
  });

  it("limits forgotten-password requests to 3 per account and 10 per address an hour, successes too", async () => {
    const email = uniqueEmail();
    const forAccount = await parallel(6, () => reserveAttempt("password_reset", { email, ipAddress: ip() }));
    expect(allowed(forAccount)).toBe(3);
    for (const result of forAccount) if (result.allowed) await settleAttempt(result.attemptId, true);
    expect(await reserveAttempt("password_reset", { email, ipAddress: ip() })).toMatchObject({ allowed: false });

    const address = ip();
    const fromAddress = await parallel(15, () => reserveAttempt("password_reset", { email: uniqueEmail(), ipAddress: address }));
    expect(allowed(fromAddress)).toBe(10);
  });

  it("settles an attempt once: a later call does not rewrite how it ended", async () => {
    const reservation = await reserveAttempt("two_factor", { email: uniqueEmail(), ipAddress: ip() });
    if (!reservation.allowed) throw new Error("expected a reservation");
    await settleAttempt(reservation.attemptId, false);
    await settleAttempt(reservation.attemptId, true);
    expect(await db.loginAttempt.findUniqueOrThrow({ where: { id: reservation.attemptId } })).toMatchObject({ kind: "two_factor", succeeded: false });
  });
});
