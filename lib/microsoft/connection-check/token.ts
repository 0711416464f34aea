import { formatDateTime, type DateTimePreferences } from "@/lib/format/datetime";
import { diagnose } from "@/lib/microsoft/catalog";
import type { CloudId } from "@/lib/microsoft/clouds";
import type { UserToken } from "@/lib/microsoft/delegated";
import { acquireAppToken, createConfidentialClient, type AppToken } from "@/lib/microsoft/msal";
import type { Fetch } from "@/lib/microsoft/transport";
import { failed, type Done } from "./outcome";

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

/**
 * Where a delegated account's token for the mailbox comes from: its stored sign-in (refresh token), which the
 * source renews and stores again. null when no sign-in is stored for the mailbox.
 */
export type DelegatedTokenSource = (request: TokenRequest) => Promise<UserToken | null>;

/** A new MSAL client per request: nothing cached, nothing shared between connections. */
export const freshTokenSource: TokenSource = ({ cloud, tenant, clientId, clientSecret, fetch, skipCache }) =>
  acquireAppToken(createConfidentialClient({ cloud, tenant, clientId, clientSecret, fetch }), { cloud, skipCache });

export interface AcquiredToken {
  accessToken: string;
  expiresOn: Date | null;
  acquiredAt: Date;
  /** Application permissions of an app-only token. */
  roles: string[];
  /** Delegated permissions of a token issued for the signed-in mailbox. */
  scopes: string[];
}

type Request = Omit<TokenRequest, "skipCache">;

/** The token itself never leaves the value, only its times and permissions. */
function issued(token: AcquiredToken, kind: string, prefs: DateTimePreferences): Done<AcquiredToken> {
  const { acquiredAt, expiresOn, roles, scopes } = token;
  return {
    status: "passed",
    value: token,
    summary: expiresOn ? `Microsoft issued ${kind}, valid until ${formatDateTime(expiresOn, prefs)}.` : `Microsoft issued ${kind}.`,
    details: {
      acquiredAt: acquiredAt.toISOString(),
      expiresAt: expiresOn?.toISOString() ?? null,
      roles,
      ...(scopes.length ? { scopes } : {}),
    },
  };
}

/** Proves the credential as it is now. */
export async function acquireToken(source: TokenSource, request: Request, now: () => Date, prefs: DateTimePreferences): Promise<Done<AcquiredToken>> {
  const token = await source({ ...request, skipCache: true });
  return issued({ ...token, acquiredAt: now(), scopes: [] }, "an app-only token", prefs);
}

/** Proves the mailbox's stored sign-in as it is now: refreshing it asks Entra whether it still stands. */
export async function acquireDelegatedToken(
  source: DelegatedTokenSource,
  request: Request,
  now: () => Date,
  prefs: DateTimePreferences,
): Promise<Done<AcquiredToken>> {
  const token = await source({ ...request, skipCache: true });
  if (!token) return failed(diagnose("MAILBOX_NOT_CONNECTED", { step: "token" }));
  return issued({ ...token, acquiredAt: now(), roles: [] }, "a token for the mailbox's saved sign-in", prefs);
}
