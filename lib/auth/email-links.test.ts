import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createUser } from "@/tests/helpers/factories";
import { consumeEmailLink, EMAIL_LINK_TTL_MINUTES, emailTokenHash, issueEmailLink, peekEmailLink } from "./email-links";

const tokenOf = (link: string) => new URL(link).pathname.split("/").at(-1)!;
const consume = (token: string, purpose: "VERIFY_EMAIL" | "RESET_PASSWORD", now?: Date) => db.$transaction((tx) => consumeEmailLink(tx, token, purpose, now));

describe("mailed links", () => {
  it("store only the SHA-256 of their token, with the address they were sent to", async () => {
    const user = await createUser();
    const link = await issueEmailLink(user, "RESET_PASSWORD");
    expect(link).toMatch(/^http:\/\/localhost:3000\/reset-password\/[A-Za-z0-9_-]{43}$/);
    const rows = await db.emailToken.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ purpose: "RESET_PASSWORD", email: user.email, tokenHash: emailTokenHash(tokenOf(link)), usedAt: null });
    expect(JSON.stringify(rows)).not.toContain(tokenOf(link));
  });

  it("work once", async () => {
    const user = await createUser();
    const token = tokenOf(await issueEmailLink(user, "VERIFY_EMAIL"));
    expect(await peekEmailLink(token, "VERIFY_EMAIL")).toEqual({ userId: user.id, email: user.email });
    expect(await consume(token, "VERIFY_EMAIL")).toEqual({ userId: user.id, email: user.email });
    expect(await consume(token, "VERIFY_EMAIL")).toBeNull();
    expect(await peekEmailLink(token, "VERIFY_EMAIL")).toBeNull();
  });

  it("are used by exactly one of two clicks at once", async () => {
    const user = await createUser();
    const token = tokenOf(await issueEmailLink(user, "RESET_PASSWORD"));
    const results = await Promise.all([consume(token, "RESET_PASSWORD"), consume(token, "RESET_PASSWORD")]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("expire: a reset link after 30 minutes, a verification link after 24 hours", async () => {
    expect(EMAIL_LINK_TTL_MINUTES).toEqual({ RESET_PASSWORD: 30, VERIFY_EMAIL: 24 * 60 });
    const user = await createUser();
    const issued = new Date();
    const reset = tokenOf(await issueEmailLink(user, "RESET_PASSWORD", { now: issued }));
    const verify = tokenOf(await issueEmailLink(user, "VERIFY_EMAIL", { now: issued }));
    const after = (minutes: number) => new Date(issued.getTime() + minutes * 60_000);
    expect(await peekEmailLink(reset, "RESET_PASSWORD", after(29))).not.toBeNull();
    expect(await consume(reset, "RESET_PASSWORD", after(30))).toBeNull();
    expect(await consume(verify, "VERIFY_EMAIL", after(24 * 60))).toBeNull();
    expect(await consume(verify, "VERIFY_EMAIL", after(24 * 60 - 1))).not.toBeNull();
  });

  it("refuse a link of another purpose, and an unknown token", async () => {
    const user = await createUser();
    const token = tokenOf(await issueEmailLink(user, "VERIFY_EMAIL"));
    expect(await peekEmailLink(token, "RESET_PASSWORD")).toBeNull();
    expect(await consume(token, "RESET_PASSWORD")).toBeNull();
    // Refused for the wrong purpose, it still works for its own.
    expect(await consume(token, "VERIFY_EMAIL")).not.toBeNull();
    expect(await consume("x".repeat(43), "VERIFY_EMAIL")).toBeNull();
  });

  it("stop working when a newer link of the same purpose is issued, and only then", async () => {
    const user = await createUser();
    const first = tokenOf(await issueEmailLink(user, "RESET_PASSWORD"));
    const verify = tokenOf(await issueEmailLink(user, "VERIFY_EMAIL"));
    const second = tokenOf(await issueEmailLink(user, "RESET_PASSWORD"));
    expect(await consume(first, "RESET_PASSWORD")).toBeNull();
    expect(await consume(second, "RESET_PASSWORD")).not.toBeNull();
    expect(await consume(verify, "VERIFY_EMAIL")).not.toBeNull();
  });
});
