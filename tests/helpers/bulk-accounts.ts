import { createAccount } from "@/lib/accounts/accounts";
import type { Actor } from "@/lib/workspaces/actor";
import type { bulkFixture } from "./sandbox-fixture";

/** Adds every app of a bulk fixture to the actor's workspace as a sandbox account, with its mailboxes. */
export async function addBulkAccounts(actor: Actor, accounts: ReturnType<typeof bulkFixture>["accounts"]) {
  for (const [i, app] of accounts.entries()) {
    await createAccount(actor, {
      label: `Bulk ${i + 1}`,
      cloud: "SANDBOX",
      tenant: app.tenant,
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      secretExpiresOn: new Date(Date.UTC(2099, 0, 1)),
      mailboxes: app.mailboxes.map((address, line) => ({ address, line: line + 1 })),
    });
  }
}
