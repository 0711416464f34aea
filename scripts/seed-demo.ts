import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";

export const DEMO_EMAIL = "demo@forge365.local";
/** Development only: printed at start-up and in the README, never used outside a local database. */
export const DEMO_PASSWORD = "forge365-demo";

const demoWorkspaces = [
  { slug: "acme-outreach", name: "Acme Outreach", environment: "PRODUCTION" as const },
  { slug: "acme-sandbox", name: "Acme Sandbox", environment: "TEST" as const },
];

/** Seeds the demo user and workspaces once; later runs leave whatever the user changed alone. */
export async function seedDemo(): Promise<{ created: boolean }> {
  const existing = await db.user.findUnique({ where: { email: DEMO_EMAIL }, select: { id: true } });
  if (existing) return { created: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: DEMO_EMAIL, name: "Demo User", passwordHash } });
    for (const workspace of demoWorkspaces) {
      await tx.workspace.create({ data: { ...workspace, memberships: { create: { userId: user.id, role: "OWNER" } } } });
    }
  });
  return { created: true };
}
