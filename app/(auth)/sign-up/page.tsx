import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getCurrentUser } from "@/lib/auth/current-user";
import { developmentOutbox } from "@/lib/mail/config";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = raw ? safeCallbackUrl(raw) : "/workspaces/new";
  if (await getCurrentUser()) redirect(callbackUrl);
  return <SignUpForm callbackUrl={callbackUrl} outbox={developmentOutbox()} />;
}
