import { beforeAll, describe, expect, it } from "vitest";
import { defaultKeyring } from "@/lib/crypto";
import { db } from "@/lib/db/client";
import { rotateAllSealedValues } from "@/lib/keys/rotate";
import { WorkspaceNotFoundError } from "@/lib/workspaces/errors";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_MAILBOXES, DEMO_TENANT_ID } from "@/sandbox/fixtures/demo";
import { useSandbox } from "@/tests/helpers/sandbox";
import { connect, delegatedWorkspace, signInFor } from "@/tests/helpers/delegated";
import { createUser } from "@/tests/helpers/factories";
import { completeConnect } from "./callback";
import { disconnectMailbox } from "./connection";
import { consumeOAuthState, createOAuthState, STATE_TTL_MS, unfinishedSignIn } from "./oauth-state";
import { openOrNull, refreshTokenContext } from "./sealed";
import { startConnect } from "./start";

const sb = useSandbox();
beforeAll(() => {
  process.env.M365_SANDBOX_URL = sb.url;
});

const patchDemoApp = (body: object) => sb.control("PATCH", `tenants/${DEMO_TENANT_ID}/applications/${DEMO_CLIENT_ID}`, body);

/** The mailbox's raw row, read with SQL rather than through the models. */
async function rawMailbox(id: string) {
  const [row] = await db.$queryRawUnsafe<Array<Record<string, unknown>>>(`SELECT * FROM "Mailbox" WHERE id = $1`, id);
  return row;
}

/** What Connect may have written: the stored sign-in, who it is, and the audit trail. */
async function stored(mailboxId: string, workspaceId: string) {
  const row = await rawMailbox(mailboxId);
  const events = await db.auditEvent.findMany({ where: { workspaceId, action: { in: ["mailbox.connected", "mailbox.disconnected"] } }, select: { action: true } });
  return { sealed: row.refreshTokenSealed, connectedAs: row.connectedAs, events: events.map((e) => e.action) };
}

const NOTHING_STORED = { sealed: null, connectedAs: null, events: [] };

describe("Connect with Microsoft", () => {
  it("stores the mailbox's refresh token sealed to its row, with who signed in and an audit event", async () => {
    const { owner, actor, boxes, workspace } = await delegatedWorkspace([DEMO_MAILBOXES.sender]);
    const { params, outcome } = await connect(owner, actor, boxes[0]);
    expect(outcome).toEqual({ status: "connected", slug: workspace.slug, mailboxId: boxes[0].id });

    const row = await rawMailbox(boxes[0].id);
    expect(row).toMatchObject({ connectedAs: DEMO_MAILBOXES.sender, status: "UNTESTED", reconnectReason: null });
    expect(row.refreshTokenSealed).toMatch(/^v1\./);
    const refreshToken = openOrNull(row.refreshTokenSealed as string, refreshTokenContext(boxes[0]));
    expect(refreshToken).toMatch(/^1\.A/);
    // Neither the token, the state, nor the code reach any row in plain text.
    const everything = JSON.stringify(
      await Promise.all(
        ["Mailbox", "OAuthState", "AuditEvent"].map((table) => db.$queryRawUnsafe(`SELECT * FROM "${table}" WHERE "workspaceId" = $1`, workspace.id)),
      ),
    );
    for (const value of [refreshToken!, params.get("state")!, params.get("code")!]) expect(everything).not.toContain(value);
    const event = await db.auditEvent.findFirstOrThrow({ where: { workspaceId: workspace.id, action: "mailbox.connected" } });
    expect(event).toMatchObject({ actorId: owner.id, targetId: boxes[0].id, metadata: { connectedAs: DEMO_MAILBOXES.sender, reconnected: false } });
  });

  it("asks Microsoft with PKCE (S256), a fresh state, the delegated scopes and the mailbox as login hint", async () => {
    const { actor, boxes } = await delegatedWorkspace([DEMO_MAILBOXES.sender]);
    const started = await startConnect(actor, boxes[0].id);
    if (!("authorizeUrl" in started)) throw new Error(started.failed);
    const url = new URL(started.authorizeUrl);
    expect(url.origin + url.pathname).toBe(`${sb.url}/login.microsoftonline.com/${DEMO_TENANT_ID}/oauth2/v2.0/authorize`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: DEMO_CLIENT_ID,
      redirect_uri: "http://localhost:3000/api/microsoft/callback",
      response_type: "code",
      code_challenge_method: "S256",
      login_hint: DEMO_MAILBOXES.sender,
      scope: expect.stringMatching(/offline_access.*Mail\.Send.*User\.Read/),
    });
    expect(url.searchParams.get("state")).toMatch(/^[\w-]{43}$/);
    const state = await db.oAuthState.findFirstOrThrow({ where: { mailboxId: boxes[0].id } });
    expect(state.expiresAt.getTime() - state.createdAt.getTime()).toBeCloseTo(STATE_TTL_MS, -3);
    expect(state.codeVerifierSealed).toMatch(/^v1\./);
  });

  it("refuses mailboxes of an application-permission account", async () => {
    const { actor, boxes } = await delegatedWorkspace([DEMO_MAILBOXES.sender]);
    await db.appRegistration.updateMany({ where: { workspaceId: actor.workspaceId }, data: { permissionMode: "APPLICATION" } });
    await expect(startConnect(actor, boxes[0].id)).rejects.toThrow(/application permissions/);
  });
});

describe("each failure ends with the catalog's diagnosis and nothing stored", () => {
  it("redirect URI not registered: Microsoft stops on its own page (AADSTS50011); the unfinished sign-in is visible", async () => {
    const { owner, actor, boxes, workspace } = await delegatedWorkspace([DEMO_MAILBOXES.sender]);
    await patchDemoApp({ redirectUris: ["https://elsewhere.example/callback"] });
    const { response, params } = await signInFor(actor, boxes[0].id, { username: DEMO_MAILBOXES.sender });
    expect(response.status).toBe(400);
    expect(params).toBeNull();
    expect(await response.text()).toContain("AADSTS50011");
    expect(await unfinishedSignIn(boxes[0].id, owner.id)).not.toBeNull();
    expect(await stored(boxes[0].id, workspace.id)).toEqual(NOTHING_STORED);
  });

  it("consent withdrawn before the code is redeemed (AADSTS65001)", async () => {
    const { owner, actor, boxes, workspace } = await delegatedWorkspace([DEMO_MAILBOXES.sender]);
    const { params } = await signInFor(actor, boxes[0].id, { username: DEMO_MAILBOXES.sender });
    await patchDemoApp({ userConsents: [] });
    expect(await completeConnect(params!, owner)).toMatchObject({ status: "failed", code: "AADSTS65001", mailboxId: boxes[0].id });
    expect(await stored(boxes[0].id, workspace.id)).toEqual(NOTHING_STORED);
  });

  it("the user cancels on the consent page (access_denied, AADSTS65004)", async () => {
    const { owner, actor, boxes, workspace } = await delegatedWorkspace([DEMO_MAILBOXES.sender]);
    const { params } = await signInFor(actor, boxes[0].id, { username: DEMO_MAILBOXES.sender, consent: "cancel" });
    expect(params?.get("error")).toBe("access_denied");
    expect(await completeConnect(params!, owner)).toMatchObject({ status: "failed", code: "AADSTS65004" });
    expect(await stored(boxes[0].id, workspace.id)).toEqual(NOTHING_STORED);
  });

  it("a wrong client ID is caught before anyone is sent to Microsoft (AADSTS700016)", async () => {
    const { actor, boxes, workspace } = await delegatedWorkspace([DEMO_MAILBOXES.sender], {
      clientId: "0f0f0f0f-1111-2222-3333-444455556666",
      clientSecret: DEMO_CLIENT_SECRET,
    });
    expect(await startConnect(actor, boxes[0].id)).toEqual({ failed: "AADSTS700016" });
    expect(await db.oAuthState.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });

  it("someone else signs in than the mailbox being connected", async () => {
    const { owner, actor, boxes, workspace } = await delegatedWorkspace([DEMO_MAILBOXES.sender]);
    const { params } = await signInFor(actor, boxes[0].id, { username: DEMO_MAILBOXES.recipient });
    expect(await completeConnect(params!, owner)).toMatchObject({ status: "failed", code: "WRONG_ACCOUNT_SIGNED_IN" });
    expect(await stored(boxes[0].id, workspace.id)).toEqual(NOTHING_STORED);
  });

  it("a forged state redeems nothing", async () => {
    const { owner, actor, boxes, workspace } = await delegatedWorkspace([DEMO_MAILBOXES.sender]);
    const { params } = await signInFor(actor, boxes[0].id, { username: DEMO_MAILBOXES.sender });
    const forged = new URLSearchParams({ code: params!.get("code")!, state: "forged-state-value" });
    expect(await completeConnect(forged, owner)).toEqual({ status: "failed", code: "STATE_INVALID" });
    expect(await stored(boxes[0].id, workspace.id)).toEqual(NOTHING_STORED);
    // The code was never redeemed: the genuine answer still completes.
    expect(await completeConnect(params!, owner)).toMatchObject({ status: "connected" });
  });

  it("a state is used once: the same answer a second time changes nothing", async () => {
    const { owner, actor, boxes, workspace } = await delegatedWorkspace([DEMO_MAILBOXES.sender]);
    const { params } = await connect(owner, actor, boxes[0]);
    const before = await stored(boxes[0].id, workspace.id);
    expect(await completeConnect(params, owner)).toEqual({ status: "failed", code: "STATE_INVALID" });
    expect(await stored(boxes[0].id, workspace.id)).toEqual(before);
  });

  it("a code is used once: replayed with a new state, Microsoft refuses it (AADSTS54005)", async () => {
    const { owner, actor, boxes, workspace } = await delegatedWorkspace([DEMO_MAILBOXES.sender]);
    const first = await connect(owner, actor, boxes[0]);
    await disconnectMailbox(actor, boxes[0].id);
    const started = await startConnect(actor, boxes[0].id);
    const state = "authorizeUrl" in started ? new URL(started.authorizeUrl).searchParams.get("state")! : "";
    const replay = new URLSearchParams({ code: first.params.get("code")!, state });
    expect(await completeConnect(replay, owner)).toMatchObject({ status: "failed", code: "AADSTS54005" });
    expect(await stored(boxes[0].id, workspace.id)).toMatchObject({ sealed: null, connectedAs: null });
  });

  it("only the person who started the sign-in can finish it, and only while still a member", async () => {
    const { owner, actor, boxes, workspace } = await delegatedWorkspace([DEMO_MAILBOXES.sender]);
    const colleague = await createUser("colleague");
    await db.membership.create({ data: { workspaceId: workspace.id, userId: colleague.id, role: "OWNER" } });
    const { params } = await signInFor(actor, boxes[0].id, { username: DEMO_MAILBOXES.sender });
    expect(await completeConnect(params!, colleague)).toEqual({ status: "failed", code: "STATE_INVALID" });
    await db.membership.deleteMany({ where: { workspaceId: workspace.id, userId: owner.id } });
    await expect(completeConnect(params!, owner)).rejects.toBeInstanceOf(WorkspaceNotFoundError);
    expect(await stored(boxes[0].id, workspace.id)).toEqual(NOTHING_STORED);
  });

  it("a state expires after ten minutes", async () => {
    const { owner, boxes, workspace } = await delegatedWorkspace([DEMO_MAILBOXES.sender]);
    const pending = { workspaceId: workspace.id, mailboxId: boxes[0].id, userId: owner.id, codeVerifier: "v".repeat(43) };
    const old = await createOAuthState(pending, new Date(Date.now() - STATE_TTL_MS - 1000));
    expect(await consumeOAuthState(old, owner.id)).toBeNull();
    const live = await createOAuthState(pending);
    expect(await consumeOAuthState(live, owner.id)).toMatchObject({ mailboxId: boxes[0].id, codeVerifier: pending.codeVerifier });
  });
});

describe("key rotation", () => {
  it("re-seals stored sign-ins and pending PKCE verifiers, which still open afterwards", async () => {
    const { owner, actor, boxes, workspace } = await delegatedWorkspace([DEMO_MAILBOXES.sender]);
    await connect(owner, actor, boxes[0]);
    const refreshToken = openOrNull((await rawMailbox(boxes[0].id)).refreshTokenSealed as string, refreshTokenContext(boxes[0]));
    const state = await createOAuthState({ workspaceId: workspace.id, mailboxId: boxes[0].id, userId: owner.id, codeVerifier: "w".repeat(43) });

    const current = defaultKeyring();
    const [first, next] = [...current.keys.values()];
    const report = await rotateAllSealedValues({ keyring: { primary: next, keys: current.keys } });
    expect(report["Mailbox.refreshTokenSealed"].resealed).toBeGreaterThanOrEqual(1);
    expect(report["OAuthState.codeVerifierSealed"].resealed).toBeGreaterThanOrEqual(1);
    const rotated = (await rawMailbox(boxes[0].id)).refreshTokenSealed as string;
    expect(rotated.split(".")[1]).toBe(next.id);
    expect(openOrNull(rotated, refreshTokenContext(boxes[0]))).toBe(refreshToken);
    expect(await consumeOAuthState(state, owner.id)).toMatchObject({ codeVerifier: "w".repeat(43) });
    await rotateAllSealedValues({ keyring: { primary: first, keys: current.keys } });
  });
});

describe("Disconnect", () => {
  it("forgets the stored sign-in and records who did it", async () => {
    const { owner, actor, boxes, workspace } = await delegatedWorkspace([DEMO_MAILBOXES.sender]);
    await connect(owner, actor, boxes[0]);
    await disconnectMailbox(actor, boxes[0].id);
    expect(await stored(boxes[0].id, workspace.id)).toEqual({ sealed: null, connectedAs: null, events: ["mailbox.connected", "mailbox.disconnected"] });
    await expect(disconnectMailbox(actor, boxes[0].id)).rejects.toThrow(/not connected/);
  });
});
