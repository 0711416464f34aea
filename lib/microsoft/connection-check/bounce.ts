import { setTimeout as sleep } from "node:timers/promises";
import { ResponseType, type Client } from "@microsoft/microsoft-graph-client";
import type { Deadline } from "./deadline";
import { ensureOk } from "./graph-response";
import type { TestMessage } from "./message";
import { readReport, type NonDeliveryReport } from "./ndr";
import type { MailReading } from "./permissions";

export interface BounceWatch {
  graph: Client;
  /** The sender's Graph path: a bounce comes back to the mailbox that sent. */
  mailboxPath: string;
  recipient: string;
  message: TestMessage;
  sentAt: Date;
  reading: Exclude<MailReading, "none">;
  windowMs: number;
  deadline: Deadline;
}

export type BounceCheck =
  | { outcome: "bounced"; report: NonDeliveryReport }
  | { outcome: "none"; waitedMs: number }
  | { outcome: "no-time" }
  | { outcome: "unreadable"; error: unknown };

/** One look may take this long; the last one starts early enough to end before the run's deadline. */
const LOOK_TIMEOUT_MS = 3_000;
const DEADLINE_MARGIN_MS = 500;
/** Looks at these fractions of the window: a bounce that comes early ends the wait early. */
const LOOKS = [0, 0.1, 0.25, 0.5, 1];
/** Exchange stamps receivedDateTime with its own clock; a few minutes' slack covers ours running ahead. */
const CLOCK_SLACK_MS = 5 * 60_000;
const PAGE = 50;

interface ListedMessage {
  subject?: string | null;
  receivedDateTime?: string | null;
  from?: { emailAddress?: { address?: string | null } | null } | null;
  body?: { content?: string | null } | null;
}

const odataTime = (at: Date) => at.toISOString().replace(/\.\d+Z$/, "Z");

/** Bounded by its own timer as well as the run's, so a slow mailbox never costs the result of a send that worked. */
function lookSignal(deadline: Deadline): { signal: AbortSignal; done: () => void } {
  const controller = new AbortController();
  const ms = Math.max(0, Math.min(LOOK_TIMEOUT_MS, deadline.remainingMs() - DEADLINE_MARGIN_MS));
  const timer = setTimeout(() => controller.abort(new DOMException("The bounce look-up timed out", "TimeoutError")), ms);
  return { signal: AbortSignal.any([controller.signal, deadline.signal]), done: () => clearTimeout(timer) };
}

/**
 * The mailbox's messages received since just before the send: GET /users/{id}/messages with a receivedDateTime
 * filter and $select (https://learn.microsoft.com/graph/api/user-list-messages).
 */
async function recentMessages(watch: BounceWatch): Promise<ListedMessage[]> {
  const fields = ["subject", "from", "receivedDateTime", ...(watch.reading === "bodies" ? ["body"] : [])];
  const since = odataTime(new Date(watch.sentAt.getTime() - CLOCK_SLACK_MS));
  const { signal, done } = lookSignal(watch.deadline);
  try {
    const response = await ensureOk(
      await watch.graph
        .api(`${watch.mailboxPath}/messages`)
        .filter(`receivedDateTime ge ${since}`)
        .select(fields)
        .top(PAGE)
        .option("signal", signal)
        .responseType(ResponseType.RAW)
        .get(),
    );
    const page = (await response.json()) as { value?: ListedMessage[] };
    return Array.isArray(page.value) ? page.value : [];
  } finally {
    done();
  }
}

/**
 * A report names the test message's reference (in the subject it repeats, or in the quoted original), and is
 * neither the test message itself (a test sent to its own mailbox) nor anything the recipient wrote back (an
 * automatic reply repeats the subject too).
 */
function isBounce(message: ListedMessage, watch: BounceWatch): boolean {
  const subject = message.subject ?? "";
  const mentions = subject.includes(watch.message.reference) || (message.body?.content ?? "").includes(watch.message.reference);
  const from = message.from?.emailAddress?.address?.toLowerCase();
  return mentions && subject !== watch.message.subject && from !== watch.recipient.toLowerCase();
}

/**
 * Accepted (202) is not delivered: Exchange can still return the message (a restricted sender, a tenant blocked for
 * outbound spam), and the report lands in the sender's mailbox. Looks a few times within the window, and never
 * past the run's deadline.
 */
export async function lookForBounce(watch: BounceWatch): Promise<BounceCheck> {
  const budget = Math.min(watch.windowMs, watch.deadline.remainingMs() - LOOK_TIMEOUT_MS - DEADLINE_MARGIN_MS);
  if (budget < 0) return { outcome: "no-time" };
  const started = performance.now();
  for (const at of new Set(LOOKS.map((share) => Math.round(share * budget)))) {
    const wait = at - (performance.now() - started);
    if (wait > 0) await sleep(wait, undefined, { signal: watch.deadline.signal });
    let messages: ListedMessage[];
    try {
      messages = await recentMessages(watch);
    } catch (error) {
      return { outcome: "unreadable", error };
    }
    const bounce = messages.find((message) => isBounce(message, watch));
    if (bounce) {
      const body = watch.reading === "bodies" ? (bounce.body?.content ?? null) : null;
      return { outcome: "bounced", report: readReport(bounce.subject ?? "", bounce.receivedDateTime ?? null, body) };
    }
  }
  return { outcome: "none", waitedMs: Math.round(performance.now() - started) };
}
