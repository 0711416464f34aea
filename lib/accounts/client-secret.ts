import { type Keyring, open, seal, secretHint, type SealContext } from "@/lib/crypto";

/** Where a client secret lives: sealed into its own row, so it opens nowhere else. */
function context(workspaceId: string, appRegistrationId: string): SealContext {
  return { workspaceId, table: "AppRegistration", recordId: appRegistrationId, field: "clientSecret" };
}

export function sealClientSecret(workspaceId: string, appRegistrationId: string, secret: string) {
  return { clientSecretSealed: seal(secret, context(workspaceId, appRegistrationId)), clientSecretHint: secretHint(secret) };
}

/** The only way to read a stored secret; used when a token is requested, never for display. */
export function openClientSecret(account: { id: string; workspaceId: string; clientSecretSealed: string }, keyring?: Keyring) {
  return open(account.clientSecretSealed, context(account.workspaceId, account.id), keyring);
}

export const clientSecretContext = context;
