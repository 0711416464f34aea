import { getEntry } from "./catalog";
import { DOCS } from "./docs";
import { ODATA_DISABLED } from "./entries/graph";
import { ENTRA_THROTTLED } from "./entries/identity";
import { INTERMEDIARY_ANSWERED, intermediaryAdvice, PROXY_AUTHENTICATION_REQUIRED } from "./entries/network";
import { collectFacts, type ErrorFacts, primaryMessage } from "./extract";
import { SIGN_IN_LOGS } from "./portal";
import { scrub } from "./scrub";
import type { CatalogEntry, DiagnoseOptions, Diagnosis, TestStep } from "./types";

const ODATA_TEXT = /Access to OData is disabled/i;
/** Codes under which Exchange reports an application access policy / RBAC scope refusal. */
const ODATA_CODES = new Set(["erroraccessdenied", "accessdenied", "extensionerror"]);
const STATUS_ENTRIES: Readonly<Record<number, string>> = {
  413: "RequestEntityTooLarge",
  429: "TooManyRequests",
  500: "InternalServerError",
  502: "InternalServerError",
  503: "ServiceUnavailable",
  504: "GatewayTimeout",
};

function resolve(facts: ErrorFacts, options: DiagnoseOptions): CatalogEntry | undefined {
  // Whatever the libraries made of it, Microsoft said nothing: the answer came from the network.
  if (facts.intermediary) return getEntry(facts.intermediary.status === 407 ? PROXY_AUTHENTICATION_REQUIRED : INTERMEDIARY_ANSWERED);
  const text = facts.texts.join("\n");
  if (facts.directCode) {
    const entry = getEntry(facts.directCode);
    if (entry) return entry;
  }
  if (facts.timedOut) return getEntry("TIMEOUT");
  if (facts.aadsts) {
    if (facts.aadsts === "7000215" && options.secretLooksLikeId) return getEntry("SECRET_LOOKS_LIKE_ID");
    const entry = getEntry(`AADSTS${facts.aadsts}`);
    if (entry) return entry;
  }
  // Same code as a missing permission; only the message says Exchange's access policy refused.
  if (ODATA_TEXT.test(text) && (!facts.graphCode || ODATA_CODES.has(facts.graphCode.toLowerCase()))) {
    return getEntry(ODATA_DISABLED);
  }
  if (facts.graphCode) {
    // Exchange reports the 4-concurrent-requests limit as ApplicationThrottled; the message names it.
    if (/^(ApplicationThrottled|TooManyRequests)$/i.test(facts.graphCode) && /MailboxConcurrency/i.test(text)) {
      return getEntry("MailboxConcurrency");
    }
    const entry = getEntry(facts.graphCode);
    if (entry) return entry;
  }
  // An unknown AADSTS number is more telling than the OAuth class around it; the fallback uses both.
  if (facts.aadsts) return undefined;
  if (facts.oauthCode) {
    const entry = getEntry(facts.oauthCode);
    if (entry) return entry;
    // Entra throttles client credentials with a bare 429 whose body MSAL cannot parse, so only the status tells.
    if (facts.status === 429) return getEntry(ENTRA_THROTTLED);
  }
  // A Graph call whose token step failed inside the SDK carries MSAL's error only as text.
  if (facts.unreachable || /\bnetwork_error\b/.test(text)) return getEntry("network_error");
  const byStatus = facts.status === undefined ? undefined : getEntry(STATUS_ENTRIES[facts.status] ?? "");
  // The advice follows the status, but a code Microsoft sent stays the code shown, so it can be looked up and quoted.
  return byStatus && facts.graphCode ? { ...byStatus, code: facts.graphCode } : byStatus;
}

/** "60 seconds", "3 minutes": how long Microsoft asked to wait, as a person would say it. */
function waitText(seconds: number): string {
  if (seconds < 120) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

function stepForStatus(status: number | undefined): TestStep {
  if (status === 401) return "token";
  if (status === 403) return "permissions";
  if (status === 404) return "mailbox";
  return "send";
}

/** Advice for a code the catalog does not know: still actionable, and honest that it is generic. */
function fallback(facts: ErrorFacts, options: DiagnoseOptions): CatalogEntry {
  const shown = "Microsoft's own message is shown below.";
  if (facts.aadsts) {
    // The OAuth class ("invalid_grant", "invalid_client"…) still says what kind of fix applies.
    const kind = facts.oauthCode ? getEntry(facts.oauthCode) : undefined;
    return {
      code: `AADSTS${facts.aadsts}`,
      source: "entra",
      title: `Microsoft sign-in failed (AADSTS${facts.aadsts})`,
      cause: `Microsoft's sign-in service returned a code forge365 has no specific advice for yet. ${shown}`,
      fix:
        `Look the code up at https://login.microsoftonline.com/error?code=${facts.aadsts}. To read Microsoft's own ` +
        `failure reason, find this attempt in ${SIGN_IN_LOGS} ("Service principal sign-ins" for app-only ` +
        "connections) by its Correlation ID. " +
        (kind
          ? `Microsoft classes it as ${kind.code} (${kind.title.toLowerCase()}): ${kind.fix}`
          : "Meanwhile check the connection's Tenant ID, Client ID and client secret Value."),
      docsUrl: DOCS.aadstsReference,
      step: options.step ?? kind?.step ?? "token",
      severity: "error",
      retryable: kind?.retryable ?? false,
    };
  }
  if (facts.graphCode || facts.status !== undefined) {
    const code = facts.graphCode ?? `HTTP_${facts.status}`;
    const retryable = facts.status === 429 || (facts.status !== undefined && facts.status >= 500);
    return {
      code,
      source: "graph",
      title: `Microsoft Graph returned an unexpected error (${code})`,
      cause: `Microsoft Graph answered with an error forge365 has no specific advice for yet. ${shown}`,
      fix:
        (retryable ? "Test again in a few minutes. " : "") +
        "If it repeats, look the code up in Microsoft Graph's error reference and quote the request-id and date " +
        "below when contacting Microsoft support.",
      docsUrl: DOCS.graphErrors,
      step: options.step ?? stepForStatus(facts.status),
      severity: "error",
      retryable,
    };
  }
  if (facts.oauthCode) {
    return {
      code: facts.oauthCode,
      source: "msal",
      title: `Sign-in library error (${facts.oauthCode})`,
      cause: `MSAL, the Microsoft sign-in library forge365 uses, stopped with an error it did not explain further. ${shown}`,
      fix:
        "Check the connection's cloud, Tenant ID and Client ID. If they are right, report the error and its message " +
        "to the forge365 maintainers.",
      docsUrl: DOCS.msalErrors,
      step: options.step ?? "token",
      severity: "error",
      retryable: false,
    };
  }
  return {
    code: facts.directCode ?? "UNKNOWN",
    source: "product",
    title: "Unexpected error",
    cause: "The test failed without a code forge365 recognizes; the message below is all there is.",
    fix: "Test again. If it repeats, report it to the forge365 maintainers together with the message below.",
    docsUrl: DOCS.graphErrors,
    step: options.step ?? "token",
    severity: "error",
    retryable: false,
  };
}

/**
 * Turns whatever failed (an MSAL error, a Graph error, a token endpoint body, a fetch error, or a
 * catalog code) into the advice to show. Never throws; an unknown input yields generic advice.
 */
export function diagnose(input: unknown, options: DiagnoseOptions = {}): Diagnosis {
  const facts = collectFacts(input);
  const entry = resolve(facts, options);
  const answer = facts.intermediary;
  const base = { ...(entry ?? fallback(facts, options)), ...(answer && intermediaryAdvice(answer)) };
  const step = options.step && entry?.anyStep ? options.step : base.step;
  // The advice quotes an intermediary's page itself; no message of it is Microsoft's.
  const raw = answer ? undefined : primaryMessage(facts);
  const status = answer?.status ?? facts.status;
  // Retry-After is the one piece of timing Microsoft gives; the entries cannot know it in advance.
  const wait =
    base.retryable && facts.retryAfterSeconds !== undefined
      ? ` Microsoft asked to wait ${waitText(facts.retryAfterSeconds)} before trying again.`
      : "";

  const diagnosis: Diagnosis = {
    code: base.code,
    source: base.source,
    title: base.title,
    cause: base.cause,
    fix: base.fix + wait,
    docsUrl: base.docsUrl,
    step,
    severity: base.severity,
    retryable: base.retryable,
    known: entry !== undefined,
    ids: { ...facts.ids },
  };
  if (raw) diagnosis.rawMessage = scrub(raw);
  if (status !== undefined) diagnosis.httpStatus = status;
  if (facts.retryAfterSeconds !== undefined) diagnosis.retryAfterSeconds = facts.retryAfterSeconds;
  return diagnosis;
}
