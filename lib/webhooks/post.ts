import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { DestinationVerdict } from "./destination";

type VettedDestination = Extract<DestinationVerdict, { ok: true }>;

/**
 * POSTs to a vetted destination, connecting only to the addresses it was vetted on: the socket's
 * name lookup answers from that list instead of asking DNS again. TLS still checks the certificate
 * against the URL's host name. Redirects are not followed (a 3xx is the answer), and no connection is
 * kept for reuse, so a later call never rides on a socket opened for another address.
 */
export function postToDestination(
  destination: VettedDestination,
  { headers, body, timeoutMs }: { headers: Record<string, string>; body: string; timeoutMs: number },
): Promise<{ status: number; statusText: string }> {
  const { url, hostname, addresses } = destination;
  const lookup: LookupFunction = (name, options, callback) => {
    if (name !== hostname) {
      callback(Object.assign(new Error(`${name} was not vetted`), { code: "ENOTFOUND" }), "", 4);
    } else if (options.all) {
      callback(null, addresses);
    } else {
      callback(null, addresses[0].address, addresses[0].family);
    }
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request({
      method: "POST",
      hostname,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
      agent: false,
      lookup,
    });
    const timer = setTimeout(() => {
      const error = new Error(`no answer within ${timeoutMs} ms`);
      error.name = "TimeoutError";
      request.destroy(error);
    }, timeoutMs);
    request.on("response", (response) => {
      clearTimeout(timer);
      resolve({ status: response.statusCode ?? 0, statusText: response.statusMessage ?? "" });
      response.destroy();
    });
    request.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end(body);
  });
}
