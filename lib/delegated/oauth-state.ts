import { createHash, randomBytes } from "node:crypto";
import { newRecordId } from "@/lib/accounts/ids";
import { seal } from "@/lib/crypto";
import { db } from "@/lib/db/client";
import { codeVerifierContext, openOrNull } from "./sealed";

/** As long as Microsoft keeps an authorization code; a sign-in left longer starts over. */
export const STATE_TTL_MS = 10 * 60_000;

const hashState = (state: string) => createHash("sha256").update(state).digest("hex");

export interface PendingSignIn {
  workspaceId: string;
  mailboxId: string;
  userId: string;
  codeVerifier: string;
}

/**
 * A new `state` for one sign-in, bound to who started it and for which mailbox. Only its hash is stored
 * and the PKCE verifier is sealed, so the table alone cannot finish anyone's sign-in.
 */
export async function createOAuthState(pending: PendingSignIn, now = new Date()): Promise<string> {
  const state = randomBytes(32).toString("base64url");
  const id = newRecordId();
  await db.$transaction([
    db.oAuthState.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.oAuthState.create({
      data: {
        id,
        stateHash: hashState(state),
        workspaceId: pending.workspaceId,
        mailboxId: pending.mailboxId,
        userId: pending.userId,
        codeVerifierSealed: seal(pending.codeVerifier, codeVerifierContext({ id, workspaceId: pending.workspaceId })),
        expiresAt: new Date(now.getTime() + STATE_TTL_MS),
      },
    }),
  ]);
  return state;
}

export interface ConsumedState {
  workspaceId: string;
  slug: string;
  mailboxId: string;
  codeVerifier: string;
}

/**
 * Takes a live state once, for the person it was made for; a second use, another person, an expired or an
 * unknown state all get null. The claim is one conditional UPDATE, so two requests cannot both win it.
 */
export async function consumeOAuthState(state: string, userId: string, now = new Date()): Promise<ConsumedState | null> {
  const stateHash = hashState(state);
  const { count } = await db.oAuthState.updateMany({ where: { stateHash, userId, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (count === 0) return null;
  const row = await db.oAuthState.findUnique({
    where: { stateHash },
    select: { id: true, workspaceId: true, mailboxId: true, codeVerifierSealed: true, workspace: { select: { slug: true } } },
  });
  const codeVerifier = row && openOrNull(row.codeVerifierSealed, codeVerifierContext(row));
  if (!row || !codeVerifier) return null;
  return { workspaceId: row.workspaceId, slug: row.workspace.slug, mailboxId: row.mailboxId, codeVerifier };
}

/** A sign-in this person started for the mailbox and never finished: Microsoft may have stopped it on its own page. */
export function unfinishedSignIn(mailboxId: string, userId: string, now = new Date()) {
  return db.oAuthState.findFirst({ where: { mailboxId, userId, usedAt: null, expiresAt: { gt: now } }, select: { createdAt: true } });
}
