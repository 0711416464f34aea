import type { ServerResponse } from "node:http";
import type { FaultOutcome } from "./faults";
import { sendEmpty } from "./http";

/** Pages as proxies, gateways and captive portals serve them: nothing here is Microsoft's. */
const PAGES: Readonly<Record<number, string>> = {
  200:
    "<!DOCTYPE html><html><head><title>Guest Wi-Fi</title><style>body{font-family:sans-serif}</style></head><body>" +
    "<h1>Welcome to the guest network</h1><p>Accept the terms of use to continue browsing.</p>" +
    '<form method="post" action="/accept"><button>Accept and connect</button></form></body></html>',
  407:
    "<html><head><title>407 Proxy Authentication Required</title></head><body><h1>Proxy Authentication Required</h1>" +
    "<p>This proxy requires you to sign in before you can browse.</p></body></html>",
  502: "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>",
};

/**
 * Answers for the service as the network in front of it would: an HTML page, an empty body, or a proxy's 407
 * with the Proxy-Authenticate challenge RFC 9110 requires (https://www.rfc-editor.org/rfc/rfc9110#section-15.5.8).
 */
export function sendIntermediaryAnswer(res: ServerResponse, { answer, status }: Extract<FaultOutcome, { kind: "intermediary" }>): void {
  if (answer === "empty") return sendEmpty(res, status);
  const page = PAGES[status];
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(page),
    ...(answer === "proxyAuth" ? { "Proxy-Authenticate": 'Basic realm="proxy"' } : {}),
  });
  res.end(page);
}
