import { randomUUID } from "node:crypto";

const PERMISSIONS = ["Mail.Send", "User.Read.All"].map((name) => ({ name, adminConsented: true }));

/**
 * A sandbox tenant with `apps` working app registrations and `mailboxesPerApp` licensed users for
 * each, plus the credentials the dashboard needs to add them as accounts.
 */
export function bulkFixture({ apps, mailboxesPerApp }: { apps: number; mailboxesPerApp: number }) {
  const tenantId = randomUUID();
  const domain = "bulk.onmicrosoft.com";
  const applications = Array.from({ length: apps }, (_, i) => ({
    appId: randomUUID(),
    displayName: `Bulk App ${i + 1}`,
    secrets: [{ keyId: randomUUID(), displayName: "bulk", value: `Bk${i}8Q~${randomUUID().replaceAll("-", "")}`, endDateTime: "2099-12-31T00:00:00Z" }],
    applicationPermissions: PERMISSIONS,
  }));
  const users = applications.flatMap((_, a) =>
    Array.from({ length: mailboxesPerApp }, (_, m) => ({
      userPrincipalName: `app${a + 1}-box${m + 1}@${domain}`,
      displayName: `App ${a + 1} Box ${m + 1}`,
      password: "Sandbox-Pass-1",
    })),
  );
  return {
    fixture: { tenants: [{ id: tenantId, displayName: "Bulk", domains: [{ name: domain, isDefault: true, isInitial: true }], users, applications }] },
    accounts: applications.map((app, a) => ({
      tenant: tenantId,
      clientId: app.appId,
      clientSecret: app.secrets[0].value,
      mailboxes: users.slice(a * mailboxesPerApp, (a + 1) * mailboxesPerApp).map((u) => u.userPrincipalName),
    })),
    recipient: users[0].userPrincipalName,
  };
}

/** Makes the sandbox answer these endpoints only after `latencyMs`, as a distant or busy Microsoft does. */
export async function setSandboxLatency(sandboxUrl: string, latencyMs: number, endpoints = ["token", "users", "sendMail"]) {
  for (const endpoint of endpoints) {
    await fetch(`${sandboxUrl}/_sandbox/faults`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ endpoint, latencyMs }) });
  }
}
