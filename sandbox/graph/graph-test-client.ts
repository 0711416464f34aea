import type { MailMessage } from "../core/state";
import { DEMO_MAILBOXES } from "../fixtures/demo";
import type { SandboxHandle } from "@/tests/helpers/sandbox";

export interface MessageInput {
  subject?: string;
  to?: string[];
  from?: string;
  body?: string;
  internetMessageHeaders?: { name: string; value: string }[];
}

/** Plain-fetch Graph calls against a test's sandbox, for the sandbox's own tests. */
export function graphTestClient(sb: SandboxHandle) {
  const graph = (token: string, path: string, init: RequestInit = {}) =>
    fetch(`${sb.url}/graph.microsoft.com/v1.0/${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...init.headers },
    });

  const sendMail = (token: string, mailbox: string, m: MessageInput = {}, init: RequestInit = {}) =>
    graph(token, `users/${encodeURIComponent(mailbox)}/sendMail`, {
      method: "POST",
      body: JSON.stringify({
        message: {
          subject: m.subject ?? "hi",
          body: { contentType: "Text", content: m.body ?? "Hello." },
          toRecipients: (m.to ?? [DEMO_MAILBOXES.recipient]).map((address) => ({ emailAddress: { address } })),
          ...(m.from ? { from: { emailAddress: { address: m.from } } } : {}),
          ...(m.internetMessageHeaders ? { internetMessageHeaders: m.internetMessageHeaders } : {}),
        },
      }),
      ...init,
    });

  /** Status, code and message of a Graph error response. */
  const failure = async (res: Response) => {
    const { error } = await res.json();
    return { status: res.status, code: error.code as string, message: error.message as string };
  };

  /** Messages now in a folder (or every folder), as the control API lists them. */
  const mail = async (mailbox: string, folder = "inbox") =>
    (await sb.control<{ messages: MailMessage[] }>("GET", `mail?mailbox=${encodeURIComponent(mailbox)}&folder=${folder}`)).messages;

  return { graph, sendMail, failure, mail };
}
