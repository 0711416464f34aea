import { describe, expect, it } from "vitest";
import { diagnose } from "@/lib/microsoft/catalog";

const TRACE = "0b9d2f4e-1c3a-4d5e-8f60-7a8b9c0d1e2f";
const CORRELATION = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9";
const STAMP = "2026-11-26 21:12:59Z";
const APP = "11111111-2222-3333-4444-555555555555";

/** The error_description Entra returns, with the IDs it appends on separate lines. */
const description = (sentence: string) =>
  `${sentence}\r\nTrace ID: ${TRACE}\r\nCorrelation ID: ${CORRELATION}\r\nTimestamp: ${STAMP}`;

/** How MSAL's ResponseHandler wraps a token endpoint error into ServerError.errorMessage. */
const msalErrorString = (codes: number, sentence: string) =>
  `Error(s): ${codes} - Timestamp: ${STAMP} - Description: ${description(sentence)} - Correlation ID: ${CORRELATION} - Trace ID: ${TRACE}`;

const SECRET_SENTENCE =
  "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client " +
  `secret value, not the client secret ID, for a secret added to app '${APP}'.`;

/** Mimics an MSAL ServerError instance (fields as msal-common sets them). */
const serverError = (errorNo: number | string, errorCode: string, sentence: string, status = 400) => ({
  name: "ServerError",
  message: `${errorCode}: ${msalErrorString(Number(errorNo), sentence)}`,
  errorCode,
  errorMessage: msalErrorString(Number(errorNo), sentence),
  subError: "",
  correlationId: CORRELATION,
  errorNo,
  status,
});

/** Mimics @microsoft/microsoft-graph-client's GraphError: body is the JSON of the unwrapped `error` object. */
const graphError = (statusCode: number, code: string, message: string, headers?: Record<string, string>) => ({
  name: "Error",
  statusCode,
  code,
  message,
  requestId: "8a7f6e5d-4c3b-2a19-0807-f6e5d4c3b2a1",
  date: new Date(),
  body: JSON.stringify({
    code,
    message,
    innerError: {
      date: "2026-11-26T21:12:59",
      "request-id": "8a7f6e5d-4c3b-2a19-0807-f6e5d4c3b2a1",
      "client-request-id": "c0ffee00-0000-4000-8000-000000000001",
    },
  }),
  headers: new Headers(headers),
});

describe("diagnose: MSAL errors", () => {
  it("reads a ServerError for a wrong secret, with its IDs and Microsoft's sentence", () => {
    const result = diagnose(serverError(7000215, "invalid_client", SECRET_SENTENCE, 401));
    expect(result).toMatchObject({
      code: "AADSTS7000215",
      step: "token",
      known: true,
      retryable: false,
      httpStatus: 401,
      ids: { traceId: TRACE, correlationId: CORRELATION, timestamp: STAMP },
    });
    expect(result.rawMessage).toBe(SECRET_SENTENCE);
  });

  it("accepts errorNo as a string and finds the code in the message when errorNo is absent", () => {
    const sentence = `AADSTS7000222: The provided client secret keys for app '${APP}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`;
    expect(diagnose(serverError("7000222", "invalid_client", sentence)).code).toBe("AADSTS7000222");
    const { errorNo: _omitted, ...withoutNumber } = serverError(7000222, "invalid_client", sentence);
    expect(diagnose(withoutNumber).code).toBe("AADSTS7000222");
  });

  it("reads an InteractionRequiredAuthError, whose IDs are fields rather than text", () => {
    const result = diagnose({
      name: "InteractionRequiredAuthError",
      errorCode: "invalid_grant",
      errorMessage:
        "AADSTS700082: The refresh token has expired due to inactivity. The token was issued on 2026-08-01T10:00:00Z and was inactive for 90.00:00:00.",
      subError: "bad_token",
      correlationId: CORRELATION,
      timestamp: "2026-11-26 21:12:59Z",
      traceId: TRACE,
      claims: "",
      errorNo: "700082",
    });
    expect(result.code).toBe("AADSTS700082");
    expect(result.ids).toEqual({ traceId: TRACE, correlationId: CORRELATION, timestamp: STAMP });
  });

  it("reads MSAL's own throttle, which re-raises the cached AADSTS number as errorCode", () => {
    const result = diagnose({
      name: "ServerError",
      errorCode: "50196",
      errorMessage: description("AADSTS50196: The server terminated an operation because it encountered a client request loop."),
      correlationId: CORRELATION,
    });
    expect(result).toMatchObject({ code: "AADSTS50196", retryable: true });
  });

  it("reads Entra's bare 429, whose body MSAL cannot parse, from the status the token step puts on the error", () => {
    const result = diagnose({
      name: "ClientAuthError",
      errorCode: "token_parsing_error",
      errorMessage: "Failed to parse response (HTTP 429): SyntaxError: Unexpected token 'T', \"Too Many Requests\" is not valid JSON",
      correlationId: CORRELATION,
      status: 429,
      headers: { "retry-after": "60" },
    });
    expect(result).toMatchObject({ code: "ENTRA_THROTTLED", source: "entra", retryable: true, retryAfterSeconds: 60, step: "token" });
    expect(result.fix).toMatch(/wait 60 seconds/);
  });

  it("reads ClientAuthError network_error as unreachable Microsoft", () => {
    const result = diagnose({
      name: "ClientAuthError",
      errorCode: "network_error",
      errorMessage: "Network request failed: fetch failed",
      subError: "",
      correlationId: CORRELATION,
    });
    expect(result).toMatchObject({ code: "network_error", retryable: true, known: true });
  });

  it("falls back to the OAuth error when Microsoft gives no AADSTS number", () => {
    expect(diagnose({ errorCode: "invalid_grant", errorMessage: "Grant is invalid." }).code).toBe("invalid_grant");
  });

  it("maps MSAL's client-side codes onto the product's own", () => {
    expect(diagnose({ errorCode: "state_mismatch", errorMessage: "State mismatch error" }).code).toBe("STATE_INVALID");
    expect(diagnose({ errorCode: "no_tokens_found", errorMessage: "No refresh token found" }).code).toBe(
      "REFRESH_TOKEN_MISSING",
    );
  });

  it("uses the more precise Secret-ID advice when the caller knows the secret is GUID-shaped", () => {
    const result = diagnose(serverError(7000215, "invalid_client", SECRET_SENTENCE, 401), { secretLooksLikeId: true });
    expect(result.code).toBe("SECRET_LOOKS_LIKE_ID");
    expect(result.ids.traceId).toBe(TRACE);
  });
});

describe("diagnose: token endpoint bodies and strings", () => {
  it("reads a raw token endpoint error body", () => {
    const result = diagnose({
      error: "invalid_request",
      error_description: description(
        "AADSTS90002: Tenant 'contoso.example' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.",
      ),
      error_codes: [90002],
      timestamp: STAMP,
      trace_id: TRACE,
      correlation_id: CORRELATION,
      error_uri: "https://login.microsoftonline.com/error?code=90002",
    });
    expect(result).toMatchObject({ code: "AADSTS90002", ids: { traceId: TRACE, correlationId: CORRELATION } });
    expect(result.rawMessage).toMatch(/^AADSTS90002: Tenant 'contoso.example' not found/);
  });

  it("accepts codes as strings in every spelling", () => {
    expect(diagnose("7000215").code).toBe("AADSTS7000215");
    expect(diagnose("AADSTS7000215").code).toBe("AADSTS7000215");
    expect(diagnose("  SECRET_EXPIRED_BY_DATE ").code).toBe("SECRET_EXPIRED_BY_DATE");
    expect(diagnose("SECRET_EXPIRED_BY_DATE").rawMessage).toBeUndefined();
  });

  it("finds the code inside a pasted message", () => {
    const result = diagnose(description("AADSTS53003: Access has been blocked by Conditional Access policies."));
    expect(result.code).toBe("AADSTS53003");
    expect(result.ids.correlationId).toBe(CORRELATION);
  });
});

describe("diagnose: Graph errors", () => {
  it("reads a generic 403 as Mail.Send missing, with request IDs from innerError", () => {
    const result = diagnose(graphError(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again."));
    expect(result).toMatchObject({
      code: "ErrorAccessDenied",
      step: "permissions",
      httpStatus: 403,
      ids: {
        requestId: "8a7f6e5d-4c3b-2a19-0807-f6e5d4c3b2a1",
        clientRequestId: "c0ffee00-0000-4000-8000-000000000001",
        timestamp: "2026-11-26T21:12:59",
      },
    });
    expect(result.fix).toMatch(/Mail\.Send/);
  });

  it("tells an application access policy refusal apart from a missing permission", () => {
    const blocked = diagnose(graphError(403, "ErrorAccessDenied", "Access to OData is disabled."));
    expect(blocked.code).toBe("ErrorAccessDenied.ODataDisabled");
    expect(blocked.fix).toMatch(/Test-ApplicationAccessPolicy/);
    const policyWording = diagnose(
      graphError(403, "ErrorAccessDenied", "Access to OData is disabled: Blocked by tenant configured AppOnly AccessPolicy settings."),
    );
    expect(policyWording.code).toBe("ErrorAccessDenied.ODataDisabled");
    const extension = diagnose(
      graphError(403, "ExtensionError", "Operation: Create; Exception: [Status Code: Forbidden; Reason: Access to OData is disabled.]"),
    );
    expect(extension.code).toBe("ErrorAccessDenied.ODataDisabled");
    expect(diagnose(graphError(403, "ErrorAccessDenied", "Access is denied.")).code).toBe("ErrorAccessDenied");
  });

  it("reads the body when it is wrapped in {error: …} and the top-level fields are missing", () => {
    const result = diagnose({
      statusCode: 403,
      body: JSON.stringify({
        error: { code: "ErrorAccessDenied", message: "Access to OData is disabled.", innerError: { "request-id": "r-1" } },
      }),
    });
    expect(result).toMatchObject({ code: "ErrorAccessDenied.ODataDisabled", ids: { requestId: "r-1" } });
  });

  it("reads mailbox problems", () => {
    expect(diagnose(graphError(404, "ErrorInvalidUser", "The requested user 'nobody@contoso.com' is invalid.")).step).toBe(
      "mailbox",
    );
    const notInExchange = diagnose(
      graphError(404, "MailboxNotEnabledForRESTAPI", "The mailbox is either inactive, soft-deleted, or is hosted on-premise."),
    );
    expect(notInExchange).toMatchObject({ code: "MailboxNotEnabledForRESTAPI", step: "mailbox" });
    expect(diagnose(graphError(404, "MailboxNotSupportedForRESTAPI", "REST API is not yet supported for this mailbox.")).code).toBe(
      "MailboxNotEnabledForRESTAPI",
    );
  });

  it("reads sending problems", () => {
    expect(diagnose(graphError(400, "ErrorInvalidRecipients", "At least one recipient isn't valid.")).code).toBe(
      "ErrorInvalidRecipients",
    );
    expect(diagnose(graphError(403, "ErrorSendAsDenied", "The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account.")).code).toBe("ErrorSendAsDenied");
    expect(diagnose(graphError(403, "ErrorMessageSubmissionBlocked", "Cannot send mail. Message submission blocked.")).retryable).toBe(false);
    expect(diagnose(graphError(403, "ErrorQuotaExceeded", "Mailbox has exceeded maximum mailbox size.")).code).toBe(
      "ErrorQuotaExceeded",
    );
  });

  it("reads throttling, telling mailbox concurrency apart, with Retry-After", () => {
    const concurrency = diagnose(
      graphError(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.", { "Retry-After": "3" }),
    );
    expect(concurrency).toMatchObject({ code: "MailboxConcurrency", retryable: true, retryAfterSeconds: 3 });
    expect(diagnose(graphError(429, "ApplicationThrottled", "Application is over its IncomingBytes limit.")).code).toBe(
      "ApplicationThrottled",
    );
    expect(diagnose({ statusCode: 429, code: null, message: "", headers: { "retry-after": "12" } })).toMatchObject({
      code: "TooManyRequests",
      retryAfterSeconds: 12,
    });
  });

  it("reads outages by status when Graph gives no known code, and still shows Microsoft's code", () => {
    expect(diagnose({ statusCode: 503, code: "UnknownError", message: "" })).toMatchObject({
      code: "UnknownError",
      title: "Microsoft Graph is temporarily unavailable",
      retryable: true,
      known: true,
    });
    expect(diagnose({ statusCode: 504, code: "UnknownError", message: "" }).title).toBe("Microsoft Graph timed out");
    expect(diagnose({ statusCode: 503, message: "" }).code).toBe("ServiceUnavailable");
  });

  it("says how long Microsoft asked to wait when throttling outlasted the test", () => {
    const result = diagnose(graphError(429, "TooManyRequests", "Please retry again later.", { "Retry-After": "20" }));
    expect(result).toMatchObject({ code: "TooManyRequests", retryable: true, retryAfterSeconds: 20 });
    expect(result.cause).toMatch(/kept answering 429/);
    expect(result.fix).toMatch(/Microsoft asked to wait 20 seconds before trying again\.$/);
    expect(diagnose(graphError(429, "TooManyRequests", "x", { "Retry-After": "600" })).fix).toMatch(/wait 10 minutes/);
    expect(diagnose(graphError(403, "ErrorAccessDenied", "x", { "Retry-After": "5" })).fix).not.toMatch(/asked to wait/);
  });

  it("finds the AADSTS code when a token failure surfaces inside a GraphError", () => {
    const sentence = `AADSTS7000222: The provided client secret keys for app '${APP}' are expired.`;
    const result = diagnose({
      statusCode: -1,
      code: "ServerError",
      message: "",
      requestId: null,
      body: `ServerError: invalid_client: ${msalErrorString(7000222, sentence)}`,
    });
    expect(result.code).toBe("AADSTS7000222");
    expect(result.ids.traceId).toBe(TRACE);
  });

  it("reads token and directory errors", () => {
    expect(diagnose(graphError(401, "InvalidAuthenticationToken", "Access token has expired or is not yet valid.")).step).toBe(
      "token",
    );
    expect(diagnose(graphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.")))
      .toMatchObject({ code: "Authorization_RequestDenied", step: "mailbox", severity: "warning" });
  });
});

describe("diagnose: network and timeouts", () => {
  it("reads AbortSignal.timeout() as the product's TIMEOUT, at the caller's step", () => {
    const result = diagnose(new DOMException("The operation was aborted due to timeout", "TimeoutError"), { step: "send" });
    expect(result).toMatchObject({ code: "TIMEOUT", step: "send", retryable: true });
  });

  it("reads Node's fetch failure as unreachable Microsoft", () => {
    const error = new TypeError("fetch failed", { cause: Object.assign(new Error("getaddrinfo ENOTFOUND login.microsoftonline.com"), { code: "ENOTFOUND" }) });
    expect(diagnose(error).code).toBe("network_error");
  });
});

describe("diagnose: unknown codes", () => {
  it("still explains an unknown AADSTS code, with Microsoft's message and a lookup link", () => {
    const result = diagnose(serverError(9999999, "invalid_request", "AADSTS9999999: Something brand new happened."));
    expect(result).toMatchObject({ code: "AADSTS9999999", known: false, source: "entra", step: "token" });
    expect(result.rawMessage).toBe("AADSTS9999999: Something brand new happened.");
    expect(result.fix).toContain("https://login.microsoftonline.com/error?code=9999999");
    expect(result.title.length).toBeGreaterThan(0);
    expect(result.docsUrl).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    expect(result.ids.correlationId).toBe(CORRELATION);
  });

  it("keeps Microsoft's OAuth class as a hint when the AADSTS number is unknown", () => {
    const result = diagnose(serverError(9999998, "invalid_grant", "AADSTS9999998: A new kind of expired grant."));
    expect(result).toMatchObject({ code: "AADSTS9999998", known: false });
    expect(result.fix).toMatch(/invalid_grant/);
    expect(result.fix).toMatch(/Reconnect/);
  });

  it("shows an unknown Graph code, its message and its request IDs exactly as Microsoft sent them", () => {
    const message = "Something we have never seen: 'adele.vance@contoso.onmicrosoft.com' {0} <x> 42%.";
    const result = diagnose(graphError(409, "ErrorBrandNewThing", message));
    expect(result).toMatchObject({
      code: "ErrorBrandNewThing",
      known: false,
      httpStatus: 409,
      rawMessage: message,
      ids: { requestId: "8a7f6e5d-4c3b-2a19-0807-f6e5d4c3b2a1", clientRequestId: "c0ffee00-0000-4000-8000-000000000001" },
    });
    expect(result.title).toContain("ErrorBrandNewThing");
    expect(result.fix).toMatch(/request-id/);
  });

  it("still explains an unknown Graph code, choosing the step from the status", () => {
    const result = diagnose(graphError(400, "ErrorSomethingNew", "A thing went wrong."));
    expect(result).toMatchObject({ code: "ErrorSomethingNew", known: false, step: "send", rawMessage: "A thing went wrong." });
    expect(diagnose(graphError(403, "ErrorOther", "x")).step).toBe("permissions");
    expect(diagnose(graphError(502, "ErrorOther", "x")).retryable).toBe(true);
  });

  it("lets the caller's step win for unknown codes", () => {
    expect(diagnose(graphError(400, "ErrorSomethingNew", "x"), { step: "mailbox" }).step).toBe("mailbox");
  });

  it("keeps the entry's own step for codes that belong to one step", () => {
    expect(diagnose("AADSTS7000215", { step: "send" }).step).toBe("token");
  });

  it("uses the caller's step for codes that can happen at any step", () => {
    expect(diagnose({ statusCode: 429, code: "TooManyRequests", message: "" }, { step: "mailbox" }).step).toBe("mailbox");
    expect(diagnose({ errorCode: "network_error", errorMessage: "Request timeout" }, { step: "token" }).step).toBe("token");
  });

  it("survives a cyclic cause chain", () => {
    const a: Record<string, unknown> = { message: "a" };
    const b: Record<string, unknown> = { message: "b", cause: a };
    a.cause = b;
    expect(diagnose(a).code).toBe("UNKNOWN");
  });

  it("never throws, whatever it is given", () => {
    for (const input of [undefined, null, 42, "", {}, [], new Error("boom"), { errorCode: 5 }]) {
      const result = diagnose(input);
      expect(result.title.length).toBeGreaterThan(0);
      expect(result.fix.length).toBeGreaterThan(0);
      expect(result.known).toBe(false);
    }
    expect(diagnose(new Error("boom")).rawMessage).toBe("boom");
  });
});

describe("diagnose: scrubbing", () => {
  it("never returns a token or a secret found in a message", () => {
    const jwt =
      "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20iLCJyb2xlcyI6W119.c2lnbmF0dXJlLXBhcnQ";
    const result = diagnose({
      statusCode: 400,
      code: "ErrorSomethingNew",
      message: `Bad request: Authorization: Bearer ${jwt} body client_secret=abC8Q~0123456789abcdefghijKLMNOPQRSTuvwx&grant_type=client_credentials`,
    });
    expect(result.rawMessage).not.toContain(jwt);
    expect(result.rawMessage).not.toContain("abC8Q~");
    expect(result.rawMessage).toContain("client_secret=[redacted]");
    expect(result.rawMessage).toContain("grant_type=client_credentials");
  });
});
