"use server";

import { redirect } from "next/navigation";
import { createAccount, deleteAccount, replaceClientSecret, updateAccount } from "@/lib/accounts/accounts";
import { sandboxUrl } from "@/lib/microsoft/sandbox";
import { addMailboxes, removeMailbox } from "@/lib/accounts/mailboxes";
import { workspaceAction } from "@/lib/actions/workspace-action";
import { addMailboxesSchema, createAccountSchema, deleteAccountSchema, removeMailboxSchema, replaceSecretSchema, updateAccountSchema } from "@/lib/accounts/schemas";

export const createAccountAction = workspaceAction({
  name: "accounts.create",
  role: "MEMBER",
  schema: (ctx) => createAccountSchema({ sandboxAvailable: Boolean(sandboxUrl()), prefs: ctx.workspace }),
  async run(ctx, input) {
    const { id } = await createAccount(ctx.actor, input);
    redirect(`/w/${ctx.workspace.slug}/accounts/${id}?added=${input.mailboxes.length}`);
  },
});

export const replaceSecretAction = workspaceAction({
  name: "accounts.replaceSecret",
  role: "ADMIN",
  schema: (ctx) => replaceSecretSchema(ctx.workspace),
  async run(ctx, input) {
    const verified = await replaceClientSecret(ctx.actor, input.accountId, input);
    const caveat = verified.diagnosis ? ` ${verified.mailbox} still needs attention: ${verified.diagnosis.title}.` : "";
    return {
      ok: true,
      data: undefined,
      message: `Secret replaced: Microsoft accepted it in a dry run with ${verified.mailbox}. The old one is gone from forge365; delete it in Entra too.${caveat}`,
    };
  },
});

export const updateAccountAction = workspaceAction({
  name: "accounts.update",
  role: "ADMIN",
  schema: (ctx) => updateAccountSchema(ctx.workspace),
  async run(ctx, input) {
    await updateAccount(ctx.actor, input.accountId, input);
    return { ok: true, data: undefined, message: "Account saved." };
  },
});

export const deleteAccountAction = workspaceAction({
  name: "accounts.delete",
  role: "ADMIN",
  schema: deleteAccountSchema,
  async run(ctx, input) {
    await deleteAccount(ctx.actor, input.accountId, input.confirmation);
    redirect(`/w/${ctx.workspace.slug}/accounts`);
  },
});

export const addMailboxesAction = workspaceAction({
  name: "mailboxes.add",
  role: "MEMBER",
  schema: addMailboxesSchema,
  async run(ctx, input) {
    const { added } = await addMailboxes(ctx.actor, input.accountId, input.mailboxes);
    return { ok: true, data: undefined, message: `Added ${added} mailbox${added === 1 ? "" : "es"}.` };
  },
});

export const removeMailboxAction = workspaceAction({
  name: "mailboxes.remove",
  role: "ADMIN",
  schema: removeMailboxSchema,
  async run(ctx, input) {
    await removeMailbox(ctx.actor, input.mailboxId);
    return { ok: true, data: undefined, message: "Mailbox removed." };
  },
});
