import {
  ClientAuthError,
  ClientAuthErrorCodes,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse,
} from "@azure/msal-node";
import type { CloudId } from "./clouds";

export type Fetch = typeof fetch;

export interface MicrosoftFetchOptions {
  cloud: CloudId;
  /** Base URL of a Microsoft 365 emulator (M365_SANDBOX_URL); required for the sandbox cloud. */
  sandboxUrl?: string;
  /** Per request, covering connect, headers and body. */
  timeoutMs?: number;
  /** The underlying fetch; defaults to the global one. */
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

/** One fetch for all Microsoft traffic of a connection: MSAL and the Graph client both go through it. */
export function createMicrosoftFetch(options: MicrosoftFetchOptions): Fetch {
  const { timeoutMs = 10_000 } = options;
  const base = options.fetch ?? globalThis.fetch;
  if (options.cloud === "sandbox") requireSandboxUrl(options);
  return (input, init) => {
    const url = input instanceof Request ? input.url : input.toString();
    const target = resolveMicrosoftUrl(url, options);
    const caller = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    const timeout = requestTimeout(timeoutMs);
    const signal = caller ? AbortSignal.any([caller, timeout]) : timeout;
    return input instanceof Request ? base(new Request(target, input), { ...init, signal }) : base(target, { ...init, signal });
  };
}

const reason = (err: unknown): string =>
  err instanceof Error ? (err.name === "TimeoutError" ? "Request timeout" : `Network request failed: ${err.message}`) : "Network request failed";

/**
 * MSAL's network interface over our fetch (msal-common INetworkModule). Failures surface the way MSAL's own
 * client reports them: ClientAuthError "network_error" when nothing came back, "token_parsing_error" when
 * the body is not JSON; any HTTP status is returned for MSAL to interpret.
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
