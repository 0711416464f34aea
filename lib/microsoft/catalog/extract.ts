import { isIntermediaryAnswer, type IntermediaryAnswer } from "@/lib/microsoft/intermediary";
import { retryAfterSeconds } from "@/lib/microsoft/retry-after";
import type { DiagnosisIds } from "./types";

/** What an error tells us, whatever shape it arrived in. */
export interface ErrorFacts {
  /** The input was a bare code string (product code, "AADSTS…", Graph code…). */
  directCode?: string;
  aadsts?: string;
  graphCode?: string;
  /** MSAL `errorCode` or OAuth `error`. */
  oauthCode?: string;
  status?: number;
  texts: string[];
  message?: string;
  ids: DiagnosisIds;
  retryAfterSeconds?: number;
  timedOut?: boolean;
  unreachable?: boolean;
  /** Something other than Microsoft answered (lib/microsoft/intermediary.ts), found anywhere in the cause chain. */
  intermediary?: IntermediaryAnswer;
}

type Rec = Record<string, unknown>;

const GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
const TRACE_ID = new RegExp(`Trace ID:\\s*(${GUID})`, "i");
const CORRELATION_ID = new RegExp(`Correlation ID:\\s*(${GUID})`, "i");
const TIMESTAMP = /Timestamp:\s*(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?)/i;
const AADSTS = /AADSTS(\d{4,9})/;
/** The AADSTS sentence without the IDs Microsoft appends (MSAL wraps it in its own "Error(s): … - Description:"). */
const AADSTS_SENTENCE = /AADSTS\d+:[\s\S]*?(?=\s*(?:Trace ID:|-\s+Correlation ID:|-\s+Trace ID:)|$)/;
const TIMEOUT_CODES = new Set(["ETIMEDOUT", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);
const UNREACHABLE_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "ECONNRESET", "EHOSTUNREACH", "ENETUNREACH"]);

const isRec = (value: unknown): value is Rec => typeof value === "object" && value !== null;
const str = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;

export function findAadsts(texts: readonly string[]): string | undefined {
  for (const text of texts) {
    const match = AADSTS.exec(text);
    if (match) return match[1];
  }
  return undefined;
}

/** "Microsoft's raw message": the AADSTS sentence when there is one, else the first message we have. */
export function primaryMessage(facts: ErrorFacts): string | undefined {
  for (const text of facts.texts) {
    const sentence = AADSTS_SENTENCE.exec(text);
    if (sentence) return sentence[0].replace(/\s+/g, " ").trim();
  }
  return facts.message ?? facts.texts[0];
}

export function idsFromText(text: string): DiagnosisIds {
  const ids: DiagnosisIds = {};
  const trace = TRACE_ID.exec(text)?.[1];
  const correlation = CORRELATION_ID.exec(text)?.[1];
  const timestamp = TIMESTAMP.exec(text)?.[1];
  if (trace) ids.traceId = trace;
  if (correlation) ids.correlationId = correlation;
  if (timestamp) ids.timestamp = timestamp;
  return ids;
}

/** Reads a header from a fetch Headers object or a plain record, case-insensitively. */
export function readHeader(headers: unknown, name: string): string | undefined {
  if (!isRec(headers)) return undefined;
  if (typeof headers.get === "function") {
    const value: unknown = (headers.get as (n: string) => unknown).call(headers, name);
    return str(value);
  }
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    return str(Array.isArray(value) ? value[0] : value);
  }
  return undefined;
}

/** Graph bodies arrive as `{error:{…}}`, or unwrapped as the SDK's GraphError stores them, as text or object. */
function graphBody(body: unknown): Rec | undefined {
  let value = body;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (!isRec(value)) return undefined;
  return isRec(value.error) ? value.error : value;
}

/** Keeps the first value seen for each id: explicit fields are read before free text. */
function addIds(target: DiagnosisIds, source: DiagnosisIds): void {
  for (const [key, value] of Object.entries(source) as [keyof DiagnosisIds, string | undefined][]) {
    if (value && !target[key]) target[key] = value;
  }
}

/** A bare code ("7000215", "AADSTS7000215", "ErrorInvalidUser") is a key, not a message to show. */
function fromString(input: string, facts: ErrorFacts): void {
  const text = input.trim();
  const aadsts = /^(?:AADSTS)?(\d{4,9})$/i.exec(text)?.[1];
  if (aadsts) facts.aadsts = aadsts;
  else if (/^[A-Za-z][\w.-]*$/.test(text)) facts.directCode = text;
  else if (text) facts.texts.push(text);
}

function fromRecord(input: Rec, facts: ErrorFacts, depth = 0): void {
  if (isIntermediaryAnswer(input)) facts.intermediary ??= input;
  const errorCode = str(input.errorCode);
  const oauthError = str(input.error);
  const code = str(input.code);
  const message = str(input.message);
  const errorMessage = str(input.errorMessage);

  // MSAL: ServerError / InteractionRequiredAuthError / ClientAuthError.
  if (errorCode) {
    // MSAL's own throttle re-raises the cached AADSTS numbers as the errorCode ("50196").
    const numeric = /^(\d{4,9})(?:\s|$)/.exec(errorCode)?.[1];
    if (numeric) facts.aadsts ??= numeric;
    else facts.oauthCode = errorCode;
  }
  const errorNo = input.errorNo;
  if ((typeof errorNo === "number" || typeof errorNo === "string") && /^\d{4,9}$/.test(String(errorNo))) {
    facts.aadsts ??= String(errorNo);
  }
  // Raw token endpoint body: { error, error_description, error_codes, trace_id, correlation_id, timestamp }.
  if (oauthError) facts.oauthCode ??= oauthError;
  if (Array.isArray(input.error_codes) && input.error_codes.length > 0) facts.aadsts ??= String(input.error_codes[0]);

  // Graph: GraphError / plain response.
  const body = graphBody(input.body) ?? (isRec(input.error) ? input.error : undefined);
  const bodyCode = body ? str(body.code) : undefined;
  const bodyMessage = body ? str(body.message) : undefined;
  const inner = body && (isRec(body.innerError) ? body.innerError : isRec(body.innererror) ? body.innererror : undefined);
  if (typeof input.statusCode === "number" && input.statusCode > 0) facts.status = input.statusCode;
  else if (typeof input.status === "number" && input.status > 0) facts.status = input.status;
  else if (typeof input.httpStatus === "number" && input.httpStatus > 0) facts.status = input.httpStatus;
  // Node's system codes (ENOTFOUND, UND_ERR_…) are all capitals; Graph's codes never are.
  if (bodyCode) facts.graphCode = bodyCode;
  else if (code && !/^[A-Z][A-Z0-9_]+$/.test(code)) facts.graphCode = code;

  for (const text of [errorMessage, str(input.error_description), bodyMessage, message, str(input.subError)]) {
    if (text && !facts.texts.includes(text)) facts.texts.push(text);
  }
  if (typeof input.body === "string" && !body) facts.texts.push(input.body);
  // MSAL's `message` repeats errorCode in front of errorMessage, so the latter reads better.
  facts.message ??= bodyMessage ?? errorMessage ?? str(input.error_description) ?? message;

  addIds(facts.ids, {
    traceId: str(input.traceId) ?? str(input.trace_id),
    correlationId: str(input.correlationId) ?? str(input.correlation_id),
    timestamp: str(input.timestamp),
    requestId: str(input.requestId) ?? (inner && str(inner["request-id"])) ?? readHeader(input.headers, "request-id"),
    clientRequestId: (inner && str(inner["client-request-id"])) ?? readHeader(input.headers, "client-request-id"),
  });
  if (inner && str(inner.date)) addIds(facts.ids, { timestamp: str(inner.date) });
  facts.retryAfterSeconds ??= retryAfterSeconds(readHeader(input.headers, "retry-after"));

  // Node's fetch and AbortSignal.timeout(): the reason sits in name/code, sometimes one `cause` down.
  const name = str(input.name);
  // An abort during a test run comes from the test's own time limit, so it counts as a timeout.
  const abortLike = (value?: string) => value === "TimeoutError" || value === "AbortError";
  if (abortLike(name) || abortLike(code) || (code && TIMEOUT_CODES.has(code))) facts.timedOut = true;
  if (code && UNREACHABLE_CODES.has(code)) facts.unreachable = true;
  // Bounded, because `cause` chains can be cyclic.
  if (isRec(input.cause) && depth < 3) {
    const cause: ErrorFacts = { texts: [], ids: {} };
    fromRecord(input.cause, cause, depth + 1);
    facts.timedOut ||= cause.timedOut;
    facts.unreachable ||= cause.unreachable;
    // MSAL's network_error and the Graph SDK's GraphClientError carry it as their cause.
    facts.intermediary ??= cause.intermediary;
  }
}

export function collectFacts(input: unknown): ErrorFacts {
  const facts: ErrorFacts = { texts: [], ids: {} };
  if (typeof input === "string") fromString(input, facts);
  else if (isRec(input)) fromRecord(input, facts);

  facts.aadsts ??= findAadsts(facts.texts);
  for (const text of facts.texts) addIds(facts.ids, idsFromText(text));
  return facts;
}
