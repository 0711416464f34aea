import { ResponseType, type Client } from "@microsoft/microsoft-graph-client";
import { ensureOk } from "./graph-response";
import type { TestMessage } from "./message";
import type { Done } from "./outcome";

/**
 * https://learn.microsoft.com/graph/api/user-sendmail — accepted for delivery is 202, with no body.
 * `sender` is the mailbox's Graph path: /users/{address} app-only, /me for a delegated token.
 */
export async function sendTestMessage(graph: Client, sender: string, to: string, message: TestMessage): Promise<Done<true>> {
  const response = await ensureOk(
    await graph
      .api(`${sender}/sendMail`)
      .responseType(ResponseType.RAW)
      .post({
        message: {
          subject: message.subject,
          body: { contentType: "Text", content: message.body },
          toRecipients: [{ emailAddress: { address: to } }],
        },
        // A test message in Sent Items is clutter the mailbox owner did not write.
        saveToSentItems: false,
      }),
  );
  return {
    status: "passed",
    value: true,
    summary: `Microsoft accepted the test message to ${to} for delivery (HTTP ${response.status}).`,
    details: { to, subject: message.subject, httpStatus: response.status, saveToSentItems: false },
  };
}

