"use server";

import { cookies } from "next/headers";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { signIn, signOut } from "@/lib/auth/config";
import { MICROSOFT_PROVIDER_ID, microsoftSignInSettings } from "@/lib/auth/microsoft/provider";
import { hasSessionCookie } from "@/lib/auth/microsoft/session";

/**
 * Sends the browser to Microsoft. A session this browser still holds (ended elsewhere, or owing its second factor)
 * is ended first: Auth.js would otherwise link the Microsoft account to that session's person on the way back.
 */
export async function signInWithMicrosoftAction(formData: FormData): Promise<void> {
  if (!microsoftSignInSettings()) return;
  if (hasSessionCookie((await cookies()).getAll().map((c) => c.name))) await signOut({ redirect: false });
  await signIn(MICROSOFT_PROVIDER_ID, { redirectTo: safeCallbackUrl(formData.get("callbackUrl")) });
}
