import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/**
 * Sessions are JWT cookies (Auth.js's Credentials provider requires it) that carry only the token of
 * a row here; a cookie whose row is gone is refused, which is how sessions are ended server-side.
 */
export async function createSession(userId: string, meta: { ipAddress?: string; userAgent?: string } = {}) {
  const sessionToken = randomBytes(32).toString("base64url");
  await db.session.create({
    data: {
      sessionToken,
      userId,
      expires: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
      ipAddress: meta.ipAddress,
      userAgent: meta.userAgent?.slice(0, 300),
    },
  });
  return sessionToken;
}

export async function findActiveSession(sessionToken: string) {
  const session = await db.session.findUnique({
    where: { sessionToken },
    select: { userId: true, expires: true },
  });
  if (!session || session.expires <= new Date()) return null;
  return session;
}

export async function endSession(sessionToken: string) {
  await db.session.deleteMany({ where: { sessionToken } });
}

/** Ends every session of a user, except optionally the one making the change. */
export async function endUserSessions(userId: string, options: { except?: string } = {}) {
  await db.session.deleteMany({
    where: { userId, ...(options.except ? { NOT: { sessionToken: options.except } } : {}) },
  });
}
