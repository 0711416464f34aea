import type { Actor } from "@/lib/workspaces/actor";
import { createAccount } from "@/lib/accounts/accounts";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { completeConnect } from "@/lib/delegated/callback";
import { startConnect } from "@/lib/delegated/start";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_PASSWORD, DEMO_TENANT_ID } from "@/sandbox/fixtures/demo";
import { signIn, type SignInOptions } from "@/tests/helpers/sandbox";
import { createUser, createWorkspace } from "./factories";

/** A workspace with a delegated account on the sandbox's demo app, and the given mailboxes. */
export async function delegatedWorkspace(mailboxes: string[], app = { clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET }) {
  const owner = await createUser("owner");
  const workspace = await createWorkspace({ OWNER: owner });
  const actor = { workspaceId: workspace.id, userId: owner.id, role: "OWNER" as const };
  const { id } = await createAccount(actor, {
    label: "Contoso (delegated)",
    cloud: "SANDBOX",
    permissionMode: "DELEGATED",
    tenant: DEMO_TENANT_ID,
    ...app,
    secretExpiresOn: new Date(Date.UTC(2099, 0, 1)),
    mailboxes: mailboxes.map((address, i) => ({ address, line: i + 1 })),
  });
  const boxes = await db.mailbox.findMany({ where: { appRegistrationId: id }, orderBy: { address: "asc" } });
  return { owner, workspace, actor, accountId: id, boxes };
}

/** Starts Connect, signs in on the sandbox's pages, and returns the query Microsoft sent back. */
export async function signInFor(actor: Actor, mailboxId: string, options: Partial<SignInOptions> & { username: string }) {
  const started = await startConnect(actor, mailboxId);
  if (!("authorizeUrl" in started)) throw new Error(`Connect did not start: ${started.failed}`);
  const response = await signIn(started.authorizeUrl, { password: DEMO_PASSWORD, ...options });
  const location = response.headers.get("location");
  return { response, params: location ? new URL(location).searchParams : null };
}

/** The whole Connect with Microsoft round trip, as the mailbox's owner signing in. */
export async function connect(owner: CurrentUser, actor: Actor, mailbox: { id: string; address: string }) {
  const { params } = await signInFor(actor, mailbox.id, { username: mailbox.address });
  if (!params) throw new Error("the sandbox did not redirect back");
  return { params, outcome: await completeConnect(params, owner) };
}
