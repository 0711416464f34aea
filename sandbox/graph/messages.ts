import type { SandboxContext } from "../core/context";
import type { User } from "../core/schema";
import type { ItemBody, MailFolder, MailMessage } from "../core/state";
import { GRAPH, type GraphResult } from "./directory";
import { graph, type GraphError } from "./errors";
import { parseMessageQuery } from "./message-query";

const FOLDERS: Record<string, MailFolder> = { inbox: "inbox", sentitems: "sentitems" };

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
    sender: m.sender,
    from: m.from,
    toRecipients: m.toRecipients,
    ccRecipients: m.ccRecipients,
    bccRecipients: m.bccRecipients,
    replyTo: [],
    flag: { flagStatus: "notFlagged" },
  };
}

/** Returned only when $selected, as Graph does ("To get the headers of a message, apply the $select query parameter"). */
const SELECT_ONLY = ["internetMessageHeaders"];
/** The resource's own keys, read off an empty message so the list cannot drift from messageResource. */
const PROBE = { id: "", ownerId: "", folder: "inbox", body: { contentType: "text", content: "" } } as MailMessage;
const SELECTABLE = [...Object.keys(messageResource(PROBE)).filter((k) => !k.startsWith("@")), ...SELECT_ONLY];

/** With $select, Graph answers the etag, the id and the chosen properties (example 1 of user-list-messages). */
function selected(m: MailMessage, select: string[] | undefined) {
  const full = { ...messageResource(m), internetMessageHeaders: m.internetMessageHeaders };
  if (!select) return messageResource(m);
  return Object.fromEntries(["@odata.etag", "id", ...select].map((k) => [k, full[k as keyof typeof full]]));
}

/**
 * GET /users/{id}/messages (every folder) and /users/{id}/mailFolders/{inbox|sentitems}/messages, newest first
 * unless $orderby says otherwise; `@odata.nextLink` repeats every query option with the next $skip.
 */
export function listMessages(ctx: SandboxContext, owner: User, folderName: string | undefined, query: URLSearchParams, version: string): GraphResult | GraphError {
  const folder = folderName === undefined ? undefined : FOLDERS[folderName.toLowerCase()];
  if (folderName !== undefined && !folder) return graph.malformedId();
  const q = parseMessageQuery(query, SELECTABLE);
  if ("code" in q) return q;

  const all = ctx.state.mailbox(owner.id, folder).filter(q.matches);
  if (q.compare) all.sort(q.compare);
  const page = all.slice(q.skip, q.skip + q.top);
  const path = `users('${owner.id}')/${folderName === undefined ? "" : `mailFolders('${folderName}')/`}messages`;
  const base = `${GRAPH}/${version}/users/${owner.id}/${folderName === undefined ? "" : `mailFolders/${folderName}/`}messages`;
  const next = new URLSearchParams(query);
  next.set("$skip", String(q.skip + q.top));
  next.set("$top", String(q.top));
  const encoded = [...next].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
  return {
    status: 200,
    body: {
      "@odata.context": `${GRAPH}/${version}/$metadata#${path}${q.select ? `(${q.select.join(",")})` : ""}`,
      value: page.map((m) => selected(m, q.select)),
      ...(q.skip + q.top < all.length ? { "@odata.nextLink": `${base}?${encoded}` } : {}),
    },
  };
}
