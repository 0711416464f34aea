import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultKeyring, VaultError } from "@/lib/crypto";
import { db } from "@/lib/db/client";
import { rotateAllSealedValues } from "@/lib/keys/rotate";
import { createAccountSchema } from "@/lib/accounts/schemas";
import { DEMO_CLIENT_SECRET, DEMO_CLIENT_SECRET_ID, DEMO_MAILBOXES } from "@/sandbox/fixtures/demo";
import { type RunningSandbox, startSandbox } from "@/sandbox/index";
import { CANARY_SECRET, createAccountIn, createUser, createWorkspace, SANDBOX_APP, workspaceFingerprint } from "@/tests/helpers/factories";
import { deleteAccount, findAccount, replaceClientSecret } from "./accounts";
import { clientSecretContext, openClientSecret } from "./client-secret";
import { addMailboxes } from "./mailboxes";

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  process.env.M365_SANDBOX_URL = sandbox.url;
});
afterAll(() => sandbox.close());

async function setup(app?: Parameters<typeof createAccountIn>[3], mailboxes?: string[]) {
  const owner = await createUser();
  const workspace = await createWorkspace({ OWNER: owner });
  const account = await createAccountIn(workspace.id, owner.id, mailboxes, app);
  return { owner, workspace, account, actor: { workspaceId: workspace.id, userId: owner.id, role: "OWNER" as const } };
}

/** Raw rows, read with SQL rather than through the models. */
async function rawRows(table: string, id: string) {
  return JSON.stringify(await db.$queryRawUnsafe(`SELECT * FROM "${table}" WHERE id = $1`, id));
}

describe("the vault at rest", () => {
  it("stores no plaintext secret: only a sealed value and the 3-character hint Entra also shows", async () => {
    const { account } = await setup();
    const raw = await rawRows("AppRegistration", account.id);
    expect(raw).not.toContain(CANARY_SECRET);
    expect(raw).not.toContain(CANARY_SECRET.slice(0, 20));
    expect(account.clientSecretSealed).toMatch(/^v1\./);
    expect(account.clientSecretHint).toBe(CANARY_SECRET.slice(0, 3));
    expect(openClientSecret(account)).toBe(CANARY_SECRET);
    const audit = JSON.stringify(await db.$queryRawUnsafe(`SELECT * FROM "AuditEvent" WHERE "workspaceId" = $1`, account.workspaceId));
    expect(audit).toContain("account.added");
    expect(audit).not.toContain(CANARY_SECRET);
  });

  it("a sealed secret copied to another row, or into another workspace, does not open", async () => {
    const a = await setup();
    const b = await setup();
    await db.$executeRawUnsafe(`UPDATE "AppRegistration" SET "clientSecretSealed" = $1 WHERE id = $2`, a.account.clientSecretSealed, b.account.id);
    const moved = await db.appRegistration.findUniqueOrThrow({ where: { id: b.account.id } });
    expect(() => openClientSecret(moved)).toThrow(VaultError);
    expect(() => openClientSecret({ ...a.account, workspaceId: b.workspace.id })).toThrow(VaultError);
  });

  it("replacing the secret with one Microsoft accepts discards the old one", async () => {
    const { account, actor } = await setup(SANDBOX_APP, [DEMO_MAILBOXES.sender]);
    const expires = new Date(Date.UTC(2099, 0, 1));
    const verified = await replaceClientSecret(actor, account.id, { clientSecret: DEMO_CLIENT_SECRET, secretExpiresOn: expires });
    expect(verified).toMatchObject({ mailbox: DEMO_MAILBOXES.sender, outcome: "passed" });
    const after = await db.appRegistration.findUniqueOrThrow({ where: { id: account.id } });
    expect(openClientSecret(after)).toBe(DEMO_CLIENT_SECRET);
    expect(after.clientSecretHint).toBe(DEMO_CLIENT_SECRET.slice(0, 3));
    expect(after.secretExpiresOn.toISOString().slice(0, 10)).toBe("2099-01-01");
    expect(await rawRows("AppRegistration", account.id)).not.toContain(account.clientSecretSealed);
  });

  it.each([
    ["a mistyped secret", `${DEMO_CLIENT_SECRET.slice(0, -1)}x`, /Microsoft did not accept the new secret: .*client secret/i],
    ["the Secret ID", DEMO_CLIENT_SECRET_ID, /Microsoft did not accept the new secret: .*Secret ID/i],
  ])("refuses %s with Microsoft's diagnosis and changes nothing", async (_, secret, message) => {
    const { account, actor, workspace } = await setup(SANDBOX_APP, [DEMO_MAILBOXES.sender]);
    const before = await workspaceFingerprint(workspace.id);
    await expect(replaceClientSecret(actor, account.id, { clientSecret: secret, secretExpiresOn: new Date(Date.UTC(2099, 0, 1)) })).rejects.toThrow(message);
    expect(await workspaceFingerprint(workspace.id)).toBe(before);
    expect(openClientSecret(await db.appRegistration.findUniqueOrThrow({ where: { id: account.id } }))).toBe(CANARY_SECRET);
  });

  it("accepts a working secret even when the mailbox it was tried with fails, and says so", async () => {
    const { account, actor } = await setup(SANDBOX_APP, [DEMO_MAILBOXES.nonexistent]);
    const verified = await replaceClientSecret(actor, account.id, { clientSecret: DEMO_CLIENT_SECRET, secretExpiresOn: new Date(Date.UTC(2099, 0, 1)) });
    expect(verified.outcome).toBe("failed");
    expect(verified.diagnosis?.step).toBe("mailbox");
    expect(openClientSecret(await db.appRegistration.findUniqueOrThrow({ where: { id: account.id } }))).toBe(DEMO_CLIENT_SECRET);
  });

  it("key rotation re-seals every secret with the next key, is harmless twice, and the app still reads them", async () => {
    const { account } = await setup();
    const current = defaultKeyring();
    const [first, next] = [...current.keys.values()];
    const forward = { primary: next, keys: current.keys };
    const report = await rotateAllSealedValues({ keyring: forward });
    expect(report["AppRegistration.clientSecretSealed"].resealed).toBeGreaterThanOrEqual(1);
    // A row another test deliberately corrupted cannot be opened; it is reported and left alone.
    expect(report["AppRegistration.clientSecretSealed"].failures.map((f) => f.context.recordId)).not.toContain(account.id);
    const rotated = await db.appRegistration.findUniqueOrThrow({ where: { id: account.id } });
    expect(rotated.clientSecretSealed.split(".")[1]).toBe(next.id);
    expect(await db.auditEvent.findFirst({ where: { workspaceId: account.workspaceId, action: "keys.rotated" } })).toMatchObject({
      actorId: null,
      targetLabel: next.id,
      metadata: { resealed: { "AppRegistration.clientSecretSealed": 1 } },
    });
    expect(openClientSecret(rotated, { primary: next, keys: new Map([[next.id, next]]) })).toBe(CANARY_SECRET);

    await rotateAllSealedValues({ keyring: forward });
    const again = await db.appRegistration.findUniqueOrThrow({ where: { id: account.id } });
    expect(again.clientSecretSealed).toBe(rotated.clientSecretSealed);

    await rotateAllSealedValues({ keyring: { primary: first, keys: current.keys } });
    const back = await db.appRegistration.findUniqueOrThrow({ where: { id: account.id } });
    expect(back.clientSecretSealed.split(".")[1]).toBe(first.id);
    expect(openClientSecret(back)).toBe(CANARY_SECRET);
  });

  it("the seal context is the row's own", () => {
    expect(clientSecretContext("w1", "r1")).toEqual({ workspaceId: "w1", table: "AppRegistration", recordId: "r1", field: "clientSecret" });
  });
});

describe("mailboxes", () => {
  it("refuses addresses already in the workspace, naming line and account, and adds none of the batch", async () => {
    const { account, actor } = await setup();
    const entries = [
      { address: "fresh@contoso.test", line: 1 },
      { address: "two@contoso.test", line: 2 },
    ];
    await expect(addMailboxes(actor, account.id, entries)).rejects.toThrow(/Line 2: two@contoso.test is already in this workspace/);
    expect(await db.mailbox.count({ where: { appRegistrationId: account.id } })).toBe(2);
  });

  it("the same address may exist in two workspaces", async () => {
    const a = await setup();
    const b = await setup();
    expect(a.account.mailboxes[0].address).toBe(b.account.mailboxes[0].address);
  });
});

describe("deleting", () => {
  it("needs the label typed back, then takes the mailboxes with it", async () => {
    const { account, actor, workspace } = await setup();
    await expect(deleteAccount(actor, account.id, "wrong")).rejects.toThrow(/Type the account's label/);
    expect(await findAccount(workspace.id, account.id)).not.toBeNull();
    await deleteAccount(actor, account.id, account.label);
    expect(await findAccount(workspace.id, account.id)).toBeNull();
    expect(await db.mailbox.count({ where: { appRegistrationId: account.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { workspaceId: workspace.id, action: "account.deleted" } })).toBe(1);
  });
});

describe("the Add Microsoft 365 Account schema", () => {
  const schema = createAccountSchema({ sandboxAvailable: false, now: new Date("2026-11-26T12:00:00Z") });
  const valid = {
    label: "Contoso",
    tenant: "72f988bf-86f1-41af-91ab-2d7cd011db47",
    clientId: "00001111-aaaa-2222-bbbb-3333cccc4444",
    clientSecret: "Ab3~valid-looking-secret-value-1234567890",
    secretExpiresOn: "11/26/2027",
    mailboxes: "a@contoso.com\nb@contoso.com, c@contoso.com",
    cloud: "GLOBAL",
  };
  const messages = (input: object) => {
    const result = schema.safeParse({ ...valid, ...input });
    return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
  };

  it("accepts a complete form and reads the US date and the pasted list", () => {
    const parsed = schema.parse(valid);
    expect(parsed.secretExpiresOn.toISOString().slice(0, 10)).toBe("2027-11-26");
    expect(parsed.mailboxes.map((m) => m.address)).toEqual(["a@contoso.com", "b@contoso.com", "c@contoso.com"]);
  });

  it("catches the Secret ID pasted instead of the Value", () => {
    expect(messages({ clientSecret: "9d1b2c3e-4f50-6172-8394-a5b6c7d8e9f0" }).clientSecret).toBe("This looks like the Secret ID; paste the secret's Value");
  });

  it("refuses an expiry in the past, and impossible dates", () => {
    expect(messages({ secretExpiresOn: "11/25/2026" }).secretExpiresOn).toMatch(/already expired/);
    expect(messages({ secretExpiresOn: "02/30/2027" }).secretExpiresOn).toMatch(/MM\/DD\/YYYY/);
    expect(messages({ secretExpiresOn: "2027-13-01" }).secretExpiresOn).toMatch(/MM\/DD\/YYYY/);
  });

  it("lists duplicate and malformed addresses by line", () => {
    const result = schema.safeParse({ ...valid, mailboxes: "a@contoso.com\nnot-an-address\nA@Contoso.com" });
    const issues = result.success ? [] : result.error.issues.filter((i) => i.path[0] === "mailboxes").map((i) => i.message);
    expect(issues).toEqual(['Line 2: "not-an-address" is not an email address.', "Line 3: a@contoso.com is a duplicate of line 1."]);
  });

  it("accepts a tenant's domain, refuses other text", () => {
    expect(messages({ tenant: "contoso.onmicrosoft.com" }).tenant).toBeUndefined();
    expect(messages({ tenant: "not a tenant" }).tenant).toMatch(/Directory \(tenant\) ID/);
    expect(messages({ clientId: "contoso" }).clientId).toMatch(/GUID/);
  });

  it("offers the sandbox cloud only where one is configured", () => {
    expect(messages({ cloud: "SANDBOX" }).cloud).toMatch(/sandbox is not configured/);
    expect(createAccountSchema({ sandboxAvailable: true }).safeParse({ ...valid, secretExpiresOn: "12/31/2099", cloud: "SANDBOX" }).success).toBe(true);
  });
});
