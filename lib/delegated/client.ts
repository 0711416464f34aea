import { openClientSecret } from "@/lib/accounts/client-secret";
import { cloudIdOf, sandboxUrl } from "@/lib/accounts/clouds";
import type { Cloud } from "@/lib/db/generated/prisma/enums";
import { createConfidentialClient } from "@/lib/microsoft/msal";
import { createMicrosoftFetch } from "@/lib/microsoft/transport";

export interface AccountCredentials {
  id: string;
  workspaceId: string;
  cloud: Cloud;
  tenant: string;
  clientId: string;
  clientSecretSealed: string;
}

export const accountCredentialFields = {
  id: true,
  workspaceId: true,
  cloud: true,
  tenant: true,
  clientId: true,
  clientSecretSealed: true,
} as const;

/** Where the account's Microsoft requests and its browser redirects go. */
export const accountCloud = (account: Pick<AccountCredentials, "cloud">) => ({ cloud: cloudIdOf(account.cloud), sandboxUrl: sandboxUrl() });

/**
 * A new MSAL client for one exchange, on the account's own transport. Fresh each time, so its in-memory
 * cache holds nothing but that exchange (which is where MSAL leaves the refresh token).
 */
export function accountClient(account: AccountCredentials) {
  const where = accountCloud(account);
  return createConfidentialClient({
    cloud: where.cloud,
    tenant: account.tenant,
    clientId: account.clientId,
    clientSecret: openClientSecret(account),
    fetch: createMicrosoftFetch(where),
  });
}
