import type { IncomingMessage, ServerResponse } from "node:http";
import type { FaultOutcome } from "../core/faults";
import { aad, sendAadError } from "./errors";

type Failure = Extract<FaultOutcome, { kind: "fail" }>;

/**
 * An injected failure (sandbox/core/faults.ts) as Entra itself answers one:
 * - 429: a bare "Too Many Requests" with Retry-After and no JSON, as Entra throttles client credentials
 *   (https://learn.microsoft.com/entra/msal/dotnet/advanced/client-and-server-throttling; the body as
 *   https://github.com/AzureAD/microsoft-authentication-library-for-dotnet/issues/2855 shows it, whose content type
 *   is not shown, so none is sent);
 * - 503: temporarily_unavailable with Retry-After, Entra's answer when it is too busy
 *   (https://github.com/AzureAD/microsoft-authentication-library-for-dotnet/issues/3907);
 * - 500: server_error without Retry-After: "If AAD is having problems it may respond with an HTTP 5xx error code
 *   with no Retry-After header" (the MSAL.NET wiki's Client Throttling page).
 */
export function sendServiceFault(req: IncomingMessage, res: ServerResponse, fault: Failure, now: Date): void {
  const retryAfter = { "Retry-After": String(fault.retryAfterSeconds) };
  if (fault.status === 429) {
    const body = "Too Many Requests";
    res.writeHead(429, { ...retryAfter, "Content-Length": Buffer.byteLength(body) });
    res.end(body);
    return;
  }
  if (fault.status === 503) return sendAadError(req, res, aad.temporarilyUnavailable(), now, retryAfter);
  sendAadError(req, res, aad.tokenIssuance(), now);
}
