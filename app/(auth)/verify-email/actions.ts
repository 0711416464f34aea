"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { runParsed } from "@/lib/actions/run";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { signIn } from "@/lib/auth/config";
import { getCurrentUser } from "@/lib/auth/current-user";
import { tooManyMailRequests } from "@/lib/auth/rate-limit-message";
import { clientIp } from "@/lib/auth/request-meta";
import { resendVerification } from "@/lib/auth/sign-up";
import { accountMailer } from "@/lib/mail/account-mails";

const linkSchema = z.object({ token: z.string().min(20, "This link is not valid.").max(100, "This link is not valid.") });

const refusals: Record<string, string> = {
  invalid_link: "This link has expired or was already used. Sign in to get a new one.",
  address_changed: "This link was sent to an address your account no longer uses. Sign in to get a new one.",
};

/** Uses the verification link and signs its person in (the email-link provider in lib/auth/config.ts). */
export async function verifyEmailAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runParsed(
    linkSchema,
    formData,
    async ({ token }) => {
      try {
        await signIn("email-link", { token, redirectTo: safeCallbackUrl(formData.get("callbackUrl") ?? "/workspaces") });
      } catch (error) {
        if (error instanceof AuthError) {
          const code = (error as AuthError & { code?: string }).code ?? "";
          return { ok: false, error: refusals[code] ?? refusals.invalid_link };
        }
        throw error;
      }
      return { ok: true, data: undefined };
    },
    "auth.verifyEmail",
  );
}

/** "Send the link again", limited like sign-up. */
export async function resendVerificationAction(_previous: ActionResult | null): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: "Sign in to get a new link." };
  const result = await resendVerification(user, { ipAddress: clientIp(await headers()) }, accountMailer);
  if (result.ok) return { ok: true, data: undefined, message: `We sent a new link to ${result.email}. It works for 24 hours.` };
  if (result.reason === "already_verified") return { ok: true, data: undefined, message: "Your email address is already verified." };
  return { ok: false, error: tooManyMailRequests(result.retryAfterMinutes) };
}
