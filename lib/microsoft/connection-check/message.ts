import { formatDateTime, type DateTimePreferences } from "@/lib/format/datetime";

export interface TestMessageContext {
  mailbox: string;
  workspaceName?: string;
  sentAt: Date;
  prefs: DateTimePreferences;
  appVersion: string;
  /** Unique to this message, so its bounce can be told apart from every other mail in the mailbox. */
  reference: string;
}

export interface TestMessage {
  subject: string;
  body: string;
  reference: string;
}

/**
 * What the recipient sees. The subject names product, workspace and time so the message can be found (or
 * filtered away) among real mail; the body says that nobody has to do anything. The reference ends the subject
 * because an Exchange non-delivery report repeats the subject of the message it returns.
 */
export function composeTestMessage({ mailbox, workspaceName, sentAt, prefs, appVersion, reference }: TestMessageContext): TestMessage {
  const when = formatDateTime(sentAt, prefs);
  const subject = `${["forge365 connection test", workspaceName, when].filter(Boolean).join(" — ")} (ref ${reference})`;
  const purpose = workspaceName ? ` for the workspace "${workspaceName}"` : "";
  const body = [
    "This is an automatic test message from forge365.",
    "",
    `It was sent to confirm that ${mailbox} can send mail through Microsoft Graph${purpose}.`,
    "No action is needed; you can delete it.",
    "",
    `Sent ${when} by forge365 ${appVersion}. Reference: ${reference}.`,
  ].join("\n");
  return { subject, body, reference };
}
