import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { db, type Prisma } from "@/lib/db/client";

export const RECOVERY_CODE_COUNT = 10;
/** Crockford's base32 alphabet (no i, l, o, u): 32 symbols, so one random byte masked to 5 bits picks one uniformly. */
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
/** 12 symbols of 5 bits: 60 random bits per code, shown as three groups of four. */
const LENGTH = 12;

/** A fresh set of codes, in the form they are shown: "k7q2-9xzd-m4ta". */
export function generateRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const symbols = [...randomBytes(LENGTH)].map((byte) => ALPHABET[byte & 31]).join("");
    return symbols.match(/.{4}/g)!.join("-");
  });
}

/** What a person may type: any case, with or without the dashes and spaces. */
function normalize(code: string) {
  return code.toLowerCase().replace(/[\s-]/g, "");
}

/**
 * Only `<salt>$<hash>` is stored: SHA-256 of a random 32-bit salt and the code. A fast hash on purpose:
 * a slow hash protects guessable secrets, and these are 60 bits from the CSPRNG; the salt is what
 * ASVS 4.0 2.6.2 asks of look-up secrets under 112 bits, so one precomputed table cannot serve every row.
 */
export function recoveryCodeHash(code: string, salt = randomBytes(4).toString("hex")): string {
  return `${salt}$${createHash("sha256").update(`${salt}:${normalize(code)}`, "utf8").digest("hex")}`;
}

function matches(stored: string, code: string) {
  const salt = stored.split("$")[0];
  const candidate = Buffer.from(recoveryCodeHash(code, salt));
  const expected = Buffer.from(stored);
  return candidate.length === expected.length && timingSafeEqual(candidate, expected);
}

/** Replaces every code of the person with a fresh set, inside the caller's transaction; returns them to show once. */
export async function replaceRecoveryCodes(tx: Prisma.TransactionClient, userId: string): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: recoveryCodeHash(code) })) });
  return codes;
}

/**
 * Spends a code: the update that marks it used is also the check, so of two requests racing with the
 * same code exactly one gets it. Null when the code is not one of the person's unused codes.
 */
export async function useRecoveryCode(userId: string, code: string, now = new Date()): Promise<{ remaining: number } | null> {
  const unused = await db.recoveryCode.findMany({ where: { userId, usedAt: null }, select: { id: true, codeHash: true } });
  const match = unused.find((row) => matches(row.codeHash, code));
  if (!match) return null;
  const { count } = await db.recoveryCode.updateMany({ where: { id: match.id, usedAt: null }, data: { usedAt: now } });
  if (count === 0) return null;
  return { remaining: await unusedRecoveryCodes(userId) };
}

export function unusedRecoveryCodes(userId: string) {
  return db.recoveryCode.count({ where: { userId, usedAt: null } });
}
