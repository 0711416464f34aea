import { redirect } from "next/navigation";
import { auth } from "./config";

export interface CurrentUser {
  id: string;
  email: string;
  name: string | null;
  sessionToken: string;
}

async function sessionUser(): Promise<(CurrentUser & { secondFactorPending: boolean }) | null> {
  const session = await auth();
  if (!session?.user?.id) return null;
  return {
    id: session.user.id,
    email: session.user.email ?? "",
    name: session.user.name ?? null,
    sessionToken: session.sessionToken,
    secondFactorPending: session.secondFactorPending,
  };
}

/**
 * The signed-in person, or null. A session that still owes its two-factor code is not signed in here:
 * every page, action and route that asks this sees a visitor, and only the two-factor step sees more.
 */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const user = await sessionUser();
  if (!user || user.secondFactorPending) return null;
  const { secondFactorPending: _, ...current } = user;
  return current;
}

/** For the two-factor step only: the person who passed the first factor and owes a code. */
export async function getSignInAwaitingSecondFactor(): Promise<CurrentUser | null> {
  const user = await sessionUser();
  if (!user?.secondFactorPending) return null;
  const { secondFactorPending: _, ...pending } = user;
  return pending;
}

/** For pages: a visitor without a session is sent to sign in (or to its two-factor step) and brought back afterwards. */
export async function requireUser(returnTo?: string): Promise<CurrentUser> {
  const user = await sessionUser();
  const query = returnTo ? `?callbackUrl=${encodeURIComponent(returnTo)}` : "";
  if (!user) redirect(`/sign-in${query}`);
  if (user.secondFactorPending) redirect(`/sign-in/two-factor${query}`);
  const { secondFactorPending: _, ...current } = user;
  return current;
}
