import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
/** lastSeenAt is written at most this often, so a busy browser does not write on every request. */
const LAST_SEEN_GRANULARITY_MS = 60_000;

export const SIGN_IN_METHODS = ["password", "microsoft", "email_link"] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

export interface SessionStart {
  ipAddress?: string;
  userAgent?: string;
  method?: SignInMethod;
  /** The person passed the first factor and still owes a two-factor code. */
  secondFactorPending?: boolean;
}

/** Only this hash is stored: a copy of the Session table signs no one in. */
export function sessionTokenHash(sessionToken: string): string {
  return createHash("sha256").update(sessionToken, "utf8").digest("hex");
}

/**
 * Sessions are JWT cookies (Auth.js's Credentials provider requires it) that carry only the token of
 * a row here; a cookie whose row is gone is refused, which is how sessions are ended server-side.
 */
export async function createSession(userId: string, start: SessionStart = {}) {
  const sessionToken = randomBytes(32).toString("base64url");
  await db.session.create({
    data: {
      tokenHash: sessionTokenHash(sessionToken),
      userId,
      expires: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
      ipAddress: start.ipAddress,
      userAgent: start.userAgent?.slice(0, 300),
      method: start.method ?? "password",
      secondFactorPending: start.secondFactorPending ?? false,
    },
  });
  return sessionToken;
}

export interface ActiveSession {
  id: string;
  userId: string;
  secondFactorPending: boolean;
}

/** The session behind a token, unless it reached its absolute end or sat idle past SESSION_IDLE_DAYS. */
export async function findActiveSession(sessionToken: string, now = new Date()): Promise<ActiveSession | null> {
  const session = await db.session.findUnique({
    where: { tokenHash: sessionTokenHash(sessionToken) },
    select: { id: true, userId: true, expires: true, lastSeenAt: true, secondFactorPending: true },
  });
  if (!session || session.expires <= now || session.lastSeenAt.getTime() + idleMs() <= now.getTime()) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_GRANULARITY_MS) {
    await db.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return { id: session.id, userId: session.userId, secondFactorPending: session.secondFactorPending };
}

function idleMs() {
  return env().SESSION_IDLE_DAYS * 24 * 60 * 60 * 1000;
}

/** The first day on which a session last seen at `lastSeenAt` counts as idle. */
export function idleSince(now = new Date()) {
  return new Date(now.getTime() - idleMs());
}

/** The two-factor step was passed: the session now opens everything its person may see. */
export async function completeSecondFactor(sessionToken: string) {
  await db.session.updateMany({ where: { tokenHash: sessionTokenHash(sessionToken) }, data: { secondFactorPending: false } });
}

export async function endSession(sessionToken: string) {
  await db.session.deleteMany({ where: { tokenHash: sessionTokenHash(sessionToken) } });
}

/** Ends every session of a user, except optionally the one making the change. */
export async function endUserSessions(userId: string, options: { except?: string } = {}) {
  await db.session.deleteMany({
    where: { userId, ...(options.except ? { NOT: { tokenHash: sessionTokenHash(options.except) } } : {}) },
  });
}
