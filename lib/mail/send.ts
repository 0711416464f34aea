import { logError } from "@/lib/log";
import { mailTransportConfig } from "./config";
import type { OutgoingMail } from "./message";
import { sendFromManagedMailbox } from "./microsoft365";
import { sendBySmtp } from "./smtp";

export type MailDelivery = { sent: true } | { sent: false; reference: string };

/**
 * Sends one of forge365's own mails through the configured transport (lib/mail/config.ts). A failure is
 * logged with a reference and returned, never thrown: the pages that send answer the same either way, so
 * that whether a mail went out reveals nothing about an account. The log names the mail's purpose, never
 * its body, which holds a link that is a credential.
 */
export async function sendMail(mail: OutgoingMail): Promise<MailDelivery> {
  const transport = mailTransportConfig();
  try {
    if (!transport) throw new Error("No mail transport is configured: set SMTP_URL, or MAIL_FROM and MAIL_WORKSPACE.");
    if (transport.kind === "smtp") await sendBySmtp(transport, mail);
    else await sendFromManagedMailbox(transport, mail);
    return { sent: true };
  } catch (error) {
    return { sent: false, reference: logError(error, { mail: mail.purpose, transport: transport?.kind }) };
  }
}
