import { db } from "@/lib/db/client";

export type AttemptKind = "sign_in" | "change_password" | "two_factor" | "sign_up" | "verify_email" | "password_reset";

interface AttemptLimit {
  windowMinutes: number;
  /** Attempts allowed per account (the email typed) in the window; null: not limited per account. */
  perAccount: number | null;
  perIp: number;
  /** "failures": a settled success is free (a guess that fails is what is limited); "all": every attempt counts. */
  counts: "failures" | "all";
}

export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

const PASSWORD_GUESSES: AttemptLimit = {
  windowMinutes: LOGIN_WINDOW_MINUTES,
  perAccount: MAX_FAILURES_PER_ACCOUNT,
  perIp: MAX_FAILURES_PER_IP,
  counts: "failures",
};

export const ATTEMPT_LIMITS: Record<AttemptKind, AttemptLimit> = {
  sign_in: PASSWORD_GUESSES,
  change_password: PASSWORD_GUESSES,
  two_factor: PASSWORD_GUESSES,
  sign_up: { windowMinutes: 60, perAccount: null, perIp: 10, counts: "all" },
  /** "Send the link again": a mailbox is not flooded, whichever addresses ask. */
  verify_email: { windowMinutes: 60, perAccount: 3, perIp: 10, counts: "all" },
  password_reset: { windowMinutes: 60, perAccount: 3, perIp: 10, counts: "all" },
};

export type AttemptReservation = { allowed: true; attemptId: string } | { allowed: false; retryAfterMinutes: number };

type Key = { column: "email" | "ipAddress"; value: string; max: number };

/**
 * Reserves one attempt of `kind` for this account (email) and IP, atomically; refused when over the limit.
 *
 * The reservation is a row written before the password is even checked (succeeded = null counts as a
 * failure until settled), and the count and the write happen under transaction-scoped advisory locks
 * on the account and the IP, so parallel guesses from any number of app instances queue here one at a
 * time instead of all reading "4 failures so far" at once.
 */
export async function reserveAttempt(
  kind: AttemptKind,
  who: { email: string; ipAddress: string },
  now = new Date(),
): Promise<AttemptReservation> {
  const limit = ATTEMPT_LIMITS[kind];
  const email = who.email.trim().toLowerCase();
  const keys: Key[] = [{ column: "ipAddress", value: who.ipAddress, max: limit.perIp }];
  if (limit.perAccount !== null) keys.push({ column: "email", value: email, max: limit.perAccount });
  const since = new Date(now.getTime() - limit.windowMinutes * 60_000);

  return db.$transaction(
    async (tx) => {
      // A fixed order (sorted lock names) so two reservations never wait on each other's second lock.
      const lockNames = keys.map((key) => `login-attempt:${kind}:${key.column}:${key.value}`).sort();
      for (const name of lockNames) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${name}, 0))`;

      const freedAt: number[] = [];
      for (const key of keys) {
        // The max-th newest counted attempt in the window: while it exists the key is at its limit,
        // and the key frees when that one ages out of the window.
        const blocking = await tx.loginAttempt.findFirst({
          where: {
            kind,
            [key.column]: key.value,
            createdAt: { gte: since },
            ...(limit.counts === "failures" ? { OR: [{ succeeded: null }, { succeeded: false }] } : {}),
          },
          orderBy: { createdAt: "desc" },
          skip: key.max - 1,
          select: { createdAt: true },
        });
        if (blocking) freedAt.push(blocking.createdAt.getTime() + limit.windowMinutes * 60_000);
      }
      if (freedAt.length > 0) {
        return { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil((Math.max(...freedAt) - now.getTime()) / 60_000)) };
      }
      const attempt = await tx.loginAttempt.create({
        data: { kind, email, ipAddress: who.ipAddress, succeeded: null, createdAt: now },
        select: { id: true },
      });
      return { allowed: true, attemptId: attempt.id };
    },
    // Many parallel guesses queue on the locks; each holds them only for two short queries.
    { maxWait: 10_000, timeout: 10_000 },
  );
}

/** Records how the reserved attempt ended; a success is not counted against the limit. */
export async function settleAttempt(attemptId: string, succeeded: boolean): Promise<void> {
  await db.loginAttempt.updateMany({ where: { id: attemptId, succeeded: null }, data: { succeeded } });
}
