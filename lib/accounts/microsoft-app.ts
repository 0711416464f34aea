import type { ICachePlugin } from "@azure/msal-node";
import type { Cloud } from "@/lib/db/generated/prisma/enums";
import { CLOUD_IDS, CLOUDS, type CloudId } from "@/lib/microsoft/clouds";
import { createConfidentialClient } from "@/lib/microsoft/msal";
import { createMicrosoftFetch } from "@/lib/microsoft/transport";
import { sandboxUrl } from "@/lib/microsoft/sandbox";
import { openClientSecret } from "./client-secret";

/**
 * The one mapping from a stored app registration to what the Microsoft layer takes: which cloud (and
 * so which hosts and transport), tenant, client ID and credential. Everything that talks to Microsoft
 * for an account (Test Connection, a replacement secret's trial, delegated sign-in) starts here.
 */

/** The clouds an account may be stored in: lib/microsoft/clouds.ts's list, as the database's Cloud enum spells it. */
export const STORED_CLOUDS = CLOUD_IDS.map((id) => id.toUpperCase()) as [Cloud, ...Cloud[]];

export const cloudIdOf = (cloud: Cloud): CloudId => cloud.toLowerCase() as CloudId;

export const cloudLabel = (cloud: Cloud) => CLOUDS[cloudIdOf(cloud)].label;

/** The clouds the Add account form offers: the sandbox only where an emulator is configured. */
export function cloudOptions() {
  return STORED_CLOUDS.filter((cloud) => cloud !== "SANDBOX" || sandboxUrl()).map((value) => ({ value, label: cloudLabel(value) }));
}

/** The columns an account's Microsoft requests need; select these, then hand the row to the functions below. */
export const microsoftAppFields = {
  id: true,
  workspaceId: true,
  cloud: true,
  tenant: true,
  clientId: true,
  clientSecretSealed: true,
} as const;

export interface StoredMicrosoftApp {
  id: string;
  workspaceId: string;
  cloud: Cloud;
  tenant: string;
  clientId: string;
  clientSecretSealed: string;
}

/** Where the account's Microsoft requests and its browser redirects go. */
export const microsoftTarget = (account: Pick<StoredMicrosoftApp, "cloud">) => ({ cloud: cloudIdOf(account.cloud), sandboxUrl: sandboxUrl() });

/**
 * The app as the Microsoft layer takes it. The secret is the stored one unless another is being tried
 * (a replacement, before it is saved); null when the vault cannot open the stored one, which Test
 * Connection diagnoses rather than throws.
 */
export function microsoftApp(account: Omit<StoredMicrosoftApp, "clientSecretSealed"> & { clientSecretSealed?: string }, replacementSecret?: string) {
  let clientSecret: string | null = replacementSecret ?? null;
  if (clientSecret === null && account.clientSecretSealed) {
    try {
      clientSecret = openClientSecret({ id: account.id, workspaceId: account.workspaceId, clientSecretSealed: account.clientSecretSealed });
    } catch {
      clientSecret = null;
    }
  }
  return { ...microsoftTarget(account), tenant: account.tenant, clientId: account.clientId, clientSecret };
}

/**
 * A new MSAL client for one exchange, on the account's own transport. Fresh each time, so its in-memory
 * cache holds nothing but that exchange (which is where MSAL leaves the refresh token) — unless a sending
 * path hands it the account's persisted cache, so that it reuses the token every instance shares.
 */
export function confidentialClientFor(account: StoredMicrosoftApp, options: { cachePlugin?: ICachePlugin } = {}) {
  const target = microsoftTarget(account);
  return createConfidentialClient({
    cloud: target.cloud,
    tenant: account.tenant,
    clientId: account.clientId,
    clientSecret: openClientSecret(account),
    fetch: createMicrosoftFetch(target),
    cachePlugin: options.cachePlugin,
  });
}
