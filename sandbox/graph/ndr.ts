import { randomToken } from "../core/ids";
import type { OutboundBlock, User } from "../core/schema";
import type { DirectoryTenant, InternetMessageHeader, MailMessage, Recipient } from "../core/state";
import { escapeHtml } from "../ui/html";
import { graphDateTime } from "./date-time";

/**
 * Why Exchange Online bounced a message it had accepted. Codes, their text and their causes are those of Microsoft's
 * NDR reference: https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online
 */
export interface BounceReason {
  /** The enhanced status code (RFC 3463). */
  code: string;
  /** What the server answered, as the NDR's diagnostic section quotes it. */
  response: string;
  cause: string;
}

const REASONS = {
  // https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-1-8-in-exchange-online
  restrictedSender: {
    code: "5.1.8",
    response: "550 5.1.8 Access denied, bad outbound sender",
    cause: "The account has been blocked for sending too much spam. Typically, this problem occurs because the account has been compromised (hacked) by phishing or malware.",
  },
  // https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-700-through-5-7-750
  tenantExceededThreshold: {
    code: "5.7.705",
    response: "550 5.7.705 Access denied, tenant has exceeded threshold",
    cause: "This message occurs when too much spam or bulk mail has been sent by your organization and we place a block on outgoing mail.",
  },
  lowReputationIp: {
    code: "5.7.708",
    response: "550 5.7.708 Access denied, traffic not accepted from this IP",
    cause: "This error occurs when sending email from known, low reputation IP addresses that are typically used by new customers.",
  },
  // The reference lists 5.1.90 without an SMTP reply code, so none is invented here; the cause is the NDR text of
  // https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-for-submission-quota-exceeded-in-exchange-online
  recipientRateLimit: {
    code: "5.1.90",
    response: "5.1.90 Your message can't be sent because you've reached your daily limit for message recipients",
    cause: "The message can't be submitted because the sender's submission quota was exceeded.",
  },
} satisfies Record<OutboundBlock | "restrictedSender" | "recipientRateLimit", BounceReason>;

/** Why a message from this sender will bounce before reaching anyone, if it will: the tenant's block, then the sender's. */
export function blockedSending(tenant: DirectoryTenant, sender: User): BounceReason | undefined {
  if (tenant.outboundBlock) return REASONS[tenant.outboundBlock];
  if (sender.restrictedSender) return REASONS.restrictedSender;
  return undefined;
}

export const RECIPIENT_RATE_LIMIT = REASONS.recipientRateLimit;

/** Exchange Online's system mailbox signs its NDRs: https://learn.microsoft.com/graph/api/message-move (example response). */
const postmaster = (tenant: DirectoryTenant): Recipient => {
  const domain = (tenant.domains.find((d) => d.isDefault) ?? tenant.domains[0]).name;
  return { emailAddress: { name: "Microsoft Outlook", address: `MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@${domain}` } };
};

/** A host name in Exchange Online's style that says where it comes from. */
const GENERATING_SERVER = "SANDBOX01MB0001.namprd00.prod.outlook.com";

/**
 * The NDR that lands in the sender's Inbox: "Undeliverable: <subject>" from "Microsoft Outlook", addressed to the
 * original recipients as Graph shows it (message-move example), with the NDR's documented sections — the failed
 * recipients, the cause, "Diagnostic information for administrators" (generating server, each rejected recipient
 * and the server's answer, in the "Server at … returned '…'" form of current NDRs:
 * https://github.com/FundersClub/fire/issues/441) and the original message headers, Message-ID included, so a
 * client can match the bounce to what it sent.
 */
export function nonDeliveryReport(tenant: DirectoryTenant, original: MailMessage, reason: BounceReason, visibleAt: number): Omit<MailMessage, "id" | "ownerId"> {
  const at = graphDateTime(visibleAt);
  const failed = [...original.toRecipients, ...original.ccRecipients, ...original.bccRecipients].map((r) => r.emailAddress.address);
  const headers: InternetMessageHeader[] = [
    { name: "From", value: `${original.from.emailAddress.name ?? ""} <${original.from.emailAddress.address}>` },
    { name: "To", value: original.toRecipients.map((r) => r.emailAddress.address).join(", ") },
    { name: "Subject", value: original.subject },
    { name: "Date", value: new Date(original.sentDateTime).toUTCString() },
    { name: "Message-ID", value: original.internetMessageId },
    ...original.internetMessageHeaders,
  ];
  const lines = [
    "Delivery has failed to these recipients or groups:",
    "",
    ...failed.map((a) => `${a} (${a})`),
    reason.cause,
    "",
    "Diagnostic information for administrators:",
    "",
    `Generating server: ${GENERATING_SERVER}`,
    "",
    ...failed.flatMap((a) => [a, `${new Date(visibleAt).toUTCString()} - Server at ${GENERATING_SERVER} returned '${reason.response}'`, ""]),
    "Original message headers:",
    "",
    ...headers.map((h) => `${h.name}: ${h.value}`),
  ];
  const from = postmaster(tenant);
  return {
    folder: "inbox",
    visibleAt,
    createdDateTime: at,
    receivedDateTime: at,
    sentDateTime: at,
    subject: `Undeliverable: ${original.subject}`,
    body: { contentType: "html", content: `<html><body><pre>${escapeHtml(lines.join("\r\n"))}</pre></body></html>` },
    from,
    sender: from,
    toRecipients: original.toRecipients,
    ccRecipients: [],
    bccRecipients: [],
    internetMessageId: `<${randomToken(18)}@${GENERATING_SERVER}>`,
    internetMessageHeaders: [],
    conversationId: `AAQk${randomToken(48)}`,
  };
}
