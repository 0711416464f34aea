import { createAccount } from "@/lib/accounts/accounts";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { DEVELOPMENT_MAIL_SENDER } from "@/lib/mail/config";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_MAILBOXES, DEMO_TENANT_ID } from "@/sandbox/fixtures/demo";

export const DEMO_EMAIL = "demo@forge365.local";
/** Development only: printed at start-up and in the README, never used outside a local database. */
export const DEMO_PASSWORD = "forge365-demo";

const demoWorkspaces = [
  { slug: "acme-outreach", name: "Acme Outreach", environment: "PRODUCTION" as const },
  // Its sender mailbox sends the development instance's own mail (lib/mail/config.ts).
  { slug: DEVELOPMENT_MAIL_SENDER.workspace, name: "Acme Sandbox", environment: "TEST" as const },
];

/** The sandbox's working app registration, with mailboxes that pass and fail in each common way. */
const sandboxMailboxes = [
  DEMO_MAILBOXES.sender,
  DEMO_MAILBOXES.another,
  DEMO_MAILBOXES.unlicensed,
  DEMO_MAILBOXES.blockedByPolicy,
  DEMO_MAILBOXES.nonexistent,
];

/** Seeds the demo user and workspaces once; later runs leave whatever the user changed alone. */
export async function seedDemo(): Promise<{ created: boolean }> {
  const existing = await db.user.findUnique({ where: { email: DEMO_EMAIL }, select: { id: true } });
  if (existing) return { created: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const { user, sandboxWorkspaceId } = await db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: DEMO_EMAIL, name: "Demo User", passwordHash, emailVerified: new Date() } });
    const ids: string[] = [];
    for (const workspace of demoWorkspaces) {
      const created = await tx.workspace.create({ data: { ...workspace, memberships: { create: { userId: user.id, role: "OWNER" } } } });
      ids.push(created.id);
    }
    return { user, sandboxWorkspaceId: ids[1] };
  });
  const oneYear = new Date();
  oneYear.setUTCFullYear(oneYear.getUTCFullYear() + 1, oneYear.getUTCMonth(), oneYear.getUTCDate());
  oneYear.setUTCHours(0, 0, 0, 0);
  await createAccount(
    { workspaceId: sandboxWorkspaceId, userId: user.id, role: "OWNER" as const },
    {
      label: "Contoso (sandbox)",
      cloud: "SANDBOX",
      tenant: DEMO_TENANT_ID,
      clientId: DEMO_CLIENT_ID,
      clientSecret: DEMO_CLIENT_SECRET,
      secretExpiresOn: oneYear,
      mailboxes: sandboxMailboxes.map((address, i) => ({ address, line: i + 1 })),
    },
  );
  return { created: true };
}
