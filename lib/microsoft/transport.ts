import {
  ClientAuthError,
  ClientAuthErrorCodes,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse,
} from "@azure/msal-node";
import { fetch as undiciFetch, type RequestInit as UndiciRequestInit } from "undici";
import type { CloudId } from "./clouds";
import { checkAnswer, proxyRefusal } from "./intermediary";
import { microsoftDispatcher } from "./proxy";

export type Fetch = typeof fetch;

export interface MicrosoftFetchOptions {
  cloud: CloudId;
  /** Base URL of a Microsoft 365 emulator (M365_SANDBOX_URL); required for the sandbox cloud. */
  sandboxUrl?: string;
  /** Per request, covering connect, headers and body. */
  timeoutMs?: number;
  /** The underlying fetch; defaults to undici's, through the proxy the environment names. */
  fetch?: Fetch;
}

/**
 * The one place a sandbox connection differs from a real one: `https://<host>/<path>` becomes
 * `${sandboxUrl}/<host>/<path>`. Browser redirects to Microsoft (the authorize URL) need it as well.
 */
export function resolveMicrosoftUrl(url: string, options: Pick<MicrosoftFetchOptions, "cloud" | "sandboxUrl">): string {
  if (options.cloud !== "sandbox") return url;
  const sandboxUrl = requireSandboxUrl(options);
  const target = new URL(url);
  if (target.protocol !== "https:") return url;
  return `${sandboxUrl.replace(/\/+$/, "")}/${target.host}${target.pathname}${target.search}${target.hash}`;
}

function requireSandboxUrl({ sandboxUrl }: Pick<MicrosoftFetchOptions, "sandboxUrl">): string {
  if (!sandboxUrl) throw new Error("The sandbox cloud needs a sandbox URL (M365_SANDBOX_URL).");
  return sandboxUrl;
}

/**
 * Aborts with a TimeoutError after `ms`, as AbortSignal.timeout() does. Not that one: AbortSignal.any()
 * holds its sources weakly, so in Node 20 a timeout signal held by nothing else can be garbage
 * collected before it fires, and a silent Microsoft is then waited on until the run's own deadline
 * (nodejs/node#57736). The timer holds this controller until it fires; unref'd, it keeps no process up.
 */
function requestTimeout(ms: number): AbortSignal {
  const controller = new AbortController();
  setTimeout(() => controller.abort(new DOMException("The operation was aborted due to timeout", "TimeoutError")), ms).unref();
  return controller.signal;
}

/**
 * undici's own fetch with the proxy dispatcher (proxy.ts). Node 20's fetch ignores HTTPS_PROXY, and it is
 * the undici 6 bundled in Node: handing it this undici 7 dispatcher would mix two versions of one library.
 */
const proxiedFetch: Fetch = async (input, init) =>
  (await undiciFetch(input.toString(), { ...(init as UndiciRequestInit), dispatcher: microsoftDispatcher() })) as unknown as Response;

/** The request as a URL and options: undici's fetch does not take a Request made by Node's own. */
async function unpack(input: RequestInfo | URL, init: RequestInit = {}): Promise<[string, RequestInit]> {
  if (!(input instanceof Request)) return [input.toString(), init];
  const { method, headers, signal, redirect } = input;
  const body = input.body ? await input.arrayBuffer() : undefined;
  return [input.url, { method, headers, body, signal, redirect, ...init }];
}

/**
 * One fetch for all Microsoft traffic of a connection: MSAL and the Graph client both go through it. An
 * answer that did not come from Microsoft (a proxy's or gateway's page, a captive portal, a refused tunnel)
 * becomes an IntermediaryAnswerError here, before either library misreads it (intermediary.ts).
 */
export function createMicrosoftFetch(options: MicrosoftFetchOptions): Fetch {
  const { cloud, timeoutMs = 10_000 } = options;
  const base = options.fetch ?? proxiedFetch;
  if (cloud === "sandbox") requireSandboxUrl(options);
  return async (input, init) => {
    const [url, request] = await unpack(input, init);
    const asked = new URL(url);
    const timeout = requestTimeout(timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await base(resolveMicrosoftUrl(url, options), { ...request, signal });
    } catch (err) {
      throw proxyRefusal(err, asked, cloud) ?? err;
    }
    return checkAnswer(response, asked, cloud);
  };
}

const reason = (err: unknown): string =>
  err instanceof Error ? (err.name === "TimeoutError" ? "Request timeout" : `Network request failed: ${err.message}`) : "Network request failed";

/**
 * MSAL's network interface over our fetch (msal-common INetworkModule). Failures surface the way MSAL's own
 * client reports them: ClientAuthError "network_error" when nothing came back, "token_parsing_error" when
 * the body is not JSON; any HTTP status is returned for MSAL to interpret. MSAL passes an AuthError on as it
 * is and replaces anything else with a bare network_error (msal-common sendPostRequest), so what the fetch
 * threw (a timeout, an IntermediaryAnswerError) travels as the ClientAuthError's cause.
 */
export function createMsalNetworkClient(fetchFn: Fetch): INetworkModule {
  async function send<T>(url: string, method: "GET" | "POST", options?: NetworkRequestOptions, timeoutMs?: number): Promise<NetworkResponse<T>> {
    const correlationId = options?.correlationId ?? "";
    let response: Response;
    try {
      response = await fetchFn(url, {
        method,
        headers: options?.headers,
        body: method === "POST" ? (options?.body ?? "") : undefined,
        signal: timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined,
      });
    } catch (err) {
      // The cause says whether the request timed out, even to callers that share this token request
      // (a Test all) and so never saw the request themselves.
      throw Object.assign(new ClientAuthError(ClientAuthErrorCodes.networkError, correlationId, reason(err)), { cause: err });
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => (headers[key] = value));
    try {
      return { headers, body: (await response.json()) as T, status: response.status };
    } catch (err) {
      throw new ClientAuthError(ClientAuthErrorCodes.tokenParsingError, correlationId, `Failed to parse response (HTTP ${response.status}): ${String(err)}`);
    }
  }
  return {
    sendGetRequestAsync: (url, options, timeout) => send(url, "GET", options, timeout),
    sendPostRequestAsync: (url, options) => send(url, "POST", options),
  };
}
