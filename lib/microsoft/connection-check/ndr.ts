import { diagnose, getEntry, scrub, type Diagnosis } from "@/lib/microsoft/catalog";

/** A message found in the sender's mailbox that returns the test message undelivered. */
export interface NonDeliveryReport {
  subject: string;
  receivedAt: string | null;
  /** Null when the body could not be read (Mail.ReadBasic) or names no enhanced status code. */
  statusCode: string | null;
  /** The line of the report that carries the status code, as Exchange wrote it. */
  reason: string | null;
}

/**
 * Exchange Online's reports quote the refusal as "Remote Server returned '550 5.7.708 Access denied, …'": an SMTP
 * reply code, then the enhanced status code (RFC 3463) that the NDR reference is organised by
 * (https://learn.microsoft.com/exchange/troubleshoot/email-delivery/ndr/non-delivery-reports-in-exchange-online).
 * The reply code is required so a version number or an address in the quoted headers is not taken for one.
 */
const REFUSAL = /\b[45]\d\d[ -]([45]\.\d{1,3}\.\d{1,3})\b/;

export function readReport(subject: string, receivedAt: string | null, body: string | null): NonDeliveryReport {
  const text = body?.replace(/<[^>]*>/g, " ").replace(/&#39;|&apos;/g, "'").replace(/&nbsp;/g, " ") ?? "";
  const match = REFUSAL.exec(text);
  const line = match ? text.slice(text.lastIndexOf("\n", match.index) + 1).split("\n")[0] : null;
  return {
    subject,
    receivedAt,
    statusCode: match?.[1] ?? null,
    reason: line ? line.replace(/\s+/g, " ").trim().slice(0, 300) : null,
  };
}

/** The catalog's entry for the report's status code when it has one, its general advice on bounces otherwise. */
export function bounceDiagnosis(report: NonDeliveryReport): Diagnosis {
  const code = report.statusCode && getEntry(`NDR_${report.statusCode}`) ? `NDR_${report.statusCode}` : "TEST_MAIL_BOUNCED";
  const diagnosis = diagnose(code, { step: "send" });
  const quoted = report.reason ?? report.subject;
  return { ...diagnosis, rawMessage: scrub(quoted) };
}
