import { createHash, randomBytes } from "node:crypto";
import { db, type Prisma } from "@/lib/db/client";
import type { EmailTokenPurpose } from "@/lib/db/generated/prisma/enums";
import { appUrl } from "@/lib/env";

/**
 * Links mailed to a person: "verify your address" and "reset your password". Each carries a random token
 * of its own; only the token's SHA-256 is stored, so a copy of the table opens nothing. A link works once,
 * for its purpose only, until it expires; issuing a new one retires the older links of that purpose.
 */

export const EMAIL_LINK_TTL_MINUTES: Record<EmailTokenPurpose, number> = {
  VERIFY_EMAIL: 24 * 60,
  RESET_PASSWORD: 30,
};

const PATHS: Record<EmailTokenPurpose, string> = { VERIFY_EMAIL: "/verify-email", RESET_PASSWORD: "/reset-password" };

export function emailTokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

type Tx = Prisma.TransactionClient;

/** A new link for `user` sent to `email`; older unused links of the same purpose stop working at once. */
export async function issueEmailLink(
  user: { id: string; email: string },
  purpose: EmailTokenPurpose,
  options: { callbackUrl?: string; now?: Date } = {},
): Promise<string> {
  const now = options.now ?? new Date();
  const token = randomBytes(32).toString("base64url");
  await db.$transaction(async (tx) => {
    await tx.emailToken.deleteMany({ where: { userId: user.id, purpose, usedAt: null } });
    await tx.emailToken.create({
      data: {
        userId: user.id,
        purpose,
        email: user.email,
        tokenHash: emailTokenHash(token),
        expiresAt: new Date(now.getTime() + EMAIL_LINK_TTL_MINUTES[purpose] * 60_000),
      },
    });
  });
  const query = options.callbackUrl ? `?callbackUrl=${encodeURIComponent(options.callbackUrl)}` : "";
  return `${appUrl()}${PATHS[purpose]}/${token}${query}`;
}

export interface EmailLinkHolder {
  userId: string;
  /** The address the link was sent to. */
  email: string;
}

/** Whether the link would work now, without using it: for the page that asks the person to confirm. */
export async function peekEmailLink(token: string, purpose: EmailTokenPurpose, now = new Date()): Promise<EmailLinkHolder | null> {
  const row = await db.emailToken.findUnique({
    where: { tokenHash: emailTokenHash(token) },
    select: { userId: true, email: true, purpose: true, usedAt: true, expiresAt: true },
  });
  if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt <= now) return null;
  return { userId: row.userId, email: row.email };
}

/**
 * Uses the link: the first caller gets its holder, every later one (and a link of another purpose, an
 * expired or unknown one) gets null. The claim is one conditional update, so two clicks at once cannot
 * both pass. Inside `tx`, the claim stands or falls with the rest of the caller's change.
 */
export async function consumeEmailLink(tx: Tx, token: string, purpose: EmailTokenPurpose, now = new Date()): Promise<EmailLinkHolder | null> {
  const tokenHash = emailTokenHash(token);
  const claimed = await tx.emailToken.updateMany({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (claimed.count === 0) return null;
  const row = await tx.emailToken.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true, email: true } });
  return row;
}

/** The link proved the person reads `email`: the account is verified if that is still its address. */
export async function markEmailVerified(tx: Tx, holder: EmailLinkHolder, now = new Date()): Promise<boolean> {
  const { count } = await tx.user.updateMany({ where: { id: holder.userId, email: holder.email }, data: { emailVerified: now } });
  return count === 1;
}
