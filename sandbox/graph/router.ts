import type { SandboxContext } from "../core/context";
import type { Endpoint } from "../core/faults";
import { BodyTooLargeError, matchPath, readBody, sendEmpty, sendJson, type Exchange } from "../core/http";
import { guid } from "../core/ids";
import { sendIntermediaryAnswer } from "../core/intermediary";
import type { User } from "../core/schema";
import { authenticate, type PermissionRule, type Principal } from "./auth";
import { getMe, getOrganization, getUser, listDomains, listUsers, type GraphResult } from "./directory";
import { graph, graphHeaders, sendGraphError, type GraphError } from "./errors";
import { READ_MAIL, resolveMailbox, SEND_MAIL } from "./mailbox-access";
import { listMessages } from "./messages";
import { sendMail } from "./send-mail";
import { userInfo } from "./userinfo";

interface GraphCall {
  ctx: SandboxContext;
  ex: Exchange;
  principal: Principal;
  version: string;
  params: Record<string, string>;
  /** Set for Outlook routes, which resolve it before handling. */
  mailbox?: User;
  body: string;
}

interface GraphRoute {
  endpoint: Endpoint;
  method: "GET" | "POST";
  /** Path after the version; ":name" captures a segment. */
  pattern: string[];
  /** Outlook resources: the target mailbox is resolved, access-checked and concurrency-limited first. */
  mailbox?: { param: string; rule: PermissionRule };
  handle: (call: GraphCall) => GraphResult | GraphError;
}

const mailRoutes = (prefix: string[], param: string): GraphRoute[] => [
  {
    endpoint: "sendMail",
    method: "POST",
    pattern: [...prefix, "sendmail"],
    mailbox: { param, rule: SEND_MAIL },
    handle: (c) => sendMail(c.ctx, c.principal, c.mailbox!, c.body),
  },
  {
    endpoint: "messages",
    method: "GET",
    pattern: [...prefix, "mailfolders", ":folder", "messages"],
    mailbox: { param, rule: READ_MAIL },
    handle: (c) => listMessages(c.ctx, c.mailbox!, c.params.folder, c.ex.url.searchParams, c.version),
  },
  {
    endpoint: "messages",
    method: "GET",
    pattern: [...prefix, "messages"],
    mailbox: { param, rule: READ_MAIL },
    handle: (c) => listMessages(c.ctx, c.mailbox!, undefined, c.ex.url.searchParams, c.version),
  },
];

/** "When using the Microsoft Graph endpoint, there is a 4MB limit on the size of a request" (Microsoft, in
 * https://github.com/microsoftgraph/microsoft-graph-docs/issues/85); the exact byte count is not published, 4 MiB here. */
const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

/** The request body, or undefined when it is over Graph's limit (including bodies too big to buffer at all). */
async function readGraphBody(ex: Exchange): Promise<string | undefined> {
  try {
    const body = await readBody(ex.req);
    return Buffer.byteLength(body) > MAX_REQUEST_BYTES ? undefined : body;
  } catch (err) {
    if (err instanceof BodyTooLargeError) return undefined;
    throw err;
  }
}

const ROUTES: GraphRoute[] = [
  { endpoint: "users", method: "GET", pattern: ["users"], handle: (c) => listUsers(c.principal, c.version) },
  { endpoint: "users", method: "GET", pattern: ["users", ":id"], handle: (c) => getUser(c.principal, c.version, c.params.id) },
  { endpoint: "me", method: "GET", pattern: ["me"], handle: (c) => getMe(c.principal, c.version) },
  { endpoint: "organization", method: "GET", pattern: ["organization"], handle: (c) => getOrganization(c.principal, c.version) },
  { endpoint: "domains", method: "GET", pattern: ["domains"], handle: (c) => listDomains(c.principal, c.version) },
  ...mailRoutes(["users", ":id"], "id"),
  ...mailRoutes(["me"], "me"),
];

const VERSIONS = new Set(["v1.0", "beta"]);

function match(method: string, path: string[]): { route: GraphRoute; params: Record<string, string> } | undefined {
  for (const route of ROUTES) {
    const params = route.method === method ? matchPath(route.pattern, path) : undefined;
    if (params) return { route, params: { me: "me", ...params } };
  }
  return undefined;
}

const isError = <T extends object>(r: T | GraphError): r is GraphError => "code" in r;

/** Serves `https://graph.microsoft.com/{version}/...`, reached as `${sandbox}/graph.microsoft.com/...`. */
export async function graphRouter(ctx: SandboxContext, ex: Exchange): Promise<void> {
  const [version = "", ...path] = ex.path;
  const now = () => ctx.state.clock.date();
  const send = (r: GraphResult | GraphError) => {
    if (isError(r)) return sendGraphError(ex.req, ex.res, r, now());
    const headers = graphHeaders(ex.req, guid());
    if (r.body === undefined) return sendEmpty(ex.res, r.status, headers);
    sendJson(ex.res, r.status, r.body, headers, "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8");
  };

  if (version === "oidc" && path.join("/").toLowerCase() === "userinfo" && ["GET", "POST"].includes(ex.req.method ?? "GET")) {
    const auth = await authenticate(ctx, ex.req);
    return send(auth.ok ? userInfo(auth.principal) : auth.error);
  }
  const found = VERSIONS.has(version) ? match(ex.req.method ?? "GET", path) : undefined;
  if (!found) return send(graph.segmentNotFound(VERSIONS.has(version) ? (path[0] ?? "") : version));
  const { route, params } = found;
  const body = route.method === "POST" ? await readGraphBody(ex) : "";
  // The front door refuses an oversized request before anything looks at its token.
  if (body === undefined) return send(graph.requestTooLarge());

  // Failures found before the service "works" are still subject to its latency, as a slow service is slow to refuse.
  let early: GraphError | undefined;
  let mailbox: User | undefined;
  const auth = await authenticate(ctx, ex.req);
  if (!auth.ok) early = auth.error;
  else if (route.mailbox) {
    const resolved = resolveMailbox(ctx, auth.principal, params[route.mailbox.param], route.mailbox.rule);
    if (isError(resolved)) early = resolved;
    else {
      mailbox = resolved;
      const admission = ctx.state.gate.enter(auth.principal.app.appId, resolved.id);
      if ("retryAfterSeconds" in admission) return send(graph.mailboxConcurrency(admission.retryAfterSeconds));
      // "close" fires on completion and on client abort alike, so a hung or abandoned request frees its slot.
      ex.res.on("close", admission.release);
    }
  }

  const fault = await ctx.state.faults.apply(route.endpoint);
  if (fault.kind === "hang") return;
  if (fault.kind === "intermediary") return sendIntermediaryAnswer(ex.res, fault);
  if (fault.kind === "fail") return send(graph.serviceFault(fault.status, fault.retryAfterSeconds));
  if (early || !auth.ok) return send(early ?? graph.invalidToken("Access token validation failure."));
  send(route.handle({ ctx, ex, principal: auth.principal, version, params, mailbox, body }));
}
