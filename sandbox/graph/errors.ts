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
  // An app-only token with no roles at all (nothing admin-consented) calling sendMail: 401 in
  // https://github.com/O365/python-o365/issues/777, same code and text in
  // https://github.com/microsoftgraph/microsoft-graph-docs/issues/5673 and https://github.com/wapacro/laravel-msgraph-mail/issues/4
  noPermissionsInToken: () => e(401, "NoPermissionsInAccessToken", "The token contains no permissions, or permissions can not be understood."),
  // A token that has permissions, but not the one needed (or an Exchange scope that leaves the mailbox out):
  // https://github.com/AzureCAT-GSI/DevCamp/issues/44 (403), https://github.com/microsoftgraph/microsoft-graph-docs/issues/10880
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
  // https://learn.microsoft.com/exchange/troubleshoot/user-and-shared-mailboxes/rest-api-is-not-yet-supported-for-this-mailbox-error.
  // Guests get the same: https://github.com/microsoftgraph/microsoft-graph-docs/issues/17826
  mailboxNotEnabled: () => e(404, "MailboxNotEnabledForRESTAPI", "The mailbox is either inactive, soft-deleted, or is hosted on-premise."),
  // https://github.com/microsoftgraph/php-connect-sample/issues/13 (400); full text as Exchange returns it.
  invalidRecipient: (address: string) =>
    e(400, "ErrorInvalidRecipients", `At least one recipient is not valid., Recipient '${address}' is not resolved. All recipients must be resolved before a message can be submitted.`),
  noRecipients: () => e(400, "ErrorInvalidRecipients", "At least one recipient is required, but none were found."),
  // 403 and code: https://learn.microsoft.com/graph/outlook-send-mail-from-other-user#example-2-unsuccessful-attempt-to-send-without-permissions;
  // the text as Exchange returns it (the doc has since dropped the ","): https://docs.gitlab.com/omnibus/settings/microsoft_graph_mailer/
  // (an app-only send whose "from" is another address) and https://support.iplicit.com/support/solutions/articles/47001299310
  sendAsDenied: () =>
    e(403, "ErrorSendAsDenied", "The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account., Cannot submit message."),
  // Graph takes at most 4 MB per request: 413 for sendMail in https://github.com/O365/python-o365/issues/308;
  // code and text in https://github.com/microsoftgraph/microsoft-graph-docs-contrib/issues/682
  requestTooLarge: () => e(413, "BadRequest", "The maximum request length supported is 4MB."),
  // Over the mailbox's maximum message size: text in https://github.com/microsoftgraph/microsoft-graph-docs/issues/15579,
  // 400 in https://github.com/motze92/office365-mail/issues/39
  messageSizeExceeded: () => e(400, "ErrorMessageSizeExceeded", "The message exceeds the maximum supported size."),
  // Only custom "x-" headers may be set (https://learn.microsoft.com/graph/api/resources/message); the refusal:
  // https://github.com/terminal42/contao-notification_center/issues/436, 400 per several live reports.
  invalidInternetMessageHeader: (name: string) =>
    e(400, "InvalidInternetMessageHeader", `The internet message header name '${name}' should start with 'x-' or 'X-'.`),
  // https://learn.microsoft.com/graph/api/user-list-messages#using-filter-and-orderby-in-the-same-query (400 as clients see it)
  inefficientFilter: () => e(400, "InefficientFilter", "The restriction or sort order is too complex for this operation."),
  // Query syntax the sandbox does not implement: Graph's code, the sandbox's own words.
  unsupportedQuery: (detail: string) => e(400, "BadRequest", `The sandbox does not support this query: ${detail}`),
  meRequiresUser: () => e(400, "BadRequest", "/me request is only valid with delegated authentication flow."),
  badPayload: () =>
    e(400, "BadRequest", "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format."),
  malformedId: () => e(400, "ErrorInvalidIdMalformed", "Id is malformed."),
  segmentNotFound: (segment: string) => e(400, "BadRequest", `Resource not found for the segment '${segment}'.`),
  // https://github.com/magodo/terraform-provider-outlook/issues/21 (429 ApplicationThrottled)
  mailboxConcurrency: (retryAfterSeconds: number) =>
    e(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.", retryAfterSeconds),
  // Injected faults: codes from https://learn.microsoft.com/graph/errors , wording ours.
  serviceFault: (status: 429 | 500 | 503, retryAfterSeconds: number) =>
    status === 500
      ? e(500, "generalException", "An unexpected error occurred.")
      : status === 503
        ? e(503, "serviceNotAvailable", "The service is temporarily unavailable.", retryAfterSeconds)
        : e(429, "TooManyRequests", "Please retry again later.", retryAfterSeconds),
};
