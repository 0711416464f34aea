"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/actions/result";
import { runParsed } from "@/lib/actions/run";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getSignInAwaitingSecondFactor } from "@/lib/auth/current-user";
import { clientIp } from "@/lib/auth/request-meta";
import { completeSecondFactor } from "@/lib/auth/sessions";
import { signInCodeSchema } from "@/lib/auth/two-factor/schemas";
import { checkSignInCode } from "@/lib/auth/two-factor/second-factor";

export type SignInCodeResult = ActionResult<{ continueTo: string; remainingRecoveryCodes: number }>;

/**
 * The sign-in's second step. A code from the app continues at once; a recovery code first says how
 * many are left, since running out of them is how a person with a lost phone gets locked out.
 */
export async function signInCodeAction(_previous: SignInCodeResult | null, formData: FormData): Promise<SignInCodeResult> {
  const pending = await getSignInAwaitingSecondFactor();
  if (!pending) return { ok: false, error: "This sign-in has ended. Sign in again with your password." };
  return runParsed(
    signInCodeSchema,
    formData,
    async ({ code }): Promise<SignInCodeResult> => {
      const result = await checkSignInCode({ id: pending.id, email: pending.email, ipAddress: clientIp(await headers()) }, code);
      if (!result.ok) {
        if (result.reason === "rate_limited") {
          const minutes = result.retryAfterMinutes;
          return { ok: false, error: `Too many wrong codes. For your security, sign-in is paused for ${minutes} minute${minutes === 1 ? "" : "s"}; try again then.` };
        }
        const message = "That code is not right, or it was already used.";
        return { ok: false, error: message, fieldErrors: { code: [message] } };
      }
      await completeSecondFactor(pending.sessionToken);
      const continueTo = safeCallbackUrl(formData.get("callbackUrl"));
      if (result.method === "totp") redirect(continueTo);
      return {
        ok: true,
        data: { continueTo, remainingRecoveryCodes: result.remainingRecoveryCodes },
        message: `Signed in with a recovery code. It no longer works; you have ${result.remainingRecoveryCodes} left.`,
      };
    },
    "auth.twoFactor",
  );
}
