import { db } from "@/lib/db/client";

/** Failures counted over this window, per account and per IP, so every app instance shares them. */
export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

export type LoginGate = { allowed: true } | { allowed: false; retryAfterMinutes: number };

export async function checkLoginAllowed(email: string, ipAddress: string, now = new Date()): Promise<LoginGate> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  const [byAccount, byIp] = await Promise.all([
    recentFailures({ email }, since),
    recentFailures({ ipAddress }, since),
  ]);
  const blocking = [
    byAccount.count >= MAX_FAILURES_PER_ACCOUNT ? byAccount.oldest : null,
    byIp.count >= MAX_FAILURES_PER_IP ? byIp.oldest : null,
  ].filter((d): d is Date => d !== null);
  if (blocking.length === 0) return { allowed: true };
  const freedAt = Math.max(...blocking.map((d) => d.getTime() + LOGIN_WINDOW_MINUTES * 60_000));
  return { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil((freedAt - now.getTime()) / 60_000)) };
}

async function recentFailures(where: { email: string } | { ipAddress: string }, since: Date) {
  const [count, oldest] = await Promise.all([
    db.loginAttempt.count({ where: { ...where, succeeded: false, createdAt: { gte: since } } }),
    db.loginAttempt.findFirst({
      where: { ...where, succeeded: false, createdAt: { gte: since } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
  ]);
  return { count, oldest: oldest?.createdAt ?? null };
}

export async function recordLoginAttempt(email: string, ipAddress: string, succeeded: boolean) {
  await db.loginAttempt.create({ data: { email, ipAddress, succeeded } });
}
