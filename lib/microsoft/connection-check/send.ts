import { ResponseType, type Client } from "@microsoft/microsoft-graph-client";
import type { Diagnosis } from "@/lib/microsoft/catalog";
import { lookForBounce, type BounceWatch } from "./bounce";
import { afterAcceptance } from "./delivery";
import { ensureOk } from "./graph-response";
import type { TestMessage } from "./message";
import { failed, type Done } from "./outcome";
import type { MailReading } from "./permissions";

/** Names the test message in Exchange's message trace and in the headers a bounce quotes back. */
export const REFERENCE_HEADER = "x-forge365-test-reference";

export interface SendRequest {
  graph: Client;
  /** The mailbox's address, and its Graph path (/users/{address} app-only, /me for a delegated token). */
  mailbox: string;
  sender: string;
  to: string;
  message: TestMessage;
  sentAt: Date;
  /** Advice for a refusal that Graph's own code cannot give, if any. */
  explainRefusal(err: unknown): Diagnosis | undefined;
  /** Whether, and for how long, to look for a bounce once Microsoft has accepted the message. */
  bounces: Pick<BounceWatch, "deadline" | "windowMs"> & { reading: MailReading };
}

/**
 * https://learn.microsoft.com/graph/api/user-sendmail — accepted for delivery is 202, with no body. Custom
 * internetMessageHeaders must be named "x-…" and can only be set on a new message
 * (https://learn.microsoft.com/graph/api/resources/message).
 */
async function post({ graph, sender, to, message }: SendRequest): Promise<number> {
  const response = await ensureOk(
    await graph
      .api(`${sender}/sendMail`)
      .responseType(ResponseType.RAW)
      .post({
        message: {
          subject: message.subject,
          body: { contentType: "Text", content: message.body },
          toRecipients: [{ emailAddress: { address: to } }],
          internetMessageHeaders: [{ name: REFERENCE_HEADER, value: message.reference }],
        },
        // A test message in Sent Items is clutter the mailbox owner did not write.
        saveToSentItems: false,
      }),
  );
  return response.status;
}

/** Sends the test message, then looks for it coming back undelivered while the app may read the sender's mail. */
export async function sendTestMessage(request: SendRequest): Promise<Done<true>> {
  let httpStatus: number;
  try {
    httpStatus = await post(request);
  } catch (err) {
    const explained = request.explainRefusal(err);
    if (explained) return failed(explained);
    throw err;
  }
  const { reading, windowMs, deadline } = request.bounces;
  const check =
    reading === "none" || windowMs <= 0
      ? undefined
      : await lookForBounce({ ...request, mailboxPath: request.sender, recipient: request.to, reading, windowMs, deadline });
  return afterAcceptance({ ...request, httpStatus, reading }, check);
}
