"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/actions/result";
import { runParsed } from "@/lib/actions/run";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { signIn, signOut } from "@/lib/auth/config";
import { secondFactorStepPath, signInOwesSecondFactor } from "@/lib/auth/two-factor/sign-in-step";
import { headers } from "next/headers";
import { clientIp } from "@/lib/auth/request-meta";
import { signUp } from "@/lib/auth/sign-up";
import { tooManyMailRequests } from "@/lib/auth/rate-limit-message";
import { accountMailer } from "@/lib/mail/account-mails";
import { signInSchema, signUpSchema } from "@/lib/auth/schemas";

function signInRefusal(error: AuthError): string {
  const code = (error as AuthError & { code?: string }).code ?? "";
  const minutes = /^rate_limited_(\d+)$/.exec(code)?.[1];
  if (minutes) {
    return `Too many sign-in attempts. For your security, sign-in is paused for ${minutes} minute${minutes === "1" ? "" : "s"}; try again then.`;
  }
  return "The email or password is incorrect.";
}

async function signInAndRedirect(email: string, password: string, callbackUrl: unknown): Promise<ActionResult> {
  const to = safeCallbackUrl(callbackUrl);
  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) return { ok: false, error: signInRefusal(error), values: { email } };
    throw error;
  }
  // With two-factor sign-in on, the session just made still owes a code: straight to that step.
  redirect((await signInOwesSecondFactor(email)) ? secondFactorStepPath(to) : to);
}

export async function signInAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runParsed(signInSchema, formData, (input) => signInAndRedirect(input.email, input.password, formData.get("callbackUrl")), "auth.signIn");
}

/** The same answer whether or not the address has an account: the mail says which it was. */
export async function signUpAction(_previous: ActionResult<{ email: string }> | null, formData: FormData): Promise<ActionResult<{ email: string }>> {
  return runParsed(
    signUpSchema,
    formData,
    async (input) => {
      const request = { ipAddress: clientIp(await headers()), callbackUrl: safeCallbackUrl(formData.get("callbackUrl") ?? "/workspaces/new") };
      const result = await signUp(input, request, accountMailer);
      if (!result.ok) {
        return { ok: false, error: tooManyMailRequests(result.retryAfterMinutes), values: { name: input.name, email: input.email } };
      }
      return { ok: true, data: { email: input.email } };
    },
    "auth.signUp",
  );
}

export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in" });
}
