import type { Client } from "@microsoft/microsoft-graph-client";
import type { Diagnosis } from "@/lib/microsoft/catalog";
import { checkMailbox, checkSignedInMailbox, userPath } from "./mailbox";
import type { Done } from "./outcome";
import { appMailReading, checkDelegatedPermissions, checkPermissions, delegatedMailReading, type MailReading } from "./permissions";
import { explainRefusal } from "./refusal";
import { acquireDelegatedToken, acquireToken, type AcquiredToken, type TokenAsk } from "./token";
import type { DelegatedTokenSource, TokenSource } from "./types";

/**
 * How a run reaches the mailbox, by the app registration's permission mode: the steps are the same,
 * only what proves each one differs.
 */
export interface Access {
  /** Within the deadline, which decides whether a passing refusal of Entra's is worth waiting out. */
  token(ask: TokenAsk): Promise<Done<AcquiredToken>>;
  permissions(token: AcquiredToken): Done<true>;
  mailbox(graph: Client, mailbox: string, token: AcquiredToken): Promise<Done<true>>;
  /** The mailbox's Graph path, which sendMail is posted under. */
  sender(mailbox: string): string;
  /** Advice for Graph's refusal of the send that Graph's own code cannot give, if any. */
  refusal(err: unknown, token: AcquiredToken): Diagnosis | undefined;
  /** What the token lets the app read in the sender's mailbox, where a bounce would land. */
  mailReading(token: AcquiredToken): MailReading;
}

/** Client credentials: the app acts on any mailbox its application permissions reach. */
export const applicationAccess = (source: TokenSource): Access => ({
  token: (ask) => acquireToken(source, ask),
  permissions: (token) => checkPermissions(token.roles),
  mailbox: (graph, mailbox, token) => checkMailbox(graph, mailbox, token.roles),
  sender: userPath,
  refusal: (err, token) => explainRefusal(err, token.roles),
  mailReading: (token) => appMailReading(token.roles),
});

/** Delegated: the app acts as the mailbox that signed in, and only as it. */
export const delegatedAccess = (source: DelegatedTokenSource): Access => ({
  token: (ask) => acquireDelegatedToken(source, ask),
  permissions: (token) => checkDelegatedPermissions(token.scopes),
  mailbox: (graph, mailbox) => checkSignedInMailbox(graph, mailbox),
  sender: () => "/me",
  // The signed-in account is the mailbox: Graph's refusal means what its code says.
  refusal: () => undefined,
  mailReading: (token) => delegatedMailReading(token.scopes),
});
