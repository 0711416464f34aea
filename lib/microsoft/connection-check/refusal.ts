import { diagnose, type Diagnosis } from "@/lib/microsoft/catalog";
import { GraphResponseError, graphErrorCode } from "./graph-response";
import { grantsMailSend } from "./permissions";

/**
 * Graph's answers when nothing lets the app send from the mailbox: 403 ErrorAccessDenied (or "Access to OData is
 * disabled"), and 401 NoPermissionsInAccessToken when the token holds no permission at all
 * (https://learn.microsoft.com/troubleshoot/entra/entra-id/users-groups-entra-apis/error-call-me-endpoint-microsoft-graph
 * names the code; https://github.com/O365/python-o365/issues/777 and https://github.com/caronc/apprise/issues/225 show it
 * for an app-only sendMail whose token carries no permission).
 * A 401 with any other code is about the token itself and keeps the catalog's own advice.
 */
function refusesSending(err: GraphResponseError): boolean {
  return err.statusCode === 403 || (err.statusCode === 401 && graphErrorCode(err) === "NoPermissionsInAccessToken");
}

/**
 * When the token carries no Mail.Send role, Graph's refusal cannot say which of the two grants is missing: admin
 * consent in Entra, or an Exchange RBAC for Applications role assignment whose management scope covers this mailbox
 * (https://learn.microsoft.com/exchange/permissions-exo/application-rbac). The advice names both and keeps Graph's
 * own answer (status, message, request IDs) for the support ticket.
 */
export function explainRefusal(err: unknown, roles: readonly string[]): Diagnosis | undefined {
  if (!(err instanceof GraphResponseError) || !refusesSending(err) || grantsMailSend(roles)) return undefined;
  const answered = diagnose(err, { step: "send" });
  const advice = diagnose(roles.length === 0 ? "ADMIN_CONSENT_MISSING" : "MAIL_SEND_NOT_GRANTED", { step: "send" });
  return { ...advice, ids: answered.ids, httpStatus: answered.httpStatus, ...(answered.rawMessage ? { rawMessage: answered.rawMessage } : {}) };
}
