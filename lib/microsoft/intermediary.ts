import { CLOUDS, type CloudId } from "./clouds";

/**
 * Telling Microsoft's answers from those of whatever sits in between: a proxy, a firewall, a TLS-inspecting
 * gateway, a captive portal. Microsoft's token endpoint answers JSON, errors included
 * (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow, "Successful response"
 * and "Error response"), and so does Microsoft Graph ("a JSON error response object",
 * https://learn.microsoft.com/graph/errors).
 * An HTML page, another content type, an empty body where JSON was due, or a 407 therefore did not come from
 * Microsoft.
 */
export interface IntermediaryAnswer {
  /** The Microsoft host that was asked (before a sandbox rewrite). */
  host: string;
  /** The cloud's sign-in and Graph hosts: what the network has to let through. */
  microsoftHosts: string[];
  status: number;
  contentType?: string;
  /** The start of the answer as text (tags stripped, whitespace collapsed); "" for an empty body. */
  snippet: string;
  /** A 407's Proxy-Authenticate challenge. */
  challenge?: string;
  /** The proxy refused to open the tunnel (CONNECT) itself: nothing reached the host at all. */
  tunnel: boolean;
}

const NAME = "IntermediaryAnswerError";

export class IntermediaryAnswerError extends Error implements IntermediaryAnswer {
  readonly host: string;
  readonly microsoftHosts: string[];
  readonly status: number;
  readonly contentType?: string;
  readonly snippet: string;
  readonly challenge?: string;
  readonly tunnel: boolean;

  constructor(answer: IntermediaryAnswer) {
    super(
      answer.tunnel
        ? `The proxy answered HTTP ${answer.status} instead of connecting to ${answer.host}.`
        : `Something other than Microsoft answered for ${answer.host}: HTTP ${answer.status}, ${answer.contentType ?? "no content type"}.`,
    );
    this.name = NAME;
    this.host = answer.host;
    this.microsoftHosts = answer.microsoftHosts;
    this.status = answer.status;
    this.contentType = answer.contentType;
    this.snippet = answer.snippet;
    this.challenge = answer.challenge;
    this.tunnel = answer.tunnel;
  }
}

/** By shape rather than class, so the catalog recognises it however an SDK passed it on. */
export function isIntermediaryAnswer(value: unknown): value is IntermediaryAnswer {
  if (typeof value !== "object" || value === null) return false;
  const { name, host, status, snippet } = value as Record<string, unknown>;
  return name === NAME && typeof host === "string" && typeof status === "number" && typeof snippet === "string";
}

const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;
/** The sign-in page, which Entra serves to a browser as HTML (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow). */
const SIGN_IN_PAGE = /\/oauth2\/(?:v2\.0\/)?authorize$/i;
/** Enough to recognise the page; a proxy's page can be long, and what is kept is shown in the diagnosis. */
const SNIPPET_CHARS = 160;
const SCANNED_CHARS = 65_536;

const hostsOf = (cloud: CloudId): string[] => [...new Set([CLOUDS[cloud].authorityHost, CLOUDS[cloud].graphHost])];

function expectsJson(asked: URL, cloud: CloudId): boolean {
  const { authorityHost, graphHost } = CLOUDS[cloud];
  return asked.host === graphHost || (asked.host === authorityHost && !SIGN_IN_PAGE.test(asked.pathname));
}

const ENTITIES: Readonly<Record<string, string>> = { nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };

/** The first words a person would read on the page. */
export function firstWords(body: string): string {
  const text = body
    .slice(0, SCANNED_CHARS)
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&(nbsp|amp|lt|gt|quot|#39);/gi, (_, name: string) => ENTITIES[name.toLowerCase()])
    .replace(/\s+/g, " ")
    .trim();
  return text.length > SNIPPET_CHARS ? `${text.slice(0, SNIPPET_CHARS).replace(/\s+\S*$/, "")}…` : text;
}

/** The answers that are not JSON and still Microsoft's own. */
function microsoftsOwn(status: number, contentType: string | undefined, body: string): boolean {
  // Graph accepts some requests with no body at all: sendMail answers 202 (https://learn.microsoft.com/graph/api/user-sendmail).
  if (status === 202 || status === 204) return body === "";
  // Entra throttles client credentials with a bare "429 Too Many Requests" and Retry-After
  // (AzureAD/microsoft-authentication-library-for-dotnet#2855); a proxy's own 429 would be a page.
  return status === 429 && !/html/i.test(contentType ?? "");
}

/**
 * The answer as it came, if it is Microsoft's; otherwise an IntermediaryAnswerError. Only the body of an
 * answer that is not JSON is read. Redirects pass: they carry no content to judge. A 407 never gets here,
 * as fetch fails on one (proxyRefusal).
 */
export async function checkAnswer(response: Response, asked: URL, cloud: CloudId): Promise<Response> {
  if (!expectsJson(asked, cloud)) return response;
  const { status } = response;
  const contentType = response.headers.get("content-type") ?? undefined;
  if (JSON_TYPE.test(contentType ?? "") || (status >= 300 && status < 400)) return response;
  const body = await response.text();
  if (microsoftsOwn(status, contentType, body)) return new Response(body || null, response);
  throw new IntermediaryAnswerError({ host: asked.host, microsoftHosts: hostsOf(cloud), status, contentType, snippet: firstWords(body), tunnel: false });
}

/** A 407 answered in place of the server, as the Microsoft dispatcher reports it (proxy.ts). */
export class ProxyAuthenticationRequired extends Error {
  constructor(readonly challenge: string | undefined) {
    super("The proxy answered 407 Proxy Authentication Required.");
    this.name = "ProxyAuthenticationRequired";
  }
}

/** undici names a refused CONNECT only in its message (lib/dispatcher/proxy-agent.js). */
const TUNNEL_REFUSED = /Proxy response \((\d{3})\) !== 200 when HTTP Tunneling/;

/**
 * The proxy's refusal, when that is why the request failed: to open the tunnel, or with a 407 in place of
 * the answer. fetch reports either a few causes down its "fetch failed".
 */
export function proxyRefusal(err: unknown, asked: URL, cloud: CloudId): IntermediaryAnswerError | undefined {
  const answer = { host: asked.host, microsoftHosts: hostsOf(cloud), snippet: "" };
  let cause = err;
  for (let depth = 0; typeof cause === "object" && cause !== null && depth < 4; depth++) {
    if (cause instanceof ProxyAuthenticationRequired) {
      return new IntermediaryAnswerError({ ...answer, status: 407, challenge: cause.challenge, tunnel: false });
    }
    const { message } = cause as { message?: unknown };
    const status = typeof message === "string" ? TUNNEL_REFUSED.exec(message)?.[1] : undefined;
    if (status) return new IntermediaryAnswerError({ ...answer, status: Number(status), tunnel: true });
    cause = (cause as { cause?: unknown }).cause;
  }
  return undefined;
}
