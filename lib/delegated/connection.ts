import type { Actor } from "@/lib/workspaces/actor";
import { type AuditAction, recordActorEvent } from "@/lib/audit/record";
import { seal } from "@/lib/crypto";
import { db, type Prisma } from "@/lib/db/client";
import { UserFacingError } from "@/lib/errors";
import { refreshTokenContext } from "./sealed";

interface MailboxRef {
  id: string;
  workspaceId: string;
}

function audit(tx: Prisma.TransactionClient, actor: Actor, action: AuditAction, mailbox: { id: string; address: string }, metadata: Prisma.InputJsonObject) {
  return recordActorEvent(tx, actor, {
    action,
    target: { type: "Mailbox", id: mailbox.id, label: mailbox.address },
    metadata,
  });
}

/**
 * Stores the mailbox's sign-in, sealed to its row, replacing any earlier one. The mailbox is untested
 * again: a new sign-in has proved who signed in, not yet that it can send.
 */
export async function saveConnection(actor: Actor, mailbox: MailboxRef & { address: string }, signIn: { refreshToken: string; connectedAs: string }) {
  await db.$transaction(async (tx) => {
    const before = await tx.mailbox.findUniqueOrThrow({ where: { id: mailbox.id }, select: { connectedAt: true } });
    await tx.mailbox.update({
      where: { id: mailbox.id },
      data: {
        refreshTokenSealed: seal(signIn.refreshToken, refreshTokenContext(mailbox)),
        connectedAs: signIn.connectedAs,
        connectedAt: new Date(),
        reconnectReason: null,
        status: "UNTESTED",
      },
    });
    await audit(tx, actor, "mailbox.connected", mailbox, { connectedAs: signIn.connectedAs, reconnected: before.connectedAt !== null });
  });
}

/** Forgets the stored sign-in. Microsoft keeps the consent; the mailbox owner withdraws it at myapps.microsoft.com. */
export async function disconnectMailbox(actor: Actor, mailboxId: string) {
  await db.$transaction(async (tx) => {
    const mailbox = await tx.mailbox.findFirst({
      where: { id: mailboxId, workspaceId: actor.workspaceId },
      select: { id: true, address: true, connectedAs: true, refreshTokenSealed: true },
    });
    if (!mailbox) throw new UserFacingError("This mailbox is no longer in this workspace.");
    if (!mailbox.refreshTokenSealed) throw new UserFacingError("This mailbox is not connected.");
    await tx.mailbox.update({
      where: { id: mailbox.id },
      data: { refreshTokenSealed: null, connectedAs: null, connectedAt: null, reconnectReason: null, status: "UNTESTED" },
    });
    await audit(tx, actor, "mailbox.disconnected", mailbox, { connectedAs: mailbox.connectedAs });
  });
}

/**
 * Microsoft issues a new refresh token with each refresh and may retire the one just used, so the new one
 * is stored before anything else happens. Written only over the value that was read, so a sign-in saved
 * meanwhile (a reconnect) is never overwritten.
 */
export async function storeRotatedRefreshToken(mailbox: MailboxRef, previousSealed: string, next: string) {
  await db.mailbox.updateMany({
    where: { id: mailbox.id, refreshTokenSealed: previousSealed },
    data: { refreshTokenSealed: seal(next, refreshTokenContext(mailbox)) },
  });
}
