import { z } from "zod";
import type { SandboxContext } from "../core/context";
import type { User } from "../core/schema";
import type { Recipient } from "../core/state";
import type { Principal } from "./auth";
import { submit } from "./delivery";
import type { GraphResult } from "./directory";
import { graph, type GraphError } from "./errors";

const recipientSchema = z.object({
  emailAddress: z.object({ address: z.string(), name: z.string().optional() }),
});
/** The JSON form of sendMail: https://learn.microsoft.com/graph/api/user-sendmail#request-body */
const sendMailSchema = z.object({
  message: z.object({
    subject: z.string().nullish(),
    body: z.object({ contentType: z.string().default("Text"), content: z.string().default("") }).nullish(),
    from: recipientSchema.nullish(),
    toRecipients: z.array(recipientSchema).nullish(),
    ccRecipients: z.array(recipientSchema).nullish(),
    bccRecipients: z.array(recipientSchema).nullish(),
    internetMessageHeaders: z.array(z.object({ name: z.string(), value: z.string() })).nullish(),
  }),
  // The doc's own example sends "false" as a string.
  saveToSentItems: z.union([z.boolean(), z.enum(["true", "false"])]).optional(),
});

/** What Exchange will route: one @, no spaces, no leading/trailing/double dots in the local part. */
const ADDRESS = /^(?!\.)(?!.*\.\.)[^\s@<>()[\],;:"]+(?<!\.)@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

const toRecipients = (list: z.infer<typeof recipientSchema>[] | null | undefined): Recipient[] =>
  (list ?? []).map((r) => ({ emailAddress: { name: r.emailAddress.name ?? r.emailAddress.address, address: r.emailAddress.address } }));

const asRecipient = (user: User): Recipient => ({ emailAddress: { name: user.displayName, address: user.userPrincipalName } });

/**
 * A `from` other than the mailbox itself needs Send As on that address: granted, the message is from (and sent by)
 * it; not granted, Exchange refuses. Applications with Mail.Send are no exception — they "send mail as any user
 * ... by sending the mail normally through the user's mailbox" (https://learn.microsoft.com/graph/outlook-send-mail-from-other-user).
 */
function sendingAs(ctx: SandboxContext, p: Principal, mailbox: User, from: string | undefined): Recipient | GraphError {
  if (!from || same(from, mailbox.userPrincipalName)) return asRecipient(mailbox);
  const target = ctx.state.findUser(p.tenant, from);
  if (!target?.sendAs.some((trustee) => same(trustee, mailbox.userPrincipalName))) return graph.sendAsDenied();
  return asRecipient(target);
}

/** POST /users/{id}/sendMail: validated as Exchange does on submission, then accepted (202) for delivery. */
export function sendMail(ctx: SandboxContext, p: Principal, mailbox: User, rawBody: string): GraphResult | GraphError {
  let parsed: z.infer<typeof sendMailSchema>;
  try {
    parsed = sendMailSchema.parse(JSON.parse(rawBody));
  } catch {
    return graph.badPayload();
  }
  const { message } = parsed;
  const headers = message.internetMessageHeaders ?? [];
  const foreign = headers.find((h) => !/^x-/i.test(h.name));
  if (foreign) return graph.invalidInternetMessageHeader(foreign.name);

  const to = toRecipients(message.toRecipients);
  const cc = toRecipients(message.ccRecipients);
  const bcc = toRecipients(message.bccRecipients);
  const everyone = [...to, ...cc, ...bcc];
  if (!everyone.length) return graph.noRecipients();
  const invalid = everyone.find((r) => !ADDRESS.test(r.emailAddress.address));
  if (invalid) return graph.invalidRecipient(invalid.emailAddress.address);

  const from = sendingAs(ctx, p, mailbox, message.from?.emailAddress.address);
  if ("code" in from) return from;
  // Exchange measures the MIME message; the JSON request is the sandbox's stand-in for it.
  if (Buffer.byteLength(rawBody) > ctx.state.limits.maxMessageSizeBytes) return graph.messageSizeExceeded();

  submit(ctx, p, mailbox, {
    subject: message.subject ?? "",
    body: { contentType: message.body?.contentType.toLowerCase() === "html" ? "html" : "text", content: message.body?.content ?? "" },
    from,
    to,
    cc,
    bcc,
    headers,
    saveToSentItems: parsed.saveToSentItems !== false && parsed.saveToSentItems !== "false",
  });
  return { status: 202 };
}
