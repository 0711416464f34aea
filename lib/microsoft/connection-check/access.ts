import type { Client } from "@microsoft/microsoft-graph-client";
import type { DateTimePreferences } from "@/lib/format/datetime";
import { checkMailbox, checkSignedInMailbox, userPath } from "./mailbox";
import type { Done } from "./outcome";
import { checkDelegatedPermissions, checkPermissions } from "./permissions";
import { acquireDelegatedToken, acquireToken, type AcquiredToken } from "./token";
import type { DelegatedTokenSource, TokenRequest, TokenSource } from "./types";

/**
 * How a run reaches the mailbox, by the app registration's permission mode: the steps are the same,
 * only what proves each one differs.
 */
export interface Access {
  token(request: Omit<TokenRequest, "skipCache">, now: () => Date, prefs: DateTimePreferences): Promise<Done<AcquiredToken>>;
  permissions(token: AcquiredToken): Done<true>;
  mailbox(graph: Client, mailbox: string, token: AcquiredToken): Promise<Done<true>>;
  /** The mailbox's Graph path, which sendMail is posted under. */
  sender(mailbox: string): string;
}

/** Client credentials: the app acts on any mailbox its application permissions reach. */
export const applicationAccess = (source: TokenSource): Access => ({
  token: (request, now, prefs) => acquireToken(source, request, now, prefs),
  permissions: (token) => checkPermissions(token.roles),
  mailbox: (graph, mailbox, token) => checkMailbox(graph, mailbox, token.roles),
  sender: userPath,
});

/** Delegated: the app acts as the mailbox that signed in, and only as it. */
export const delegatedAccess = (source: DelegatedTokenSource): Access => ({
  token: (request, now, prefs) => acquireDelegatedToken(source, request, now, prefs),
  permissions: (token) => checkDelegatedPermissions(token.scopes),
  mailbox: (graph, mailbox) => checkSignedInMailbox(graph, mailbox),
  sender: () => "/me",
});
