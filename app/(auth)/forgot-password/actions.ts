"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/actions/result";
import { runParsed } from "@/lib/actions/run";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { tooManyMailRequests } from "@/lib/auth/rate-limit-message";
import { clientIp } from "@/lib/auth/request-meta";
import { passwordResetRequestSchema, passwordResetSchema } from "@/lib/auth/schemas";
import { accountMailer } from "@/lib/mail/account-mails";

/** The same answer whether or not the address has an account. */
export async function requestPasswordResetAction(_previous: ActionResult<{ email: string }> | null, formData: FormData): Promise<ActionResult<{ email: string }>> {
  return runParsed(
    passwordResetRequestSchema,
    formData,
    async ({ email }) => {
      const result = await requestPasswordReset(email, { ipAddress: clientIp(await headers()) }, accountMailer);
      if (!result.ok) return { ok: false, error: tooManyMailRequests(result.retryAfterMinutes), values: { email } };
      return { ok: true, data: { email } };
    },
    "auth.requestPasswordReset",
  );
}

export async function resetPasswordAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runParsed(
    passwordResetSchema,
    formData,
    async ({ token, newPassword }) => {
      const result = await resetPassword(token, newPassword);
      if (!result.ok) return { ok: false, error: "This link has expired or was already used. Ask for a new one." };
      redirect("/sign-in?reset=done");
    },
    "auth.resetPassword",
  );
}
