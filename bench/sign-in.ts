import { performance } from "node:perf_hooks";
import { createScratchDatabase } from "./database";
import { Report } from "./report";
import { summarize } from "./stats";

/**
 * `npm run bench:sign-in`: what guarding sign-in costs, on a scratch database of its own.
 * The attempt reservation (advisory locks, count, insert) is measured beside the argon2id verification it
 * guards, a burst of guesses at one account beside a burst of people signing in at once, and the per-request
 * session lookup (SHA-256 of the cookie's token, one indexed read).
 */
const scratch = await createScratchDatabase("signin");
process.env.DATABASE_URL = scratch.url;
const { db } = await import("@/lib/db/client");
const { hashPassword } = await import("@/lib/auth/password");
const { authenticate } = await import("@/lib/auth/users");
const { reserveAttempt, settleAttempt } = await import("@/lib/auth/login-attempts");
const { createSession, findActiveSession } = await import("@/lib/auth/sessions");

const PASSWORD = "a benchmark password";
const passwordHash = await hashPassword(PASSWORD);
const people = (prefix: string, count: number) =>
  db.user.createManyAndReturn({
    data: Array.from({ length: count }, (_, i) => ({ email: `${prefix}-${i}@bench.test`, passwordHash, emailVerified: new Date() })),
    select: { id: true, email: true },
  });
const ms = (start: number) => performance.now() - start;
const time = async (run: () => Promise<unknown>) => {
  const start = performance.now();
  await run();
  return ms(start);
};

const report = new Report("sign-in");
try {
  const rows: Array<Record<string, string | number>> = [];
  const sequential = async (label: string, count: number, run: (i: number) => Promise<unknown>) => {
    const samples: number[] = [];
    for (let i = 0; i < count; i++) samples.push(await time(() => run(i)));
    const s = summarize(samples);
    rows.push({ what: label, n: s.n, "p50 ms": s.p50, "p95 ms": s.p95 });
  };

  const single = await people("single", 40);
  await sequential("sign-in, right password (reservation + argon2id)", single.length, (i) => authenticate(single[i].email, PASSWORD, `198.51.100.${i}`));
  await sequential("attempt reservation + settle alone", 200, async (i) => {
    const attempt = await reserveAttempt("sign_in", { email: `nobody-${i}@bench.test`, ipAddress: `203.0.113.${i % 250}` });
    if (attempt.allowed) await settleAttempt(attempt.attemptId, true);
  });
  const [owner] = await people("session", 1);
  const token = await createSession(owner.id);
  await sequential("session lookup per request", 500, () => findActiveSession(token));
  report.table("One at a time", rows);

  const [target] = await people("target", 1);
  const guesses = 50;
  let start = performance.now();
  const answers = await Promise.all(Array.from({ length: guesses }, (_, i) => authenticate(target.email, `wrong ${i}`, `192.0.2.${i}`)));
  const guessWall = ms(start);
  const verified = await db.loginAttempt.count({ where: { email: target.email, succeeded: false } });

  const crowd = await people("crowd", 200);
  start = performance.now();
  const signedIn = await Promise.all(crowd.map((p, i) => authenticate(p.email, PASSWORD, `10.${i >> 8}.${i & 255}.1`)));
  const crowdWall = ms(start);

  report.table("At once", [
    {
      what: `${guesses} wrong passwords at one account`,
      wall_ms: guessWall,
      "argon2 runs": verified,
      refused: answers.filter((a) => !a.ok && a.reason === "rate_limited").length,
    },
    {
      what: `${crowd.length} people signing in, one attempt each`,
      wall_ms: crowdWall,
      "argon2 runs": crowd.length,
      refused: signedIn.filter((a) => !a.ok).length,
    },
  ]);
  report.note(`${crowd.length} sign-ins at once: ${((crowd.length / crowdWall) * 1000).toFixed(1)} per second.`);
  report.save({ guesses, crowd: crowd.length });
} finally {
  await db.$disconnect();
  await scratch.drop();
}
