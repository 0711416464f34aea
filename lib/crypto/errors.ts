export type VaultErrorCode =
  | "keyring_missing"
  | "keyring_invalid"
  | "invalid_context"
  | "malformed"
  | "unknown_key"
  | "auth_failed";

/**
 * Every failure in the vault surfaces as this one type so callers can branch on `code`.
 * Messages may name key ids, variables and file paths, but never plaintext, key material
 * or ciphertext: they end up in logs and, through error catalogs, in front of users.
 */
export class VaultError extends Error {
  override readonly name = "VaultError";

  constructor(
    readonly code: VaultErrorCode,
    message: string,
  ) {
    super(message);
  }
}
