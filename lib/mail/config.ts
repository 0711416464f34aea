import { env, type EnvSource } from "@/lib/env";

export type MailTransportConfig =
  | { kind: "smtp"; url: string; from: string }
  /** A mailbox forge365 manages: the Microsoft 365 mailbox `from` of the workspace `workspace` (its slug). */
  | { kind: "microsoft365"; workspace: string; from: string };

/**
 * What `npm run dev` sends through when nothing is configured: the seeded demo workspace's sender mailbox
 * (scripts/seed-demo.ts), in the sandbox, so every mail of a development instance can be read there.
 */
export const DEVELOPMENT_MAIL_SENDER = { workspace: "acme-sandbox", from: "adele.vance@contoso.onmicrosoft.com" } as const;

/**
 * SMTP_URL wins; otherwise MAIL_FROM names a mailbox of MAIL_WORKSPACE. Production refuses to start
 * without one of them (lib/env.ts), so the development sender is only ever a development fallback.
 */
export function mailTransportConfig(source?: EnvSource): MailTransportConfig | undefined {
  const { SMTP_URL, MAIL_FROM, MAIL_WORKSPACE, NODE_ENV } = env(source);
  if (SMTP_URL) return { kind: "smtp", url: SMTP_URL, from: MAIL_FROM ?? "no-reply@localhost" };
  if (MAIL_FROM && MAIL_WORKSPACE) return { kind: "microsoft365", workspace: MAIL_WORKSPACE, from: MAIL_FROM };
  if (NODE_ENV === "production") return undefined;
  return { kind: "microsoft365", workspace: MAIL_WORKSPACE ?? DEVELOPMENT_MAIL_SENDER.workspace, from: MAIL_FROM ?? DEVELOPMENT_MAIL_SENDER.from };
}

/**
 * Where a person reads forge365's mail in development: the sandbox keeps mail to outside addresses on its
 * `/outbound` page. Undefined whenever the mail really leaves (SMTP, production).
 */
export function developmentOutbox(source?: EnvSource): string | undefined {
  const { NODE_ENV, M365_SANDBOX_URL } = env(source);
  if (NODE_ENV !== "development" || !M365_SANDBOX_URL || mailTransportConfig(source)?.kind !== "microsoft365") return undefined;
  return `${M365_SANDBOX_URL}/outbound`;
}
