import { VerifyEmailBanner } from "@/components/auth/verify-email-banner";
import { unverifiedEmail } from "@/lib/auth/verify-email";
import { resendVerificationAction } from "./actions";

/** "Verify your email address", with "Send the link again", for as long as the person has not. */
export async function VerifyEmailNotice({ userId }: { userId: string }) {
  const email = await unverifiedEmail(userId);
  return email ? <VerifyEmailBanner email={email} resend={resendVerificationAction} /> : null;
}
