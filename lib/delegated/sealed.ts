import { open, type SealContext } from "@/lib/crypto";

/** Each sealed value is bound to its own row, so a copy in another row or workspace does not open. */
export const refreshTokenContext = (mailbox: { id: string; workspaceId: string }): SealContext => ({
  workspaceId: mailbox.workspaceId,
  table: "Mailbox",
  recordId: mailbox.id,
  field: "refreshToken",
});

export const codeVerifierContext = (state: { id: string; workspaceId: string }): SealContext => ({
  workspaceId: state.workspaceId,
  table: "OAuthState",
  recordId: state.id,
  field: "codeVerifier",
});

/** A value the vault cannot open counts as absent: the only remedy is to sign in again. */
export function openOrNull(sealed: string | null, context: SealContext): string | null {
  if (!sealed) return null;
  try {
    return open(sealed, context);
  } catch {
    return null;
  }
}
