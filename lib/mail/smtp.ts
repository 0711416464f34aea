import nodemailer from "nodemailer";
import type { OutgoingMail } from "./message";

/**
 * Sends through the SMTP server SMTP_URL names (smtp:// upgrades with STARTTLS when the server offers it,
 * smtps:// is TLS from the start; credentials in the URL), as multipart/alternative: text and HTML.
 */
export async function sendBySmtp(server: { url: string; from: string }, mail: OutgoingMail): Promise<void> {
  const transport = nodemailer.createTransport(server.url);
  try {
    await transport.sendMail({ from: { name: "forge365", address: server.from }, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
  } finally {
    transport.close();
  }
}
