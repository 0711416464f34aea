import { db, type Prisma } from "@/lib/db/client";

/** Test mails per mailbox: enough to retry after a fix, too few to look like a campaign. */
export const TEST_SENDS_PER_WINDOW = 5;
export const TEST_SEND_WINDOW_MINUTES = 10;

/** Minutes until this mailbox may be sent another test mail, or 0 when it may now. */
export async function minutesUntilNextTestSend(mailboxId: string, now = new Date()) {
  const since = new Date(now.getTime() - TEST_SEND_WINDOW_MINUTES * 60_000);
  const recent = await db.connectionTest.findMany({
    where: { mailboxId, dryRun: false, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    take: TEST_SENDS_PER_WINDOW,
    select: { createdAt: true },
  });
  if (recent.length < TEST_SENDS_PER_WINDOW) return 0;
  const oldest = recent[recent.length - 1].createdAt.getTime();
  return Math.max(1, Math.ceil((oldest + TEST_SEND_WINDOW_MINUTES * 60_000 - now.getTime()) / 60_000));
}

export function sendLimitMessage(minutes: number) {
  return `This mailbox was sent ${TEST_SENDS_PER_WINDOW} test mails in the last ${TEST_SEND_WINDOW_MINUTES} minutes. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or run a dry run (no mail sent).`;
}

/** Of these mailboxes, those that may not be sent another test mail now. */
export async function mailboxesAtSendLimit(tx: Prisma.TransactionClient, mailboxIds: string[], now = new Date()) {
  const since = new Date(now.getTime() - TEST_SEND_WINDOW_MINUTES * 60_000);
  const counts = await tx.connectionTest.groupBy({
    by: ["mailboxId"],
    where: { mailboxId: { in: mailboxIds }, dryRun: false, createdAt: { gte: since } },
    _count: { _all: true },
  });
  return new Set(counts.filter((c) => c._count._all >= TEST_SENDS_PER_WINDOW).map((c) => c.mailboxId));
}
