import { db } from "@/lib/db/client";
import { consumeEmailLink, markEmailVerified } from "./email-links";

export type EmailVerification =
  | { ok: true; user: { id: string; email: string; name: string | null; twoFactorEnabled: boolean } }
  | { ok: false; reason: "invalid_link" | "address_changed" };

/**
 * Uses a verification link: the account is verified when its address is still the one the link was sent
 * to, and the caller may then sign the person in. The link is used up either way.
 */
export async function verifyEmailByLink(token: string): Promise<EmailVerification> {
  return db.$transaction(async (tx) => {
    const holder = await consumeEmailLink(tx, token, "VERIFY_EMAIL");
    if (!holder) return { ok: false, reason: "invalid_link" } as const;
    if (!(await markEmailVerified(tx, holder))) return { ok: false, reason: "address_changed" } as const;
    const user = await tx.user.findUniqueOrThrow({ where: { id: holder.userId }, select: { id: true, email: true, name: true, totpEnabledAt: true } });
    return { ok: true, user: { id: user.id, email: user.email, name: user.name, twoFactorEnabled: user.totpEnabledAt !== null } } as const;
  });
}

/** The person's address while it is not verified yet, for the banner that asks them to; null once it is. */
export async function unverifiedEmail(userId: string): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, emailVerified: true } });
  return user && !user.emailVerified ? user.email : null;
}
