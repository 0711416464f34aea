import { db } from "@/lib/db/client";

/**
 * Who a Microsoft sign-in may be. The link between a Microsoft account and a forge365 person is the Account row
 * (provider, sub): Microsoft's `sub` is stable and pairwise per app (ID token claims reference,
 * https://learn.microsoft.com/entra/identity-platform/id-token-claims-reference). Everything else in the ID token is
 * mutable, and the `email` claim in particular is not verified: a tenant administrator can set any address as a
 * user's email, which is how apps that matched accounts by email were taken over ("nOAuth"; Microsoft's guidance is to
 * not use the email claim for authorization, https://msrc.microsoft.com/blog/2023/06/potential-risk-of-privilege-escalation-in-azure-ad-applications/).
 *
 * So an address counts only when Microsoft vouches for it: the ID token carries `xms_edov: true`, the optional claim
 * "email domain owner verified" ("An email is considered to be domain verified if it belongs to the tenant where the
 * user account resides and the tenant admin has done verification of the domain", optional claims reference,
 * https://learn.microsoft.com/entra/identity-platform/optional-claims-reference). The app registration has to ask for
 * it (Token configuration → Add optional claim → ID → xms_edov); without it nobody new is let in by email.
 *
 * - A Microsoft account already linked signs in as its person.
 * - Otherwise, a forge365 account with the same email is linked only when both sides verified that email: its
 *   `emailVerified` is set, and Microsoft vouches. A person is never joined to an account whose owner has not
 *   proven the address, nor by an address a tenant merely typed in.
 * - Otherwise a new person is created, only when Microsoft vouches for the email: invitations are bound to an
 *   email, so an unverified one would let a tenant administrator accept another person's invitation.
 */
import type { MicrosoftRefusal } from "./messages";

export type { MicrosoftRefusal };

export type MicrosoftSignInDecision = { ok: true } | { ok: false; reason: MicrosoftRefusal };

export interface MicrosoftIdentity {
  /** The ID token's `sub`: Auth.js's providerAccountId. */
  providerAccountId: string;
  email?: string | null;
  /** The ID token's `xms_edov` is true. */
  emailVouched: boolean;
}

export const microsoftVouchesForEmail = (claims: Record<string, unknown> | undefined): boolean => claims?.xms_edov === true;

export async function decideMicrosoftSignIn(provider: string, identity: MicrosoftIdentity): Promise<MicrosoftSignInDecision> {
  const linked = await db.account.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId: identity.providerAccountId } },
    select: { id: true },
  });
  if (linked) return { ok: true };
  const email = identity.email?.trim().toLowerCase();
  if (!email) return { ok: false, reason: "no_email" };
  const existing = await db.user.findUnique({ where: { email }, select: { emailVerified: true } });
  if (existing) return existing.emailVerified && identity.emailVouched ? { ok: true } : { ok: false, reason: "account_exists" };
  return identity.emailVouched ? { ok: true } : { ok: false, reason: "email_not_vouched" };
}
