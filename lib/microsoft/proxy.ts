import { EnvHttpProxyAgent, type Dispatcher } from "undici";
import { env } from "@/lib/env";
import { ProxyAuthenticationRequired } from "./intermediary";

let current: { key: string; agent: Dispatcher } | undefined;

/**
 * fetch turns a 407 answered in place of the server into a bare "fetch failed" (undici lib/web/fetch/index.js,
 * following the Fetch standard's HTTP-network-or-cache fetch), so the dispatcher stops such an answer first,
 * keeping the proxy's challenge (RFC 9110 §11.7.1, https://www.rfc-editor.org/rfc/rfc9110#section-11.7.1).
 * A 407 to the tunnel's CONNECT never gets here: undici reports that one itself (intermediary.ts).
 */
const stopAtProxyAuthentication: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (opts, handler) =>
  dispatch(opts, {
    onRequestStart: (controller, context) => handler.onRequestStart?.(controller, context),
    onRequestUpgrade: (controller, statusCode, headers, socket) => handler.onRequestUpgrade?.(controller, statusCode, headers, socket),
    onResponseStart: (controller, statusCode, headers, statusMessage) => {
      if (statusCode !== 407) return handler.onResponseStart?.(controller, statusCode, headers, statusMessage);
      const challenge = headers["proxy-authenticate"];
      controller.abort(new ProxyAuthenticationRequired(Array.isArray(challenge) ? challenge.join(", ") : challenge));
    },
    onResponseData: (controller, chunk) => handler.onResponseData?.(controller, chunk),
    onResponseEnd: (controller, trailers) => handler.onResponseEnd?.(controller, trailers),
    onResponseError: (controller, error) => handler.onResponseError?.(controller, error),
  });

/**
 * How requests to Microsoft leave this server: through the proxy HTTPS_PROXY / HTTP_PROXY name, except for
 * the hosts NO_PROXY lists, by undici's EnvHttpProxyAgent (https://github.com/nodejs/undici/blob/main/docs/docs/api/EnvHttpProxyAgent.md);
 * Node 20's own fetch ignores these variables. It tunnels with CONNECT and sends credentials in the proxy URL
 * as Basic Proxy-Authorization (undici lib/dispatcher/proxy-agent.js). The values come from lib/env.ts and
 * are handed over explicitly, so undici never looks the variables up itself: one agent, with its connection pool,
 * serves until a value changes (tests change them at run time).
 */
export function microsoftDispatcher(): Dispatcher {
  const vars = env();
  // An empty string, unlike undefined, keeps undici from looking the variable up itself.
  const settings = {
    httpProxy: vars.http_proxy ?? vars.HTTP_PROXY ?? "",
    httpsProxy: vars.https_proxy ?? vars.HTTPS_PROXY ?? "",
    noProxy: vars.no_proxy ?? vars.NO_PROXY ?? "",
  };
  const key = JSON.stringify(settings);
  if (current?.key !== key) {
    // Requests still running on the old agent finish first; only then are its sockets closed.
    current?.agent.close().catch(() => {});
    current = { key, agent: new EnvHttpProxyAgent(settings).compose(stopAtProxyAuthentication) };
  }
  return current.agent;
}
