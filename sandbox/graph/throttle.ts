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

/** Graph's Outlook limit of 4 concurrent requests per app per mailbox:
 * https://learn.microsoft.com/graph/throttling-limits#outlook-service-limits */
export class MailboxGate {
  private readonly slots = new Map<string, MailboxConcurrency>();

  constructor(private readonly limits: () => Limits) {}

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

  stats(): MailboxConcurrency[] {
    return [...this.slots.values()].map((s) => ({ ...s }));
  }

  reset(): void {
    this.slots.clear();
  }
}
