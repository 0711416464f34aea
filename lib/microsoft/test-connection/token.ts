import { formatDateTime, type DateTimePreferences } from "@/lib/format/datetime";
import type { CloudId } from "@/lib/microsoft/clouds";
import { acquireAppToken, createConfidentialClient, type AppToken } from "@/lib/microsoft/msal";
import type { Fetch } from "@/lib/microsoft/transport";
import type { Done } from "./outcome";

export interface TokenRequest {
  cloud: CloudId;
  tenant: string;
  clientId: string;
  clientSecret: string;
  /** The connection's Microsoft fetch: a client built for this request must send through it. */
  fetch: Fetch;
  skipCache: boolean;
}

/**
 * Where an app-only Graph token comes from. Sending paths pass one backed by a long-lived MSAL client with a
 * persisted cache; a connection test always asks with skipCache, so whatever the source, Entra is asked anew.
 */
export type TokenSource = (request: TokenRequest) => Promise<AppToken>;

/** A new MSAL client per request: nothing cached, nothing shared between connections. */
export const freshTokenSource: TokenSource = ({ cloud, tenant, clientId, clientSecret, fetch, skipCache }) =>
  acquireAppToken(createConfidentialClient({ cloud, tenant, clientId, clientSecret, fetch }), { cloud, skipCache });

export interface AcquiredToken extends AppToken {
  acquiredAt: Date;
}

/** Proves the credential as it is now; the token itself never leaves this value, only its times and roles. */
export async function acquireToken(
  source: TokenSource,
  request: Omit<TokenRequest, "skipCache">,
  now: () => Date,
  prefs: DateTimePreferences,
): Promise<Done<AcquiredToken>> {
  const token = await source({ ...request, skipCache: true });
  const acquiredAt = now();
  const expiresAt = token.expiresOn;
  return {
    status: "passed",
    value: { ...token, acquiredAt },
    summary: expiresAt
      ? `Microsoft issued an app-only token, valid until ${formatDateTime(expiresAt, prefs)}.`
      : "Microsoft issued an app-only token.",
    details: { acquiredAt: acquiredAt.toISOString(), expiresAt: expiresAt?.toISOString() ?? null, roles: token.roles },
  };
}
