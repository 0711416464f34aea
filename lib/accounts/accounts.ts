import { recordActorEvent } from "@/lib/audit/record";
import type { Actor } from "@/lib/workspaces/actor";
import { db, type Prisma } from "@/lib/db/client";
import type { Cloud, PermissionMode } from "@/lib/db/generated/prisma/enums";
import { pageCount, pageWindow } from "@/lib/db/pages";
import type { MailboxEntry } from "./mailbox-list";
import { UserFacingError } from "@/lib/errors";
import { sealClientSecret } from "./client-secret";
import { newRecordId } from "./ids";
import { assertAddressesFree } from "./mailboxes";
import { verifyNewSecret } from "./verify-secret";

/** Everything about an account that may leave the server: no sealed value, only its hint. */
export const publicAccountFields = {
  id: true,
  label: true,
  cloud: true,
  tenant: true,
  clientId: true,
  permissionMode: true,
  clientSecretHint: true,
  secretExpiresOn: true,
  secretReplacedAt: true,
  createdAt: true,
} satisfies Prisma.AppRegistrationSelect;

export async function createAccount(
  actor: Actor,
  input: {
    label: string;
    cloud: Cloud;
    /** Defaults to APPLICATION, the schema's default. */
    permissionMode?: PermissionMode;
    tenant: string;
    clientId: string;
    clientSecret: string;
    secretExpiresOn: Date;
    mailboxes: MailboxEntry[];
  },
) {
  const id = newRecordId();
  return db.$transaction(async (tx) => {
    await assertAddressesFree(tx, actor.workspaceId, input.mailboxes);
    await tx.appRegistration.create({
      data: {
        id,
        workspaceId: actor.workspaceId,
        label: input.label,
        cloud: input.cloud,
        permissionMode: input.permissionMode,
        tenant: input.tenant,
        clientId: input.clientId,
        secretExpiresOn: input.secretExpiresOn,
        createdById: actor.userId,
        ...sealClientSecret(actor.workspaceId, id, input.clientSecret),
        mailboxes: {
          createMany: { data: input.mailboxes.map((m) => ({ workspaceId: actor.workspaceId, address: m.address })) },
        },
      },
    });
    await recordActorEvent(tx, actor, {
      action: "account.added",
      target: { type: "AppRegistration", id, label: input.label },
      metadata: {
        tenant: input.tenant,
        clientId: input.clientId,
        cloud: input.cloud,
        permissionMode: input.permissionMode ?? "APPLICATION",
        mailboxes: input.mailboxes.length,
        secretExpiresOn: input.secretExpiresOn.toISOString().slice(0, 10),
      },
    });
    return { id };
  });
}

/** Loads an account of this workspace, or refuses as if it did not exist. */
export async function findAccount(workspaceId: string, accountId: string) {
  const account = await db.appRegistration.findFirst({
    where: { id: accountId, workspaceId },
    select: { ...publicAccountFields, _count: { select: { mailboxes: true } } },
  });
  return account;
}

async function lockAccount(tx: Prisma.TransactionClient, workspaceId: string, accountId: string) {
  const account = await tx.appRegistration.findFirst({ where: { id: accountId, workspaceId }, select: { id: true, label: true, secretExpiresOn: true } });
  if (!account) throw new UserFacingError("This account no longer exists in this workspace.");
  return account;
}

/**
 * Only a secret Microsoft accepts replaces the stored one. The next scheduled health check is
 * brought forward and expiry warnings start again for the new date.
 */
export async function replaceClientSecret(actor: Actor, accountId: string, input: { clientSecret: string; secretExpiresOn: Date }) {
  const verified = await verifyNewSecret(actor.workspaceId, accountId, input);
  await db.$transaction(async (tx) => {
    const account = await lockAccount(tx, actor.workspaceId, accountId);
    const sealed = sealClientSecret(actor.workspaceId, account.id, input.clientSecret);
    await tx.appRegistration.update({
      where: { id: account.id },
      data: { ...sealed, secretExpiresOn: input.secretExpiresOn, secretReplacedAt: new Date(), nextCheckAt: new Date(), checkFailures: 0, expiryNotifiedDays: null },
    });
    await recordActorEvent(tx, actor, {
      action: "account.secret_replaced",
      target: { type: "AppRegistration", id: account.id, label: account.label },
      metadata: { secretHint: sealed.clientSecretHint, secretExpiresOn: input.secretExpiresOn.toISOString().slice(0, 10), verifiedWith: verified.mailbox },
    });
  });
  return verified;
}

export async function updateAccount(actor: Actor, accountId: string, input: { label: string; secretExpiresOn: Date }) {
  await db.$transaction(async (tx) => {
    const account = await lockAccount(tx, actor.workspaceId, accountId);
    const dateChanged = account.secretExpiresOn.getTime() !== input.secretExpiresOn.getTime();
    await tx.appRegistration.update({
      where: { id: account.id },
      // A corrected date restarts the expiry warnings from wherever the new date stands.
      data: { label: input.label, secretExpiresOn: input.secretExpiresOn, ...(dateChanged ? { expiryNotifiedDays: null } : {}) },
    });
    await recordActorEvent(tx, actor, {
      action: "account.updated",
      target: { type: "AppRegistration", id: account.id, label: input.label },
      metadata: { previousLabel: account.label, secretExpiresOn: input.secretExpiresOn.toISOString().slice(0, 10) },
    });
  });
}

/** Deleting needs the label typed back, so a click in the wrong row cannot remove a client's setup. */
export async function deleteAccount(actor: Actor, accountId: string, confirmation: string) {
  await db.$transaction(async (tx) => {
    const account = await lockAccount(tx, actor.workspaceId, accountId);
    if (confirmation.trim() !== account.label) {
      throw new UserFacingError(`Type the account's label, ${account.label}, to confirm.`, "confirmation");
    }
    const mailboxes = await tx.mailbox.count({ where: { appRegistrationId: account.id } });
    await tx.appRegistration.delete({ where: { id: account.id } });
    await recordActorEvent(tx, actor, {
      action: "account.deleted",
      target: { type: "AppRegistration", id: account.id, label: account.label },
      metadata: { mailboxes },
    });
  });
}

export const ACCOUNT_PAGE_SIZE = 50;

/** One page of a workspace's accounts, newest first, and how many there are: an agency's hundreds never load at once. */
export async function listAccounts(workspaceId: string, page?: number) {
  const range = pageWindow(page, ACCOUNT_PAGE_SIZE);
  const [total, rows] = await Promise.all([
    db.appRegistration.count({ where: { workspaceId } }),
    db.appRegistration.findMany({
      where: { workspaceId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: range.skip,
      take: range.take,
      select: { ...publicAccountFields, _count: { select: { mailboxes: true } } },
    }),
  ]);
  return { total, page: range.page, pageCount: pageCount(total, ACCOUNT_PAGE_SIZE), rows };
}
