import type { SandboxContext } from "../core/context";
import { guid, randomToken } from "../core/ids";
import type { User } from "../core/schema";
import { hasMailbox, type InternetMessageHeader, type ItemBody, type MailMessage, type Recipient } from "../core/state";
import type { Principal } from "./auth";
import { graphDateTime as iso } from "./date-time";
import { blockedSending, nonDeliveryReport, RECIPIENT_RATE_LIMIT } from "./ndr";

export interface Submission {
  subject: string;
  body: ItemBody;
  from: Recipient;
  to: Recipient[];
  cc: Recipient[];
  bcc: Recipient[];
  headers: InternetMessageHeader[];
  saveToSentItems: boolean;
}

const newId = () => `AAMk${randomToken(105)}`;

/**
 * What Exchange does with an accepted message: it leaves when the sending rate allows, then lands in every
 * sandbox recipient's Inbox — or, when the tenant, the sender or its recipient quota is blocked, bounces back to
 * the sender as a non-delivery report instead. The Sent Items copy is saved at once either way.
 */
export function submit(ctx: SandboxContext, p: Principal, sender: User, s: Submission): void {
  const { state } = ctx;
  const now = state.clock.now();
  const departure = state.sending.scheduleMessage(sender.id);
  const everyone = [...s.to, ...s.cc, ...s.bcc];
  const bounce = blockedSending(p.tenant, sender) ?? (state.sending.admitRecipients(sender.id, everyone.length) ? undefined : RECIPIENT_RATE_LIMIT);

  const base = {
    createdDateTime: iso(now),
    sentDateTime: iso(now),
    subject: s.subject,
    body: s.body,
    from: s.from,
    sender: s.from,
    toRecipients: s.to,
    ccRecipients: s.cc,
    internetMessageId: `<${randomToken(18)}@sandbox.outlook.com>`,
    internetMessageHeaders: s.headers,
    conversationId: `AAQk${randomToken(48)}`,
  };
  const sent: MailMessage = { ...base, id: newId(), ownerId: sender.id, folder: "sentitems", visibleAt: now, receivedDateTime: iso(now), bccRecipients: s.bcc };
  if (s.saveToSentItems) state.messages.push(sent);

  const deliveredTo: string[] = [];
  const external: string[] = [];
  if (bounce) {
    const at = departure + state.limits.ndrDelaySeconds * 1000;
    state.messages.push({ ...nonDeliveryReport(p.tenant, sent, bounce, at), id: newId(), ownerId: sender.id });
  } else {
    const delivered = new Set<string>();
    for (const r of everyone) {
      const target = state.findMailbox(r.emailAddress.address);
      if (!target || !hasMailbox(target.user)) {
        external.push(r.emailAddress.address);
        continue;
      }
      if (delivered.has(target.user.id)) continue;
      delivered.add(target.user.id);
      deliveredTo.push(target.user.userPrincipalName);
      state.messages.push({ ...base, id: newId(), ownerId: target.user.id, folder: "inbox", visibleAt: departure, receivedDateTime: iso(departure), bccRecipients: [] });
    }
  }

  state.sent.push({
    id: guid(),
    at: iso(now),
    tenantId: p.tenant.id,
    appId: p.app.appId,
    identity: p.kind,
    senderId: sender.id,
    sender: sender.userPrincipalName,
    from: s.from.emailAddress.address,
    internetMessageId: base.internetMessageId,
    subject: s.subject,
    body: s.body,
    toRecipients: s.to,
    ccRecipients: s.cc,
    bccRecipients: s.bcc,
    deliveredTo,
    external,
    savedToSentItems: s.saveToSentItems,
    deliveredAt: iso(departure),
    ndr: bounce?.code ?? null,
  });
}
