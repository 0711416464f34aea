import { describe, expect, it } from "vitest";
import { signUpAction } from "@/app/(auth)/actions";
import { changePasswordAction } from "@/app/account/actions";
import { createWorkspaceAction } from "@/app/workspaces/new/actions";
import type { ActionResult } from "@/lib/actions/result";
import { executeUserAction } from "@/lib/actions/user-action";
import { executeWorkspaceAction } from "@/lib/actions/workspace-action";
import { db } from "@/lib/db/client";
import { createUser, createWorkspace, form, uniqueEmail, workspaceFingerprint } from "@/tests/helpers/factories";
import { discoveredActions } from "./workspace-actions";

/** The four kinds of bad input every form must survive: a clear field message and no write. */
const badValues: Array<[string, string | string[]]> = [
  ["empty", ""],
  ["too long", "x".repeat(5_000)],
  ["wrong type", ["two", "values"]],
  ["script tag", "<script>alert(1)</script>"],
];

/** Field values that are valid, so each bad value is the only thing wrong. */
const validFields: Record<string, Record<string, string>> = {
  "workspace.update": { name: "Valid name", environment: "TEST", locale: "en-GB", timeZone: "Europe/London" },
  "workspace.setWebhook": { url: "https://hooks.example.test/forge365" },
  "workspace.removeWebhook": {},
  "workspace.requireTwoFactor": { requireTwoFactor: "off" },
  "notifications.markRead": {},
  "members.invite": { email: "valid@example.test", role: "MEMBER" },
  "members.changeRole": { membershipId: "clxxxxxxxxxxxxxxxxxxxxxxx", role: "VIEWER" },
  "members.remove": { membershipId: "clxxxxxxxxxxxxxxxxxxxxxxx" },
  "members.revokeInvitation": { invitationId: "clxxxxxxxxxxxxxxxxxxxxxxx" },
  "members.leave": {},
  "accounts.create": {
    label: "Valid",
    tenant: "contoso.onmicrosoft.com",
    clientId: "00001111-aaaa-2222-bbbb-3333cccc4444",
    clientSecret: "Ab3~valid-looking-secret-value-1234567890",
    secretExpiresOn: "12/31/2099",
    mailboxes: "a@contoso.test",
    cloud: "GLOBAL",
    permissionMode: "DELEGATED",
  },
  "accounts.replaceSecret": { accountId: "clxxxxxxxxxxxxxxxxxxxxxxx", clientSecret: "Ab3~valid-looking-secret-value-1234567890", secretExpiresOn: "12/31/2099" },
  "accounts.update": { accountId: "clxxxxxxxxxxxxxxxxxxxxxxx", label: "Valid", secretExpiresOn: "12/31/2099" },
  "accounts.delete": { accountId: "clxxxxxxxxxxxxxxxxxxxxxxx", confirmation: "Valid" },
  "mailboxes.add": { accountId: "clxxxxxxxxxxxxxxxxxxxxxxx", mailboxes: "a@contoso.test" },
  "mailboxes.remove": { mailboxId: "clxxxxxxxxxxxxxxxxxxxxxxx" },
  "tests.run": { mailboxId: "clxxxxxxxxxxxxxxxxxxxxxxx", recipient: "me@example.test" },
  "tests.runAll": { accountId: "clxxxxxxxxxxxxxxxxxxxxxxx", recipient: "me@example.test" },
  "mailboxes.connect": { mailboxId: "clxxxxxxxxxxxxxxxxxxxxxxx" },
  "mailboxes.disconnect": { mailboxId: "clxxxxxxxxxxxxxxxxxxxxxxx" },
};

/** Where any text is a valid value, so only some of the bad kinds apply. */
const freeText: Record<string, string[]> = {
  // An empty account means "every mailbox of the workspace".
  "tests.runAll.accountId": ["empty"],
  "accounts.create.clientSecret": ["script tag"],
  "accounts.replaceSecret.clientSecret": ["script tag"],
  "accounts.delete.confirmation": ["script tag", "too long"],
};

function expectFieldRefusal(result: ActionResult<unknown>, field: string) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.fieldErrors?.[field]?.length, `a message for ${field}`).toBeGreaterThan(0);
  expect(result.fieldErrors?.[field]?.join(" ")).not.toMatch(/at Object|Error:|stack|undefined/);
}

describe("workspace forms", async () => {
  const owner = await createUser("owner");
  const workspace = await createWorkspace({ OWNER: owner });
  const cases = discoveredActions.flatMap(({ definition }) =>
    Object.keys(validFields[definition!.name]).flatMap((field) =>
      badValues.map(([kind, value]) => [definition!.name, field, kind, definition!, value] as const),
    ),
  );

  it.each(cases)("%s: %s %s → field message, nothing written", async (name, field, kind, definition, value) => {
    if (freeText[`${name}.${field}`]?.includes(kind)) return;
    const before = await workspaceFingerprint(workspace.id);
    const values = { ...validFields[name], [field]: value, workspace: workspace.slug };
    const result = await executeWorkspaceAction(definition, owner, form(values));
    expectFieldRefusal(result, field);
    expect(await workspaceFingerprint(workspace.id)).toBe(before);
  });
});

describe("account forms", async () => {
  const user = await createUser("person");

  it.each(badValues.flatMap(([kind, value]) => ["name", "slug", "environment"].map((field) => [field, kind, value] as const)))(
    "new workspace: %s %s → field message, nothing written",
    async (field, kind, value) => {
      if (field === "slug" && kind === "empty") return; // an empty slug means "derive it from the name"
      const values = { name: "Valid", slug: "valid-slug", environment: "TEST", [field]: value };
      const result = await executeUserAction(createWorkspaceAction.definition, user, form(values));
      expectFieldRefusal(result, field);
      expect(await db.membership.count({ where: { userId: user.id } })).toBe(0);
    },
  );

  it.each(badValues.flatMap(([kind, value]) => ["name", "email", "password"].map((field) => [field, kind, value] as const)))(
    "sign-up: %s %s → field message, no account",
    async (field, kind, value) => {
      if (field === "password" && kind === "script tag") return; // any 12+ characters make a valid password
      const email = uniqueEmail("signup");
      const values = { name: "Valid", email, password: "a valid long password", [field]: value };
      const result = await signUpAction(null, form(values));
      expectFieldRefusal(result, field);
      expect(await db.user.count({ where: { email } })).toBe(0);
    },
  );

  it.each(badValues.map(([kind, value]) => [kind, value] as const))("change password: new password %s → field message, unchanged", async (kind, value) => {
    if (kind === "script tag") return; // a long enough password may contain anything
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    const values = { currentPassword: "x", newPassword: value, confirmPassword: typeof value === "string" ? value : "" };
    const result = await executeUserAction(changePasswordAction.definition, user, form(values));
    expectFieldRefusal(result, "newPassword");
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } })).toEqual(before);
  });

  it("signed-out callers of account actions are told to sign in", async () => {
    const result = await executeUserAction(createWorkspaceAction.definition, null, form({ name: "X", environment: "TEST" }));
    expect(result).toEqual({ ok: false, error: "Your session has ended. Sign in again." });
  });
});
