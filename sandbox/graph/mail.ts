import { z } from "zod";
import type { SandboxContext } from "../core/context";
import { guid, randomToken } from "../core/ids";
import type { User } from "../core/schema";
import type { ItemBody, MailMessage, Recipient } from "../core/state";
import { allows, type PermissionRule, type Principal } from "./auth";
import { GRAPH, type GraphResult } from "./directory";
import { graph, type GraphError } from "./errors";

// Permission tables: https://learn.microsoft.com/graph/api/user-sendmail , /user-list-messages
export const SEND_MAIL: PermissionRule = { application: ["Mail.Send"], delegated: ["Mail.Send"] };
export const READ_MAIL: PermissionRule = {
  application: ["Mail.ReadBasic.All", "Mail.ReadBasic", "Mail.Read", "Mail.ReadWrite"],
  delegated: ["Mail.ReadBasic", "Mail.Read", "Mail.ReadWrite"],
};

/**
 * The mailbox a request targets, checked in the order the failures are reported: permission, existence,
 * Exchange licence, then Exchange's application access policies (app-only calls only).
 */
export function resolveMailbox(ctx: SandboxContext, p: Principal, target: string, rule: PermissionRule): User | GraphError {
  if (target === "me" && p.kind !== "user") return graph.meRequiresUser();
  if (!allows(p, rule)) return graph.accessDenied();
  const user =
    target === "me" && p.kind === "user"
      ? p.user
      : p.tenant.users.find((u) => u.id.toLowerCase() === target.toLowerCase() || u.userPrincipalName.toLowerCase() === target.toLowerCase());
  if (!user) return graph.invalidUser(target);
  // Another user's mailbox needs the .Shared delegated permissions, which the sandbox does not model.
  if (p.kind === "user" && user.id !== p.user.id) return graph.accessDenied();
  if (!user.exchangeLicensed) return graph.mailboxNotEnabled();
  if (p.kind === "app" && blockedByAccessPolicy(ctx, p, user)) return graph.accessPolicy();
  return user;
}

function blockedByAccessPolicy(ctx: SandboxContext, p: Principal, user: User): boolean {
  const policies = p.tenant.applicationAccessPolicies.filter((a) => a.appId.toLowerCase() === p.app.appId.toLowerCase());
  const listed = (mailboxes: string[]) => mailboxes.some((m) => m.toLowerCase() === user.userPrincipalName.toLowerCase());
  const denied = policies.some((a) => a.accessRight === "DenyAccess" && listed(a.mailboxes));
  const restricted = policies.filter((a) => a.accessRight === "RestrictAccess");
  return denied || (restricted.length > 0 && !restricted.some((a) => listed(a.mailboxes)));
}

const recipientSchema = z.object({
  emailAddress: z.object({ address: z.string(), name: z.string().optional() }),
});
/** The JSON form of sendMail: https://learn.microsoft.com/graph/api/user-sendmail#request-body */
const sendMailSchema = z.object({
  message: z.object({
    subject: z.string().nullish(),
    body: z.object({ contentType: z.string().default("Text"), content: z.string().default("") }).nullish(),
    toRecipients: z.array(recipientSchema).nullish(),
    ccRecipients: z.array(recipientSchema).nullish(),
    bccRecipients: z.array(recipientSchema).nullish(),
  }),
  // The doc's own example sends "false" as a string.
  saveToSentItems: z.union([z.boolean(), z.enum(["true", "false"])]).optional(),
});

/** What Exchange will route: one @, no spaces, no leading/trailing/double dots in the local part. */
const ADDRESS = /^(?!\.)(?!.*\.\.)[^\s@<>()[\],;:"]+(?<!\.)@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

const toRecipients = (list: z.infer<typeof recipientSchema>[] | null | undefined): Recipient[] =>
  (list ?? []).map((r) => ({ emailAddress: { name: r.emailAddress.name ?? r.emailAddress.address, address: r.emailAddress.address } }));

export function sendMail(ctx: SandboxContext, p: Principal, sender: User, rawBody: string): GraphResult | GraphError {
  let parsed: z.infer<typeof sendMailSchema>;
  try {
    parsed = sendMailSchema.parse(JSON.parse(rawBody));
  } catch {
    return graph.badPayload();
  }
  const { message } = parsed;
  const to = toRecipients(message.toRecipients);
  const cc = toRecipients(message.ccRecipients);
  const bcc = toRecipients(message.bccRecipients);
  const everyone = [...to, ...cc, ...bcc];
  if (!everyone.length) return graph.noRecipients();
  const invalid = everyone.find((r) => !ADDRESS.test(r.emailAddress.address));
  if (invalid) return graph.invalidRecipient(invalid.emailAddress.address);

  const { state } = ctx;
  const throttled = state.gate.admitMessage(sender.id);
  if (throttled) return graph.messageRate(state.limits.messagesPerMinute, throttled.retryAfterSeconds);

  const now = state.clock.date().toISOString().replace(/\.\d+Z$/, "Z");
  const body: ItemBody = {
    contentType: message.body?.contentType.toLowerCase() === "html" ? "html" : "text",
    content: message.body?.content ?? "",
  };
  const from: Recipient = { emailAddress: { name: sender.displayName, address: sender.userPrincipalName } };
  const base = {
    createdDateTime: now,
    receivedDateTime: now,
    sentDateTime: now,
    subject: message.subject ?? "",
    body,
    from,
    toRecipients: to,
    ccRecipients: cc,
    internetMessageId: `<${randomToken(18)}@sandbox.outlook.com>`,
    conversationId: `AAQk${randomToken(48)}`,
  };
  const newId = () => `AAMk${randomToken(105)}`;

  const deliveredTo: string[] = [];
  const external: string[] = [];
  const delivered = new Set<string>();
  for (const r of everyone) {
    const target = state.findMailbox(r.emailAddress.address);
    if (!target?.user.exchangeLicensed) {
      external.push(r.emailAddress.address);
      continue;
    }
    if (delivered.has(target.user.id)) continue;
    delivered.add(target.user.id);
    deliveredTo.push(target.user.userPrincipalName);
    state.messages.push({ ...base, id: newId(), ownerId: target.user.id, folder: "inbox", bccRecipients: [] });
  }
  const saveToSentItems = parsed.saveToSentItems !== false && parsed.saveToSentItems !== "false";
  if (saveToSentItems) state.messages.push({ ...base, id: newId(), ownerId: sender.id, folder: "sentitems", bccRecipients: bcc });

  state.sent.push({
    id: guid(),
    at: now,
    tenantId: p.tenant.id,
    appId: p.app.appId,
    identity: p.kind,
    senderId: sender.id,
    sender: sender.userPrincipalName,
    subject: base.subject,
    body,
    toRecipients: to,
    ccRecipients: cc,
    bccRecipients: bcc,
    deliveredTo,
    external,
    savedToSentItems: saveToSentItems,
  });
  return { status: 202 };
}

const FOLDERS: Record<string, MailMessage["folder"]> = { inbox: "inbox", sentitems: "sentitems" };

const preview = (body: ItemBody): string =>
  (body.contentType === "html" ? body.content.replace(/<[^>]*>/g, " ") : body.content).replace(/\s+/g, " ").trim().slice(0, 255);

/** The message resource as GET .../messages returns it: https://learn.microsoft.com/graph/api/resources/message */
function messageResource(m: MailMessage) {
  const changeKey = Buffer.from(m.id).toString("base64url").slice(0, 28);
  return {
    "@odata.etag": `W/"${changeKey}"`,
    id: m.id,
    createdDateTime: m.createdDateTime,
    lastModifiedDateTime: m.createdDateTime,
    changeKey,
    categories: [],
    receivedDateTime: m.receivedDateTime,
    sentDateTime: m.sentDateTime,
    hasAttachments: false,
    internetMessageId: m.internetMessageId,
    subject: m.subject,
    bodyPreview: preview(m.body),
    importance: "normal",
    parentFolderId: `AQMk${Buffer.from(`${m.ownerId}:${m.folder}`).toString("base64url")}`,
    conversationId: m.conversationId,
    isDeliveryReceiptRequested: false,
    isReadReceiptRequested: false,
    isRead: false,
    isDraft: false,
    webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(m.id)}&exvsurl=1&viewmodel=ReadMessageItem`,
    inferenceClassification: "focused",
    body: m.body,
    sender: m.from,
    from: m.from,
    toRecipients: m.toRecipients,
    ccRecipients: m.ccRecipients,
    bccRecipients: m.bccRecipients,
    replyTo: [],
    flag: { flagStatus: "notFlagged" },
  };
}

/** GET /users/{id}/mailFolders/{inbox|sentitems}/messages, newest first, $top (default 10) and $skip paging. */
export function listMessages(ctx: SandboxContext, owner: User, folderName: string, query: URLSearchParams, version: string): GraphResult | GraphError {
  const folder = FOLDERS[folderName.toLowerCase()];
  if (!folder) return graph.malformedId();
  const top = Math.min(Math.max(Number(query.get("$top") ?? 10) || 10, 1), 1000);
  const skip = Math.max(Number(query.get("$skip") ?? 0) || 0, 0);
  // Messages are stored in arrival order.
  const all = ctx.state.messages.filter((m) => m.ownerId === owner.id && m.folder === folder).reverse();
  const page = all.slice(skip, skip + top);
  const base = `${GRAPH}/${version}/users/${owner.id}/mailFolders/${folderName}/messages`;
  return {
    status: 200,
    body: {
      "@odata.context": `${GRAPH}/${version}/$metadata#users('${owner.id}')/mailFolders('${folderName}')/messages`,
      value: page.map(messageResource),
      ...(skip + top < all.length ? { "@odata.nextLink": `${base}?%24top=${top}&%24skip=${skip + top}` } : {}),
    },
  };
}
