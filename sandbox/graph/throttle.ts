import type { Clock } from "../core/clock";
import type { Limits } from "../core/schema";

export interface MailboxConcurrency {
  appId: string;
  mailbox: string;
  inFlight: number;
  /**
   * Most requests in flight together, counting the one that arrived over the limit: it stays ≤ the limit
   * exactly when the client never exceeded it, which is what a client-side cap has to prove.
   */
  peak: number;
  admitted: number;
  throttled: number;
}

export type Admission = { release: () => void } | { retryAfterSeconds: number };

/**
 * Graph's Outlook limits: 4 concurrent requests per app per mailbox
 * (https://learn.microsoft.com/graph/throttling-limits#outlook-service-limits), and Exchange Online's
 * 30 messages per minute per mailbox
 * (https://learn.microsoft.com/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits#sending-limits-1).
 */
export class MailboxGate {
  private readonly slots = new Map<string, MailboxConcurrency>();
  private readonly submissions = new Map<string, number[]>();

  constructor(
    private readonly limits: () => Limits,
    private readonly clock: Clock,
  ) {}

  enter(appId: string, mailbox: string): Admission {
    const key = `${appId}|${mailbox}`;
    const slot = this.slots.get(key) ?? { appId, mailbox, inFlight: 0, peak: 0, admitted: 0, throttled: 0 };
    this.slots.set(key, slot);
    slot.inFlight += 1;
    slot.peak = Math.max(slot.peak, slot.inFlight);
    if (slot.inFlight > this.limits().mailboxConcurrency) {
      slot.inFlight -= 1;
      slot.throttled += 1;
      return { retryAfterSeconds: 1 };
    }
    slot.admitted += 1;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        slot.inFlight -= 1;
      },
    };
  }

  admitMessage(mailbox: string): { retryAfterSeconds: number } | undefined {
    const now = this.clock.now();
    const recent = (this.submissions.get(mailbox) ?? []).filter((t) => t > now - 60_000);
    this.submissions.set(mailbox, recent);
    if (recent.length >= this.limits().messagesPerMinute) {
      return { retryAfterSeconds: Math.max(1, Math.ceil((recent[0] + 60_000 - now) / 1000)) };
    }
    recent.push(now);
    return undefined;
  }

  stats(): MailboxConcurrency[] {
    return [...this.slots.values()].map((s) => ({ ...s }));
  }

  reset(): void {
    this.slots.clear();
    this.submissions.clear();
  }
}
