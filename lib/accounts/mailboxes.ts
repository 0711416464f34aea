import { recordActorEvent } from "@/lib/audit/record";
import { db, type Prisma } from "@/lib/db/client";
import { containsText } from "@/lib/db/contains";
import type { MailboxStatus } from "@/lib/db/generated/prisma/enums";
import { pageCount, pageWindow } from "@/lib/db/pages";
import type { MailboxEntry } from "./mailbox-list";
import { UserFacingError } from "@/lib/errors";
import type { Actor } from "@/lib/workspaces/actor";

/** Refuses addresses the workspace already has, naming the line and the account that holds each. */
export async function assertAddressesFree(tx: Prisma.TransactionClient, workspaceId: string, entries: MailboxEntry[]) {
  if (entries.length === 0) return;
  const taken = await tx.mailbox.findMany({
    where: { workspaceId, address: { in: entries.map((e) => e.address) } },
    select: { address: true, appRegistration: { select: { label: true } } },
  });
  if (taken.length === 0) return;
  const holder = new Map(taken.map((t) => [t.address, t.appRegistration.label]));
  const problems = entries
    .filter((e) => holder.has(e.address))
    .map((e) => `Line ${e.line}: ${e.address} is already in this workspace (account "${holder.get(e.address)}").`);
  throw new UserFacingError(problems.join(" "), "mailboxes");
}

export async function addMailboxes(actor: Actor, accountId: string, entries: MailboxEntry[]) {
  return db.$transaction(async (tx) => {
    const account = await tx.appRegistration.findFirst({ where: { id: accountId, workspaceId: actor.workspaceId }, select: { id: true, label: true } });
    if (!account) throw new UserFacingError("This account no longer exists in this workspace.");
    await assertAddressesFree(tx, actor.workspaceId, entries);
    await tx.mailbox.createMany({
      data: entries.map((e) => ({ workspaceId: actor.workspaceId, appRegistrationId: account.id, address: e.address })),
    });
    await recordActorEvent(tx, actor, {
      action: "mailbox.added",
      target: { type: "AppRegistration", id: account.id, label: account.label },
      metadata: { addresses: entries.map((e) => e.address).slice(0, 50), count: entries.length },
    });
    return { added: entries.length };
  });
}

export async function removeMailbox(actor: Actor, mailboxId: string) {
  await db.$transaction(async (tx) => {
    const mailbox = await tx.mailbox.findFirst({
      where: { id: mailboxId, workspaceId: actor.workspaceId },
      select: { id: true, address: true, appRegistrationId: true },
    });
    if (!mailbox) throw new UserFacingError("This mailbox is no longer in this workspace.");
    await tx.mailbox.delete({ where: { id: mailbox.id } });
    await recordActorEvent(tx, actor, {
      action: "mailbox.removed",
      target: { type: "Mailbox", id: mailbox.id, label: mailbox.address },
      metadata: { appRegistrationId: mailbox.appRegistrationId },
    });
  });
}

export const MAILBOX_PAGE_SIZE = 50;

export interface MailboxQuery {
  search?: string;
  status?: MailboxStatus;
  accountId?: string;
  page?: number;
}

/** One page of a workspace's mailboxes; the count is a second, indexed query, never a full load. */
export async function listMailboxes(workspaceId: string, query: MailboxQuery = {}) {
  const where: Prisma.MailboxWhereInput = {
    workspaceId,
    ...(query.status ? { status: query.status } : {}),
    ...(query.accountId ? { appRegistrationId: query.accountId } : {}),
    ...(query.search ? { address: containsText(query.search.toLowerCase()) } : {}),
  };
  const range = pageWindow(query.page, MAILBOX_PAGE_SIZE);
  const [total, rows] = await Promise.all([
    db.mailbox.count({ where }),
    db.mailbox.findMany({
      where,
      orderBy: { address: "asc" },
      skip: range.skip,
      take: range.take,
      select: {
        id: true,
        address: true,
        status: true,
        lastTestedAt: true,
        connectedAt: true,
        appRegistration: { select: { id: true, label: true } },
      },
    }),
  ]);
  return { total, page: range.page, pageCount: pageCount(total, MAILBOX_PAGE_SIZE), rows };
}

export function countMailboxes(workspaceId: string) {
  return db.mailbox.count({ where: { workspaceId } });
}
