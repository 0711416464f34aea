import { redirect } from "next/navigation";
import { auth } from "./config";

export interface CurrentUser {
  id: string;
  email: string;
  name: string | null;
  sessionToken: string;
}

export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await auth();
  if (!session?.user?.id) return null;
  return {
    id: session.user.id,
    email: session.user.email ?? "",
    name: session.user.name ?? null,
    sessionToken: session.sessionToken,
  };
}

/** For pages: a visitor without a session is sent to sign in and brought back afterwards. */
export async function requireUser(returnTo?: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  return user;
}
