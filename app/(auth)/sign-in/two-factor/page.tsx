import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getCurrentUser, getSignInAwaitingSecondFactor } from "@/lib/auth/current-user";
import { TwoFactorStepForm } from "./two-factor-step-form";

export const metadata: Metadata = { title: "Two-factor sign-in" };

export default async function TwoFactorStepPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const pending = await getSignInAwaitingSecondFactor();
  if (!pending) redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  return (
    <Card title="Two-factor sign-in" description={`Signing in as ${pending.email}.`}>
      <TwoFactorStepForm callbackUrl={callbackUrl} />
    </Card>
  );
}
