/**
 * The mails sign-up and password reset send, as lib/auth needs them. lib/mail implements it
 * (`accountMailer`); it is handed in rather than imported because sending through a managed Microsoft 365
 * mailbox reaches the accounts and workspaces, which themselves build on lib/auth.
 */
export interface AccountMailer {
  /** A link that verifies `to` and signs its person in. */
  verifyEmail(to: string, link: string): Promise<unknown>;
  /** Someone tried to sign up with `to`, which already has an account. */
  alreadyRegistered(to: string, at: Date): Promise<unknown>;
  /** A link that sets a new password. */
  resetPassword(to: string, link: string): Promise<unknown>;
}
