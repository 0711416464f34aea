import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { createUser, TEST_PASSWORD, uniqueEmail } from "@/tests/helpers/factories";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP } from "./login-attempts";
import * as password from "./password";
import { createSession, findActiveSession, sessionTokenHash } from "./sessions";
import { authenticate, changePassword } from "./users";

const ip = () => `198.51.100.${Math.floor(Math.random() * 250)}-${Math.random()}`;

afterEach(() => {
  vi.restoreAllMocks();
});

/** Counts argon2 verifications (the real ones still run): each is a password guess an attacker got checked. */
function countVerifications() {
  return vi.spyOn(password, "verifyPassword");
}

describe("sign-in", () => {
  it("accepts the right password", async () => {
    const user = await createUser();
    const result = await authenticate(user.email, TEST_PASSWORD, ip());
    expect(result).toMatchObject({ ok: true, user: { id: user.id } });
  });

  it("answers a wrong password and an unknown account the same way", async () => {
    const user = await createUser();
    const wrong = await authenticate(user.email, "not the password", ip());
    const unknown = await authenticate(uniqueEmail("nobody"), "whatever", ip());
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
  });

  it("pauses an account after repeated failures, from any address, even for the right password", async () => {
    const user = await createUser();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await authenticate(user.email, "wrong", ip());
    const blocked = await authenticate(user.email, TEST_PASSWORD, ip());
    expect(blocked).toMatchObject({ ok: false, reason: "rate_limited" });
    expect((blocked as { retryAfterMinutes: number }).retryAfterMinutes).toBeGreaterThanOrEqual(1);
  });

  it("pauses an address that tries many accounts", async () => {
    const address = ip();
    await db.loginAttempt.createMany({
      data: Array.from({ length: MAX_FAILURES_PER_IP }, () => ({ email: uniqueEmail(), ipAddress: address, succeeded: false })),
    });
    const user = await createUser();
    expect(await authenticate(user.email, TEST_PASSWORD, address)).toMatchObject({ reason: "rate_limited" });
    expect(await authenticate(user.email, TEST_PASSWORD, ip())).toMatchObject({ ok: true });
  });

  it("checks at most 5 of 50 wrong passwords sent to one account at the same moment", async () => {
    const user = await createUser();
    const verifications = countVerifications();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => authenticate(user.email, `guess ${i}`, ip())));
    expect(verifications.mock.calls.length).toBeLessThanOrEqual(MAX_FAILURES_PER_ACCOUNT);
    expect(results.filter((r) => !r.ok && r.reason === "rate_limited")).toHaveLength(50 - verifications.mock.calls.length);
    expect(await authenticate(user.email, TEST_PASSWORD, ip())).toMatchObject({ reason: "rate_limited" });
  });

  it("a successful sign-in does not count against the limit", async () => {
    const user = await createUser();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT + 2; i++) expect(await authenticate(user.email, TEST_PASSWORD, ip())).toMatchObject({ ok: true });
  });

  it("forgets failures older than the window", async () => {
    const user = await createUser();
    const old = new Date(Date.now() - 16 * 60_000);
    await db.loginAttempt.createMany({
      data: Array.from({ length: MAX_FAILURES_PER_ACCOUNT }, () => ({ email: user.email, ipAddress: "x", succeeded: false, createdAt: old })),
    });
    expect(await authenticate(user.email, TEST_PASSWORD, ip())).toMatchObject({ ok: true });
  });
});

describe("sessions", () => {
  it("a password change ends every other session and keeps the current one", async () => {
    const user = await createUser();
    const other = await createSession(user.id);
    const result = await changePassword(
      user.id,
      { currentPassword: TEST_PASSWORD, newPassword: "a brand new password" },
      { ipAddress: ip(), sessionToken: user.sessionToken },
    );
    expect(result).toEqual({ ok: true });
    expect(await findActiveSession(other)).toBeNull();
    expect(await findActiveSession(user.sessionToken)).not.toBeNull();
    expect(await authenticate(user.email, "a brand new password", ip())).toMatchObject({ ok: true });
  });

  it("a wrong current password changes nothing", async () => {
    const user = await createUser();
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await changePassword(user.id, { currentPassword: "nope", newPassword: "a brand new password" }, { ipAddress: ip() })).toEqual({
      ok: false,
      reason: "wrong_password",
    });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(await findActiveSession(user.sessionToken)).not.toBeNull();
  });

  it("the current-password check is limited like sign-in: at most 5 of 50 parallel guesses are checked, then even the right one waits", async () => {
    const user = await createUser();
    const verifications = countVerifications();
    const guess = (currentPassword: string) => changePassword(user.id, { currentPassword, newPassword: "a brand new password" }, { ipAddress: ip() });
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => guess(`guess ${i}`)));
    expect(verifications.mock.calls.length).toBeLessThanOrEqual(MAX_FAILURES_PER_ACCOUNT);
    expect(results.filter((r) => !r.ok && r.reason === "rate_limited").length).toBeGreaterThanOrEqual(50 - MAX_FAILURES_PER_ACCOUNT);
    const right = await guess(TEST_PASSWORD);
    expect(right).toMatchObject({ ok: false, reason: "rate_limited" });
    expect((right as { retryAfterMinutes: number }).retryAfterMinutes).toBeGreaterThanOrEqual(1);
    expect(await authenticate(user.email, "a brand new password", ip())).toEqual({ ok: false, reason: "invalid" });
  });

  it("the Session table never holds a raw session token, only its SHA-256", async () => {
    const user = await createUser();
    const token = await createSession(user.id, { ipAddress: "192.0.2.1", userAgent: "test agent", method: "password" });
    const rows = await db.$queryRawUnsafe<Array<Record<string, unknown>>>(`SELECT * FROM "Session" WHERE "userId" = $1`, user.id);
    expect(rows).toHaveLength(2);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(user.sessionToken);
    expect(rows.map((row) => row.tokenHash).sort()).toEqual([sessionTokenHash(token), sessionTokenHash(user.sessionToken)].sort());
  });

  it("an expired session is not active", async () => {
    const user = await createUser();
    await db.session.update({ where: { tokenHash: sessionTokenHash(user.sessionToken) }, data: { expires: new Date(Date.now() - 1000) } });
    expect(await findActiveSession(user.sessionToken)).toBeNull();
  });
});
