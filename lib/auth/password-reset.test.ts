import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { accountMailer } from "@/lib/mail/account-mails";
import { createUser, TEST_PASSWORD, uniqueEmail } from "@/tests/helpers/factories";
import { useSmtpInbox } from "@/tests/helpers/mail";
import { ATTEMPT_LIMITS } from "./login-attempts";
import { requestPasswordReset, resetPassword } from "./password-reset";
import { createSession, findActiveSession } from "./sessions";
import { authenticate } from "./users";

const smtp = useSmtpInbox();

const ip = () => `192.0.2.${Math.floor(Math.random() * 250)}-${Math.random()}`;
const tokenOf = (link: string) => new URL(link).pathname.split("/").at(-1)!;

describe("password reset", () => {
  it("answers the same for an unknown address, and mails nothing", async () => {
    const user = await createUser();
    const unknown = uniqueEmail("nobody");
    expect(await requestPasswordReset(unknown, { ipAddress: ip() }, accountMailer)).toEqual(
      await requestPasswordReset(user.email, { ipAddress: ip() }, accountMailer),
    );
    await smtp.inbox().linkSentTo(user.email, "/reset-password/");
    expect(smtp.inbox().messages.filter((m) => m.to.includes(unknown))).toEqual([]);
  });

  it("sets the new password once, ends every session of the account, and verifies the address", async () => {
    const user = await createUser("reset", { verified: false });
    const other = await createSession(user.id);
    await requestPasswordReset(user.email, { ipAddress: ip() }, accountMailer);
    const token = tokenOf(await smtp.inbox().linkSentTo(user.email, "/reset-password/"));

    expect(await resetPassword(token, "a brand new password")).toEqual({ ok: true });
    expect(await findActiveSession(user.sessionToken)).toBeNull();
    expect(await findActiveSession(other)).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBeInstanceOf(Date);
    expect(await authenticate(user.email, "a brand new password", ip())).toMatchObject({ ok: true });
    expect(await authenticate(user.email, TEST_PASSWORD, ip())).toMatchObject({ ok: false });

    expect(await resetPassword(token, "yet another new password")).toEqual({ ok: false, reason: "invalid_link" });
    expect(await authenticate(user.email, "a brand new password", ip())).toMatchObject({ ok: true });
  });

  it("retires the older link when a new one is asked for", async () => {
    const user = await createUser();
    await requestPasswordReset(user.email, { ipAddress: ip() }, accountMailer);
    const first = tokenOf(await smtp.inbox().linkSentTo(user.email, "/reset-password/"));
    await requestPasswordReset(user.email, { ipAddress: ip() }, accountMailer);
    await vi.waitFor(() => expect(smtp.inbox().messages.filter((m) => m.to.includes(user.email))).toHaveLength(2));
    const second = tokenOf(await smtp.inbox().linkSentTo(user.email, "/reset-password/"));
    expect(await resetPassword(first, "a brand new password")).toEqual({ ok: false, reason: "invalid_link" });
    expect(await resetPassword(second, "a brand new password")).toEqual({ ok: true });
  });

  it("is limited per address, whether or not it has an account", async () => {
    for (const email of [(await createUser()).email, uniqueEmail("nobody")]) {
      for (let i = 0; i < ATTEMPT_LIMITS.password_reset.perAccount!; i++) await requestPasswordReset(email, { ipAddress: ip() }, accountMailer);
      expect(await requestPasswordReset(email, { ipAddress: ip() }, accountMailer)).toMatchObject({ ok: false, reason: "rate_limited" });
    }
  });
});
