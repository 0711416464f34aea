"use server";

import { AuthError } from "next-auth";
import type { ActionResult } from "@/lib/actions/result";
import { runParsed } from "@/lib/actions/run";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { signIn, signOut } from "@/lib/auth/config";
import { signUp } from "@/lib/auth/users";
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
  try {
    await signIn("credentials", { email, password, redirectTo: safeCallbackUrl(callbackUrl) });
  } catch (error) {
    if (error instanceof AuthError) return { ok: false, error: signInRefusal(error), values: { email } };
    throw error;
  }
  return { ok: true, data: undefined };
}

export async function signInAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runParsed(signInSchema, formData, (input) => signInAndRedirect(input.email, input.password, formData.get("callbackUrl")), "auth.signIn");
}

export async function signUpAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runParsed(
    signUpSchema,
    formData,
    async (input) => {
      const created = await signUp(input);
      if (!created.ok) {
        return {
          ok: false,
          error: "An account with this email already exists. Sign in instead.",
          fieldErrors: { email: ["An account with this email already exists."] },
          values: { name: input.name, email: input.email },
        };
      }
      return signInAndRedirect(input.email, input.password, formData.get("callbackUrl") ?? "/workspaces/new");
    },
    "auth.signUp",
  );
}

export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in" });
}
