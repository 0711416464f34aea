import { randomUUID } from "node:crypto";
import { createAccount } from "@/lib/accounts/accounts";
import { hashPassword } from "@/lib/auth/password";
import { createSession } from "@/lib/auth/sessions";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/workspaces/roles";
import { DEMO_CLIENT_ID, DEMO_TENANT_ID } from "@/sandbox/fixtures/demo";

export const TEST_PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;

export function uniqueEmail(prefix = "user") {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

/** A person with a password and a session; their address is verified unless a test says otherwise. */
export async function createUser(prefix = "user", options: { verified?: boolean } = {}): Promise<CurrentUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const user = await db.user.create({
    data: { email: uniqueEmail(prefix), name: prefix, passwordHash: await passwordHash, emailVerified: options.verified === false ? null : new Date() },
  });
  const sessionToken = await createSession(user.id);
  return { id: user.id, email: user.email, name: user.name, sessionToken };
}

export async function createWorkspace(members: Partial<Record<Role, CurrentUser | CurrentUser[]>>, name = "Test workspace") {
  const slug = `ws-${randomUUID().slice(0, 12)}`;
  return db.workspace.create({
    data: {
      slug,
      name,
      environment: "TEST",
      memberships: {
        create: Object.entries(members).flatMap(([role, users]) =>
          [users].flat().map((u) => ({ userId: (u as CurrentUser).id, role: role as Role })),
        ),
      },
    },
  });
}

export function form(values: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) for (const v of [value].flat()) data.append(key, v);
  return data;
}

/** Everything that belongs to a workspace, in a stable order: equal fingerprints mean nothing changed. */
export async function workspaceFingerprint(workspaceId: string) {
  const workspace = await db.workspace.findUnique({
    where: { id: workspaceId },
    include: {
      memberships: { orderBy: { id: "asc" } },
      invitations: { orderBy: { id: "asc" } },
      appRegistrations: { orderBy: { id: "asc" } },
      mailboxes: { orderBy: { id: "asc" } },
      auditEvents: { orderBy: { id: "asc" } },
      connectionTests: { orderBy: { id: "asc" } },
      bulkRuns: { orderBy: { id: "asc" } },
    },
  });
  return JSON.stringify(workspace);
}

export const CANARY_SECRET = "Kx8Q~canary-SECRET-do-not-leak-0123456789abc";

type AppSettings = { cloud: "GLOBAL" | "SANDBOX"; tenant: string; clientId: string };

/** An app registration of the sandbox's demo tenant, for tests where Microsoft must answer (a secret is verified). */
export const SANDBOX_APP: AppSettings = { cloud: "SANDBOX", tenant: DEMO_TENANT_ID, clientId: DEMO_CLIENT_ID };

/** An app registration with mailboxes, made the way the app makes them (sealed secret, audit event). */
export async function createAccountIn(
  workspaceId: string,
  actorId: string,
  mailboxes = ["one@contoso.test", "two@contoso.test"],
  app: AppSettings = { cloud: "GLOBAL", tenant: "contoso.onmicrosoft.com", clientId: "00001111-aaaa-2222-bbbb-3333cccc4444" },
) {
  const expires = new Date();
  expires.setUTCFullYear(expires.getUTCFullYear() + 1);
  expires.setUTCHours(0, 0, 0, 0);
  const { id } = await createAccount(
    { workspaceId, userId: actorId, role: "OWNER" },
    {
      label: `Account ${randomUUID().slice(0, 6)}`,
      ...app,
      clientSecret: CANARY_SECRET,
      secretExpiresOn: expires,
      mailboxes: mailboxes.map((address, i) => ({ address, line: i + 1 })),
    },
  );
  return db.appRegistration.findUniqueOrThrow({ where: { id }, include: { mailboxes: true } });
}
