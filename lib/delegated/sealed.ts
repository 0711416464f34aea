import { open, type SealContext } from "@/lib/crypto";
import { sealedColumns } from "@/lib/crypto/sealed-columns";

/** Each sealed value is bound to its own row, so a copy in another row or workspace does not open. */
export const refreshTokenContext = sealedColumns.refreshToken.context;

export const codeVerifierContext = sealedColumns.codeVerifier.context;

/** A value the vault cannot open counts as absent: the only remedy is to sign in again. */
export function openOrNull(sealed: string | null, context: SealContext): string | null {
  if (!sealed) return null;
  try {
    return open(sealed, context);
  } catch {
    return null;
  }
}
