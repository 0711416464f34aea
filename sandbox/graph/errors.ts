import type { IncomingMessage, ServerResponse } from "node:http";
import { guid } from "../core/ids";
import { sendJson } from "../core/http";

export interface GraphError {
  status: number;
  code: string;
  message: string;
  retryAfterSeconds?: number;
}

/** Graph stamps every response, success or failure, with these; the SDK reads request-id into GraphError. */
export function graphHeaders(req: IncomingMessage, requestId: string): Record<string, string> {
  return {
    "request-id": requestId,
    "client-request-id": (req.headers["client-request-id"] as string | undefined) ?? requestId,
    "x-ms-ags-diagnostic": JSON.stringify({ ServerInfo: { DataCenter: "Sandbox", Slice: "E", Ring: "5", ScaleUnit: "000" } }),
    "Cache-Control": "no-cache",
  };
}

/** Graph's error body: https://learn.microsoft.com/graph/errors (innerError.date has no fraction and no zone). */
export function sendGraphError(req: IncomingMessage, res: ServerResponse, err: GraphError, now: Date): void {
  const requestId = guid();
  const headers = graphHeaders(req, requestId);
  if (err.retryAfterSeconds !== undefined) headers["Retry-After"] = String(err.retryAfterSeconds);
  sendJson(
    res,
    err.status,
    {
      error: {
        code: err.code,
        message: err.message,
        innerError: {
          date: now.toISOString().slice(0, 19),
          "request-id": requestId,
          "client-request-id": headers["client-request-id"],
        },
      },
    },
    headers,
  );
}

const e = (status: number, code: string, message: string, retryAfterSeconds?: number): GraphError => ({
  status,
  code,
  message,
  retryAfterSeconds,
});

/** Graph errors the sandbox produces, with the texts Graph returns (sources beside each). */
export const graph = {
  // https://github.com/microsoftgraph/microsoft-graph-docs/issues/16208 and friends
  invalidToken: (message: string) => e(401, "InvalidAuthenticationToken", message),
  // No roles / no Mail.Send: https://github.com/microsoftgraph/microsoft-graph-docs/issues/10880
  accessDenied: () => e(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again."),
  // Application access policy: https://learn.microsoft.com/graph/auth-limit-mailbox-access#handling-api-errors,
  // with the [RAOP] detail Exchange appends today.
  accessPolicy: () =>
    e(403, "ErrorAccessDenied", "Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings."),
  insufficientPrivileges: () => e(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation."),
  // https://github.com/microsoftgraph/microsoft-graph-docs/issues/7909 (404 via the JS SDK)
  invalidUser: (id: string) => e(404, "ErrorInvalidUser", `The requested user '${id}' is invalid.`),
  userNotFound: (id: string) =>
    e(404, "Request_ResourceNotFound", `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`),
  // https://github.com/iyear/E5SubBot/issues/39, https://github.com/aomail-ai/aomail-app/issues/18 (no Exchange licence);
  // https://learn.microsoft.com/exchange/troubleshoot/user-and-shared-mailboxes/rest-api-is-not-yet-supported-for-this-mailbox-error
  mailboxNotEnabled: () => e(404, "MailboxNotEnabledForRESTAPI", "The mailbox is either inactive, soft-deleted, or is hosted on-premise."),
  // https://github.com/microsoftgraph/php-connect-sample/issues/13 (400); full text as Exchange returns it.
  invalidRecipient: (address: string) =>
    e(400, "ErrorInvalidRecipients", `At least one recipient is not valid., Recipient '${address}' is not resolved. All recipients must be resolved before a message can be submitted.`),
  noRecipients: () => e(400, "ErrorInvalidRecipients", "At least one recipient is required, but none were found."),
  meRequiresUser: () => e(400, "BadRequest", "/me request is only valid with delegated authentication flow."),
  badPayload: () =>
    e(400, "BadRequest", "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format."),
  malformedId: () => e(400, "ErrorInvalidIdMalformed", "Id is malformed."),
  segmentNotFound: (segment: string) => e(400, "BadRequest", `Resource not found for the segment '${segment}'.`),
  // https://github.com/magodo/terraform-provider-outlook/issues/21 (429 ApplicationThrottled)
  mailboxConcurrency: (retryAfterSeconds: number) =>
    e(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.", retryAfterSeconds),
  // Exchange Online queues messages past 30/minute rather than failing them; the sandbox refuses instead, so a
  // sender can prove it paces itself. The code is Outlook's throttling code; the text is the sandbox's own.
  messageRate: (limit: number, retryAfterSeconds: number) =>
    e(429, "ApplicationThrottled", `Mailbox is over its limit of ${limit} messages per minute.`, retryAfterSeconds),
  // Injected faults: codes from https://learn.microsoft.com/graph/errors , wording ours.
  serviceFault: (status: 429 | 500 | 503, retryAfterSeconds: number) =>
    status === 500
      ? e(500, "generalException", "An unexpected error occurred.")
      : status === 503
        ? e(503, "serviceNotAvailable", "The service is temporarily unavailable.", retryAfterSeconds)
        : e(429, "TooManyRequests", "Please retry again later.", retryAfterSeconds),
};
