import type { Clock } from "../core/clock";
import type { Limits } from "../core/schema";

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 3600 * 1000;

/**
 * Exchange Online's per-mailbox sending limits
 * (https://learn.microsoft.com/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits#sending-limits-1):
 * - message rate, 30 a minute: "any excess in message submission will be throttled and successively carried over
 *   to the following minutes" — accepted, delivered late, never refused;
 * - recipient rate, 10,000 in a rolling 24 hours: past it "messages can't be sent from the mailbox until the number
 *   of recipients that were sent messages in the past 24 hours drops below the limit". Every addressed recipient
 *   counts, repeated or not (https://github.com/MicrosoftDocs/OfficeDocs-O365ServiceDescriptions/issues/852).
 */
export class SendingLimits {
  /** Per mailbox, ascending: when each accepted message leaves for its recipients. */
  private readonly departures = new Map<string, number[]>();
  private readonly recipients = new Map<string, { at: number; count: number }[]>();

  constructor(
    private readonly limits: () => Limits,
    private readonly clock: Clock,
  ) {}

  /** Books a departure for one more message and returns its time: now, or when the minute before it has room. */
  scheduleMessage(mailbox: string): number {
    const now = this.clock.now();
    const limit = this.limits().messagesPerMinute;
    const booked = (this.departures.get(mailbox) ?? []).filter((t) => t > now - MINUTE_MS);
    // With `limit` departures already in the last minute, the next slot opens a minute after the limit-th latest.
    const at = booked.length < limit ? Math.max(now, booked.at(-1) ?? now) : booked[booked.length - limit] + MINUTE_MS;
    booked.push(at);
    this.departures.set(mailbox, booked);
    return at;
  }

  /** Counts the recipients of a message unless they would take the mailbox past its daily recipient limit. */
  admitRecipients(mailbox: string, count: number): boolean {
    const now = this.clock.now();
    const recent = (this.recipients.get(mailbox) ?? []).filter((r) => r.at > now - DAY_MS);
    this.recipients.set(mailbox, recent);
    const sent = recent.reduce((sum, r) => sum + r.count, 0);
    if (sent + count > this.limits().recipientsPerDay) return false;
    recent.push({ at: now, count });
    return true;
  }

  reset(): void {
    this.departures.clear();
    this.recipients.clear();
  }
}
