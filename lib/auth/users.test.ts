import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createUser, TEST_PASSWORD, uniqueEmail } from "@/tests/helpers/factories";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP } from "./login-attempts";
import { createSession, findActiveSession, sessionTokenHash } from "./sessions";
import { authenticate, changePassword, signUp } from "./users";

const ip = () => `198.51.100.${Math.floor(Math.random() * 250)}-${Math.random()}`;

describe("sign-up", () => {
  it("stores an argon2id hash, never the password", async () => {
    const email = uniqueEmail();
    const result = await signUp({ name: "Ada", email, password: "a long enough password" });
    expect(result.ok).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain("a long enough password");
  });

  it("refuses a second account for the same email and writes nothing", async () => {
    const email = uniqueEmail();
    await signUp({ name: "Ada", email, password: "a long enough password" });
    const again = await signUp({ name: "Eve", email, password: "another long password" });
    expect(again).toEqual({ ok: false, reason: "email_taken" });
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});

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
    const result = await changePassword(user.id, { currentPassword: TEST_PASSWORD, newPassword: "a brand new password" }, user.sessionToken);
    expect(result).toEqual({ ok: true });
    expect(await findActiveSession(other)).toBeNull();
    expect(await findActiveSession(user.sessionToken)).not.toBeNull();
    expect(await authenticate(user.email, "a brand new password", ip())).toMatchObject({ ok: true });
  });

  it("a wrong current password changes nothing", async () => {
    const user = await createUser();
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await changePassword(user.id, { currentPassword: "nope", newPassword: "a brand new password" })).toEqual({ ok: false, reason: "wrong_password" });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(await findActiveSession(user.sessionToken)).not.toBeNull();
  });

  it("an expired session is not active", async () => {
    const user = await createUser();
    await db.session.update({ where: { tokenHash: sessionTokenHash(user.sessionToken) }, data: { expires: new Date(Date.now() - 1000) } });
    expect(await findActiveSession(user.sessionToken)).toBeNull();
  });
});
