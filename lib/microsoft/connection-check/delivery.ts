import { diagnose } from "@/lib/microsoft/catalog";
import type { BounceCheck } from "./bounce";
import type { TestMessage } from "./message";
import { bounceDiagnosis } from "./ndr";
import { failed, type Done } from "./outcome";
import type { MailReading } from "./permissions";
import type { StepDetails } from "./types";

interface Accepted {
  mailbox: string;
  to: string;
  message: TestMessage;
  httpStatus: number;
  reading: MailReading;
}

/** Why no bounce was looked for, or what the look found, as the end of the send step's sentence. */
function bounceNote({ mailbox, reading }: Accepted, check: Exclude<BounceCheck, { outcome: "bounced" }> | undefined): string {
  if (reading === "none") return `the app may not read ${mailbox}, so forge365 cannot look for one`;
  switch (check?.outcome) {
    case undefined:
      return "this run did not wait for one";
    case "no-time":
      return "no time was left in this test to look for one";
    case "unreadable":
      return `looking for one in ${mailbox} failed (${diagnose(check.error).code})`;
    case "none":
      return `none had reached ${mailbox} after ${Math.round(check.waitedMs / 1000)} s`;
  }
}

/**
 * Microsoft accepted the message. That is not delivery: Exchange can still return it with a non-delivery report
 * (https://learn.microsoft.com/exchange/troubleshoot/email-delivery/ndr/non-delivery-reports-in-exchange-online),
 * so the step says what was looked for, and a bounce that was found fails it with the report's status code.
 */
export function afterAcceptance(sent: Accepted, check: BounceCheck | undefined): Done<true> {
  const details: StepDetails = {
    to: sent.to,
    subject: sent.message.subject,
    reference: sent.message.reference,
    httpStatus: sent.httpStatus,
    saveToSentItems: false,
    bounceCheck: check?.outcome ?? "not-looked",
  };
  if (check?.outcome === "bounced") {
    return failed(bounceDiagnosis(check.report), { ...details, ndrStatusCode: check.report.statusCode, ndrSubject: check.report.subject });
  }
  return {
    status: "passed",
    value: true,
    summary:
      `Microsoft accepted the test message to ${sent.to} (HTTP ${sent.httpStatus}). Accepted is not delivered: it can still ` +
      `bounce, and ${bounceNote(sent, check)}.`,
    details: check?.outcome === "none" ? { ...details, bounceWaitMs: check.waitedMs } : details,
  };
}
