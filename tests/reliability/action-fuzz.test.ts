import fc from "fast-check";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import type { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changePasswordAction } from "@/app/account/actions";
import { confirmEnrolmentAction, regenerateRecoveryCodesAction, turnOffTwoFactorAction } from "@/app/account/two-factor/actions";
import { createWorkspaceAction } from "@/app/workspaces/new/actions";
import type { ActionResult } from "@/lib/actions/result";
import { executeUserAction, type UserActionDefinition } from "@/lib/actions/user-action";
import { executeWorkspaceAction, type WorkspaceActionDefinition } from "@/lib/actions/workspace-action";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { requireMembership, type WorkspaceContext } from "@/lib/workspaces/guard";
import { createAccount } from "@/lib/accounts/accounts";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_MAILBOXES, DEMO_TENANT_ID } from "@/sandbox/fixtures/demo";
import { type RunningSandbox, startSandbox } from "@/sandbox/index";
import { CANARY_SECRET, createAccountIn, createUser, createWorkspace, form, SANDBOX_APP, TEST_PASSWORD, workspaceFingerprint } from "@/tests/helpers/factories";
import { discoveredActions } from "@/tests/isolation/workspace-actions";
import { formInput, strayFields } from "./hostile-input";

/** Runs per action; FUZZ_RUNS=1000 for a long hunt. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);

// Replacing a secret asks Microsoft (the sandbox) first; a fuzzed secret must be refused there, not crash.
let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  process.env.M365_SANDBOX_URL = sandbox.url;
});
afterAll(() => sandbox.close());

/** The form fields a schema reads, through the wrappers zod puts around an object. */
function fieldsOf(schema: z.ZodType): string[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case "object":
      return Object.keys(def.shape as object);
    case "pipe":
      return [...new Set([...fieldsOf(def.in as z.ZodType), ...fieldsOf(def.out as z.ZodType)])];
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
      return fieldsOf(def.innerType as z.ZodType);
    default:
      return [];
  }
}

/** A workspace with an owner, another member, a pending invitation, and sandbox accounts with application and delegated permissions. */
async function world() {
  const owner = await createUser("owner");
  const other = await createUser("other");
  const workspace = await createWorkspace({ OWNER: owner, MEMBER: other });
  const account = await createAccountIn(workspace.id, owner.id, undefined, SANDBOX_APP);
  const delegated = await createAccount(
    { workspaceId: workspace.id, userId: owner.id, role: "OWNER" as const },
    { ...SANDBOX_APP, label: "Delegated", permissionMode: "DELEGATED", clientSecret: DEMO_CLIENT_SECRET, secretExpiresOn: new Date(Date.UTC(2099, 0, 1)), mailboxes: [{ address: DEMO_MAILBOXES.sender, line: 1 }] },
  );
  const delegatedMailbox = await db.mailbox.findFirstOrThrow({ where: { appRegistrationId: delegated.id } });
  const invitation = await db.invitation.create({
    data: { workspaceId: workspace.id, email: "pending@example.test", role: "VIEWER", tokenHash: `fuzz-${workspace.id}`, expiresAt: new Date(Date.now() + 86_400_000), invitedById: owner.id },
  });
  const membership = await db.membership.findUniqueOrThrow({ where: { workspaceId_userId: { workspaceId: workspace.id, userId: other.id } } });
  /** Values that pass each field's own rule, so a run can get past the schema and into the action. */
  const plausible: Record<string, string[]> = {
    accountId: [account.id],
    mailboxId: [account.mailboxes[0].id, delegatedMailbox.id],
    membershipId: [membership.id],
    invitationId: [invitation.id],
    email: ["newcomer@example.test"],
    recipient: ["me@example.test"],
    role: ["OWNER", "ADMIN", "MEMBER", "VIEWER"],
    environment: ["TEST", "PRODUCTION"],
    cloud: ["GLOBAL", "SANDBOX", "USGOV"],
    permissionMode: ["APPLICATION", "DELEGATED"],
    dryRun: ["on"],
    regenerate: ["on"],
    requireTwoFactor: ["on", "off"],
    secretExpiresOn: ["12/31/2099", "01/01/2001"],
    clientSecret: [DEMO_CLIENT_SECRET, CANARY_SECRET],
    tenant: [DEMO_TENANT_ID, "contoso.onmicrosoft.com"],
    clientId: [DEMO_CLIENT_ID],
    mailboxes: ["one@contoso.test", ...Array.from({ length: 20 }, (_, i) => `box${i}@fuzz.test\nother${i}@fuzz.test`)],
    label: ["A label"],
    name: ["A name"],
    confirmation: [account.label],
    url: ["https://hooks.example.test/forge365"],
    locale: ["en-US", "de-DE"],
    timeZone: ["UTC", "Europe/Berlin"],
  };
  return { owner, workspace, plausible };
}

const definitions = discoveredActions.map((a) => a.definition).filter((d): d is WorkspaceActionDefinition => Boolean(d));

/** For schemas that follow the workspace's date format. */
const someWorkspace: WorkspaceContext = { userId: "u", role: "OWNER", workspace: { id: "w", slug: "w", name: "W", environment: "TEST", locale: "en-US", timeZone: "UTC" } };
const schemaOf = (d: WorkspaceActionDefinition, ctx = someWorkspace) => (typeof d.schema === "function" ? d.schema(ctx) : d.schema);

it("reads the fields of the forms, through every wrapper", () => {
  const fields = new Set(definitions.flatMap((d) => fieldsOf(schemaOf(d))));
  expect([...fields]).toEqual(expect.arrayContaining(["accountId", "mailboxId", "membershipId", "email", "clientSecret", "recipient", "url"]));
});

/**
 * Runs one fuzzed call: a redirect (an action that succeeded sending the browser on) is fine, any
 * other throw fails the property; a refusal must be a plain message with nothing written.
 */
async function expectSafe(call: () => Promise<ActionResult<unknown>>, state: () => Promise<string>) {
  const before = await state();
  let result;
  try {
    result = await call();
  } catch (error) {
    if (isRedirectError(error)) return;
    throw error;
  }
  expect(typeof result.ok).toBe("boolean");
  const text = JSON.stringify(result);
  expect(text).not.toContain(CANARY_SECRET);
  expect(text).not.toContain(DEMO_CLIENT_SECRET);
  if (result.ok) return;
  expect(result.error).not.toMatch(/Something went wrong/);
  expect(await state()).toBe(before);
}

describe("every workspace action, fed hostile input by its owner", () => {
  it.each(definitions.map((d) => [d.name, d] as const))("%s: a result, never a crash or an internal error; nothing written when refused", async (_, definition) => {
    const w = await world();
    const fields = fieldsOf(schemaOf(definition, await requireMembership(w.owner.id, w.workspace.slug, "VIEWER")));
    await fc.assert(
      fc.asyncProperty(formInput(fields, w.plausible), strayFields, (values, stray) =>
        expectSafe(
          () => executeWorkspaceAction(definition, w.owner, form({ ...stray, ...values, workspace: w.workspace.slug })),
          () => workspaceFingerprint(w.workspace.id),
        ),
      ),
      { numRuns: RUNS },
    );
  });
});

describe("the signed-in person's own actions, fed hostile input", () => {
  const cases: Array<{ definition: UserActionDefinition; plausible: Record<string, string[]>; state: (user: CurrentUser) => Promise<string> }> = [
    {
      definition: createWorkspaceAction.definition,
      plausible: { name: ["Fuzz Co"], slug: ["", "fuzz-co"], environment: ["TEST", "PRODUCTION"] },
      state: async (user: CurrentUser) => String(await db.membership.count({ where: { userId: user.id } })),
    },
    {
      definition: changePasswordAction.definition,
      plausible: { currentPassword: [TEST_PASSWORD], newPassword: ["a new long password"], confirmPassword: ["a new long password"] },
      state: async (user: CurrentUser) => (await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } })).passwordHash ?? "",
    },
    ...[confirmEnrolmentAction, turnOffTwoFactorAction, regenerateRecoveryCodesAction].map(({ definition }) => ({
      definition,
      plausible: { password: [TEST_PASSWORD], code: ["123456", "0000-0000-0000"] },
      state: async (user: CurrentUser) =>
        JSON.stringify(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true, totpLastStep: true, recoveryCodes: true } })),
    })),
  ];
  it.each(cases.map((c) => [c.definition.name, c] as const))("%s: a result, never a crash or an internal error; nothing written when refused", async (_, { definition, plausible, state }) => {
    const user = await createUser("person");
    await fc.assert(
      fc.asyncProperty(formInput(fieldsOf(definition.schema), plausible), strayFields, (values, stray) =>
        expectSafe(() => executeUserAction(definition, user, form({ ...stray, ...values })), () => state(user)),
      ),
      { numRuns: RUNS },
    );
  });
});
