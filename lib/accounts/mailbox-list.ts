import { z } from "zod";

const emailFormat = z.email();
export const MAX_MAILBOXES_PER_PASTE = 500;

export interface MailboxEntry {
  address: string;
  line: number;
}

export interface MailboxListResult {
  entries: MailboxEntry[];
  problems: string[];
}

/**
 * Reads addresses pasted one per line, or separated by commas, semicolons or tabs (a spreadsheet
 * column or row). Each problem names the line it is on, so a long paste can be fixed in place.
 */
export function parseMailboxList(text: string): MailboxListResult {
  const entries: MailboxEntry[] = [];
  const problems: string[] = [];
  const firstSeen = new Map<string, number>();
  text.split(/\r?\n/).forEach((line, index) => {
    const lineNumber = index + 1;
    for (const raw of line.split(/[,;\t]/)) {
      const candidate = raw.trim().replace(/^<(.*)>$/, "$1").replace(/^mailto:/i, "");
      if (!candidate) continue;
      const address = candidate.toLowerCase();
      if (address.length > 254 || !emailFormat.safeParse(address).success) {
        problems.push(`Line ${lineNumber}: "${truncate(candidate)}" is not an email address.`);
        continue;
      }
      const earlier = firstSeen.get(address);
      if (earlier !== undefined) {
        problems.push(`Line ${lineNumber}: ${address} is a duplicate of line ${earlier}.`);
        continue;
      }
      firstSeen.set(address, lineNumber);
      entries.push({ address, line: lineNumber });
    }
  });
  if (entries.length > MAX_MAILBOXES_PER_PASTE) {
    problems.push(`At most ${MAX_MAILBOXES_PER_PASTE} mailboxes at a time; this list has ${entries.length}.`);
  }
  return { entries, problems };
}

function truncate(value: string) {
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}

/** A zod field for the pasted list: at least one address, every problem reported. */
export function mailboxListField({ required }: { required: boolean }) {
  return z
    .string({ error: "Enter one or more mailbox addresses." })
    .max(100_000, "This list is too long; add at most 500 mailboxes at a time.")
    .transform((text, ctx) => {
      const { entries, problems } = parseMailboxList(text);
      for (const message of problems) ctx.addIssue({ code: "custom", message });
      if (required && entries.length === 0 && problems.length === 0) {
        ctx.addIssue({ code: "custom", message: "Enter at least one mailbox address, like sales@contoso.com." });
      }
      return entries;
    });
}
