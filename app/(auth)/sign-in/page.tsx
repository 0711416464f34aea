import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getCurrentUser, getSignInAwaitingSecondFactor } from "@/lib/auth/current-user";
import { secondFactorStepPath } from "@/lib/auth/two-factor/sign-in-step";
import { SignInForm } from "./sign-in-form";
import { MicrosoftSignIn } from "./microsoft-sign-in";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; reset?: string; microsoft?: string }> }) {
  const query = await searchParams;
  const callbackUrl = safeCallbackUrl(query.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  if (await getSignInAwaitingSecondFactor()) redirect(secondFactorStepPath(callbackUrl));
  return (
    <Card title="Sign in to forge365">
      {query.reset === "done" ? (
        <Alert tone="success" className="mb-4">
          Your password was changed and every device was signed out. Sign in with the new password.
        </Alert>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} />
      <p className="mt-3 text-center text-sm">
        <Link href="/forgot-password" className="font-semibold text-blue-700 hover:underline">
          Forgot password?
        </Link>
      </p>
      <MicrosoftSignIn callbackUrl={callbackUrl} microsoft={query.microsoft} />
    </Card>
  );
}
