import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { accountMailer } from "@/lib/mail/account-mails";
import { createUser, uniqueEmail } from "@/tests/helpers/factories";
import { useSmtpInbox } from "@/tests/helpers/mail";
import { ATTEMPT_LIMITS } from "./login-attempts";
import * as password from "./password";
import { resendVerification, signUp } from "./sign-up";
import { verifyEmailByLink } from "./verify-email";

const smtp = useSmtpInbox();
afterEach(() => vi.restoreAllMocks());

const ip = () => `203.0.113.${Math.floor(Math.random() * 250)}-${Math.random()}`;
const tokenOf = (link: string) => new URL(link).pathname.split("/").at(-1)!;
const mailsTo = (email: string) => smtp.inbox().messages.filter((m) => m.to.includes(email));

describe("sign-up", () => {
  it("creates an unverified account with an argon2id hash and mails a link that verifies it", async () => {
    const email = uniqueEmail();
    expect(await signUp({ name: "Ada", email, password: "a long enough password" }, { ipAddress: ip() }, accountMailer)).toEqual({ ok: true });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.emailVerified).toBeNull();

    const link = await smtp.inbox().linkSentTo(email, "/verify-email/");
    expect(mailsTo(email)[0].source).toMatch(/^Subject: Verify your email address for forge365/m);
    const verified = await verifyEmailByLink(tokenOf(link));
    expect(verified).toEqual({ ok: true, user: { id: user.id, email, name: "Ada", twoFactorEnabled: false } });
    expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerified).toBeInstanceOf(Date);
    expect(await verifyEmailByLink(tokenOf(link))).toEqual({ ok: false, reason: "invalid_link" });
  });

  it("answers a registered address exactly as a new one, changes nothing, and mails the owner sign-in and reset links", async () => {
    const existing = await createUser();
    const before = await db.user.findUniqueOrThrow({ where: { id: existing.id } });
    const hashes = vi.spyOn(password, "hashPassword");
    const fresh = await signUp({ name: "New", email: uniqueEmail(), password: "a long enough password" }, { ipAddress: ip() }, accountMailer);
    const taken = await signUp({ name: "Eve", email: existing.email, password: "another long password" }, { ipAddress: ip() }, accountMailer);
    expect(taken).toEqual(fresh);
    // Both answers spent an argon2 hash, so neither comes back noticeably sooner.
    expect(hashes).toHaveBeenCalledTimes(2);

    expect(await db.user.findUniqueOrThrow({ where: { id: existing.id } })).toEqual(before);
    expect(await db.emailToken.count({ where: { userId: existing.id } })).toBe(0);
    const [mail] = mailsTo(existing.email);
    expect(mail.source).toMatch(/^Subject: You already have a forge365 account/m);
    expect(mail.source).toContain("http://localhost:3000/sign-in");
    expect(mail.source).toContain("http://localhost:3000/forgot-password");
    expect(mail.source).not.toMatch(/verify-email|reset-password\//);
  });

  it("is limited per IP address, and a refused sign-up creates nothing", async () => {
    const address = ip();
    const limit = ATTEMPT_LIMITS.sign_up.perIp;
    for (let i = 0; i < limit; i++) await signUp({ name: "Bot", email: uniqueEmail("bot"), password: "a long enough password" }, { ipAddress: address }, accountMailer);
    const email = uniqueEmail("refused");
    const refused = await signUp({ name: "Bot", email, password: "a long enough password" }, { ipAddress: address }, accountMailer);
    expect(refused).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect(mailsTo(email)).toEqual([]);
  });

  it("does not verify an account whose address changed since the link was sent", async () => {
    const email = uniqueEmail();
    await signUp({ name: "Ada", email, password: "a long enough password" }, { ipAddress: ip() }, accountMailer);
    const link = await smtp.inbox().linkSentTo(email, "/verify-email/");
    const moved = uniqueEmail("moved");
    await db.user.update({ where: { email }, data: { email: moved } });
    expect(await verifyEmailByLink(tokenOf(link))).toEqual({ ok: false, reason: "address_changed" });
    expect((await db.user.findUniqueOrThrow({ where: { email: moved } })).emailVerified).toBeNull();
  });

  it("sends the link again to an unverified person, and the older link stops working", async () => {
    const email = uniqueEmail();
    await signUp({ name: "Ada", email, password: "a long enough password" }, { ipAddress: ip() }, accountMailer);
    const first = await smtp.inbox().linkSentTo(email, "/verify-email/");
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(await resendVerification(user, { ipAddress: ip() }, accountMailer)).toEqual({ ok: true, email });
    await vi.waitFor(() => expect(mailsTo(email)).toHaveLength(2));
    const second = await smtp.inbox().linkSentTo(email, "/verify-email/");
    expect(second).not.toBe(first);
    expect(await verifyEmailByLink(tokenOf(first))).toEqual({ ok: false, reason: "invalid_link" });
    expect(await verifyEmailByLink(tokenOf(second))).toMatchObject({ ok: true });
    expect(await resendVerification(user, { ipAddress: ip() }, accountMailer)).toEqual({ ok: false, reason: "already_verified" });
  });

  it("sends the link again at most as often as the verify_email limit allows per address, whatever the IP", async () => {
    const email = uniqueEmail();
    await signUp({ name: "Ada", email, password: "a long enough password" }, { ipAddress: ip() }, accountMailer);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const limit = ATTEMPT_LIMITS.verify_email.perAccount!;
    for (let sent = 0; sent < limit; sent++) expect(await resendVerification(user, { ipAddress: ip() }, accountMailer)).toMatchObject({ ok: true });
    expect(await resendVerification(user, { ipAddress: ip() }, accountMailer)).toMatchObject({ ok: false, reason: "rate_limited" });
  });
});
