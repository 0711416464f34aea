import { db } from "@/lib/db/client";
import { clientIp } from "../request-meta";
import { createSession } from "../sessions";

/**
 * The server-side session of a Microsoft sign-in, as the password path creates one: the cookie carries only its
 * token. Microsoft's sign-in is the first factor only: a person with two-factor sign-in still owes a code.
 * A person just created here was created because Microsoft vouched for the email (linking.ts), so it is verified.
 */
export async function startMicrosoftSession(userId: string, isNewUser: boolean, requestHeaders: Headers): Promise<string> {
  const user = isNewUser
    ? await db.user.update({ where: { id: userId }, data: { emailVerified: new Date() }, select: { totpEnabledAt: true } })
    : await db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpEnabledAt: true } });
  return createSession(userId, {
    ipAddress: clientIp(requestHeaders),
    userAgent: requestHeaders.get("user-agent") ?? undefined,
    method: "microsoft",
    secondFactorPending: user.totpEnabledAt !== null,
  });
}

/** Auth.js's session cookie, chunked or not, with or without the __Secure- prefix (@auth/core lib/utils/cookie.js). */
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export const hasSessionCookie = (names: Iterable<string>): boolean => [...names].some((name) => SESSION_COOKIE.test(name));
