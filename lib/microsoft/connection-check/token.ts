import { formatDateTime, type DateTimePreferences } from "@/lib/format/datetime";
import { diagnose } from "@/lib/microsoft/catalog";
import { acquireAppToken, createConfidentialClient } from "@/lib/microsoft/msal";
import type { Deadline } from "./deadline";
import { failed, type Done } from "./outcome";
import { withOneRetry } from "./token-retry";
import type { DelegatedTokenSource, TokenRequest, TokenSource } from "./types";

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

/** What both kinds of token request need: the connection, the run's clock and date format, and its deadline. */
export interface TokenAsk {
  request: Request;
  now: () => Date;
  prefs: DateTimePreferences;
  deadline: Deadline;
}

/** Asks Entra anew (never from a cache), with one retry of a transient refusal that fits the deadline. */
function askAnew<T>(source: (request: TokenRequest) => Promise<T>, { request, deadline }: TokenAsk): Promise<T> {
  return withOneRetry((fetch) => source({ ...request, fetch, skipCache: true }), request.fetch, deadline);
}

/** Proves the credential as it is now. */
export async function acquireToken(source: TokenSource, ask: TokenAsk): Promise<Done<AcquiredToken>> {
  const token = await askAnew(source, ask);
  return issued({ ...token, acquiredAt: ask.now(), scopes: [] }, "an app-only token", ask.prefs);
}

/** Proves the mailbox's stored sign-in as it is now: refreshing it asks Entra whether it still stands. */
export async function acquireDelegatedToken(source: DelegatedTokenSource, ask: TokenAsk): Promise<Done<AcquiredToken>> {
  const token = await askAnew(source, ask);
  if (!token) return failed(diagnose("MAILBOX_NOT_CONNECTED", { step: "token" }));
  return issued({ ...token, acquiredAt: ask.now(), roles: [] }, "a token for the mailbox's saved sign-in", ask.prefs);
}
