import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createUser, uniqueEmail } from "@/tests/helpers/factories";
import { decideMicrosoftSignIn, microsoftVouchesForEmail } from "./linking";
import { MICROSOFT_PROVIDER_ID } from "./provider";
import { startMicrosoftSession, hasSessionCookie } from "./session";
import { findActiveSession } from "../sessions";

const sub = () => randomUUID().replaceAll("-", "");
const decide = (identity: { email?: string | null; emailVouched: boolean; providerAccountId?: string }) =>
  decideMicrosoftSignIn(MICROSOFT_PROVIDER_ID, { providerAccountId: sub(), ...identity });

describe("which Microsoft sign-ins are let in", () => {
  it("creates a person only for an email Microsoft vouches for (xms_edov true)", async () => {
    expect(await decide({ email: uniqueEmail("new"), emailVouched: true })).toEqual({ ok: true });
    expect(await decide({ email: uniqueEmail("new"), emailVouched: false })).toEqual({ ok: false, reason: "email_not_vouched" });
    expect(await decide({ email: null, emailVouched: true })).toEqual({ ok: false, reason: "no_email" });
  });

  it("links an existing account only when both forge365 and Microsoft verified the email", async () => {
    const verified = await createUser("verified");
    const unverified = await createUser("unverified", { verified: false });
    expect(await decide({ email: verified.email, emailVouched: true })).toEqual({ ok: true });
    expect(await decide({ email: verified.email.toUpperCase(), emailVouched: true })).toEqual({ ok: true });
    expect(await decide({ email: verified.email, emailVouched: false })).toEqual({ ok: false, reason: "account_exists" });
    expect(await decide({ email: unverified.email, emailVouched: true })).toEqual({ ok: false, reason: "account_exists" });
  });

  it("lets an already linked Microsoft account in, whatever its email says now", async () => {
    const user = await createUser("linked", { verified: false });
    const providerAccountId = sub();
    await db.account.create({ data: { userId: user.id, type: "oidc", provider: MICROSOFT_PROVIDER_ID, providerAccountId } });
    expect(await decide({ providerAccountId, email: "changed@elsewhere.example", emailVouched: false })).toEqual({ ok: true });
  });

  it("reads xms_edov only as the boolean true Entra sends", () => {
    expect(microsoftVouchesForEmail({ xms_edov: true })).toBe(true);
    for (const value of [false, "true", 1, undefined]) expect(microsoftVouchesForEmail({ xms_edov: value })).toBe(false);
    expect(microsoftVouchesForEmail(undefined)).toBe(false);
  });
});

describe("the session of a Microsoft sign-in", () => {
  const request = new Headers({ "x-forwarded-for": "203.0.113.9", "user-agent": "Browser/1.0" });

  it("is a server-side session with method microsoft, and a new person's email is verified", async () => {
    const user = await db.user.create({ data: { email: uniqueEmail("ms"), name: "New" } });
    const token = await startMicrosoftSession(user.id, true, request);
    const row = await db.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(row).toMatchObject({ method: "microsoft", secondFactorPending: false, ipAddress: "203.0.113.9", userAgent: "Browser/1.0" });
    expect(await findActiveSession(token)).toMatchObject({ userId: user.id });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBeInstanceOf(Date);
  });

  it("still owes the second factor when the person has two-factor sign-in", async () => {
    const user = await createUser("twofactor");
    await db.user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date() } });
    const token = await startMicrosoftSession(user.id, false, request);
    expect(await findActiveSession(token)).toMatchObject({ secondFactorPending: true });
  });

  it("recognizes Auth.js's session cookie in every form", () => {
    expect(hasSessionCookie(["authjs.session-token"])).toBe(true);
    expect(hasSessionCookie(["__Secure-authjs.session-token.0"])).toBe(true);
    expect(hasSessionCookie(["authjs.csrf-token", "authjs.pkce.code_verifier"])).toBe(false);
  });
});
