import { type Keyring, secretHint } from "@/lib/crypto";
import { sealedColumns } from "@/lib/crypto/sealed-columns";

/** A client secret is sealed into its own row, so it opens nowhere else. */
const column = sealedColumns.clientSecret;

export function sealClientSecret(workspaceId: string, appRegistrationId: string, secret: string) {
  return { clientSecretSealed: column.seal({ id: appRegistrationId, workspaceId }, secret), clientSecretHint: secretHint(secret) };
}

/** The only way to read a stored secret; used when a token is requested, never for display. */
export function openClientSecret(account: { id: string; workspaceId: string; clientSecretSealed: string }, keyring?: Keyring) {
  return column.open(account, account.clientSecretSealed, keyring);
}

export function clientSecretContext(workspaceId: string, appRegistrationId: string) {
  return column.context({ id: appRegistrationId, workspaceId });
}
