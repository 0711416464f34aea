import { describe, expect, it } from "vitest";
import { diagnose } from "@/lib/microsoft/catalog";

/**
 * Each new entry, fed the answer Microsoft gives for it as the cited page or public report shows it. IDs are
 * placeholders; codes, `error` values, statuses and sentences are Microsoft's.
 */
const TRACE = "7c3280d4-5d54-4240-bc1b-97a405a38000";
const CORRELATION = "1409d806-a8f8-4ba5-a6e5-1b7c68e497ce";

/** The token endpoint's error body (https://learn.microsoft.com/entra/identity-platform/reference-error-codes). */
const entra = (error: string, code: number, sentence: string, status?: number) => ({
  error,
  error_description: `AADSTS${code}: ${sentence}\r\nTrace ID: ${TRACE}\r\nCorrelation ID: ${CORRELATION}\r\nTimestamp: 2020-09-28 21:43:07Z`,
  error_codes: [code],
  timestamp: "2020-09-28 21:43:07Z",
  trace_id: TRACE,
  correlation_id: CORRELATION,
  ...(status ? { status } : {}),
});

/** Graph's error, as the Graph SDK's GraphError carries it (https://learn.microsoft.com/graph/errors). */
const graph = (statusCode: number, code: string | undefined, message: string) => ({
  statusCode,
  code,
  message,
  body: JSON.stringify({ code, message, innerError: { date: "2019-07-16T19:41:51", "request-id": "9e65dd0a-4684-4149-b9f6-5495f3b25487" } }),
});

describe("Entra: passing failures, retried once and then quoted by Correlation ID", () => {
  it.each([
    // Microsoft's AADSTS50000 troubleshooting article (message); 500 server_error as Entra reports internal errors.
    ["AADSTS50000", entra("server_error", 50000, "There was an error issuing a token or an issue with our sign-in service.", 500)],
    // The reference's ExternalServerRetryableError, with the OAuth error it documents for "temporarily too busy".
    ["AADSTS90006", entra("temporarily_unavailable", 90006, "The service is temporarily unavailable.", 503)],
    // Azure/azure-sdk-for-python#14241: HTTP 503.
    ["AADSTS90033", entra("temporarily_unavailable", 90033, "A transient error has occurred. Please try again.", 503)],
  ])("%s is known, retryable, and asks for the Correlation ID, which it carries", (code, body) => {
    const result = diagnose(body);
    expect(result).toMatchObject({ code, known: true, retryable: true, ids: { correlationId: CORRELATION, traceId: TRACE } });
    expect(result.fix).toMatch(/quote the Correlation ID/);
  });

  it("reads an unknown AADSTS number under temporarily_unavailable as retryable, by its OAuth class", () => {
    const result = diagnose(entra("temporarily_unavailable", 9999997, "Something new and passing.", 503));
    expect(result).toMatchObject({ code: "AADSTS9999997", known: false, retryable: true });
  });
});

describe("Entra: certificates", () => {
  it("reads a certificate the app does not list (AzureAD/microsoft-authentication-library-for-js#8339)", () => {
    const result = diagnose(
      entra(
        "invalid_client",
        700027,
        "The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '1C74D736BEA6C95459FD38D02D0A2514A52FC9E9']",
        401,
      ),
    );
    expect(result).toMatchObject({ code: "AADSTS700027", retryable: false });
    expect(result.fix).toMatch(/Thumbprint/);
    expect(result.rawMessage).toContain("The key was not found");
  });

  it("reads an assertion outside its time window (AzureAD/microsoft-authentication-library-for-java#984)", () => {
    const result = diagnose(
      entra(
        "invalid_client",
        700024,
        "Client assertion is not within its valid time range. Current time: 2025-08-29T05:47:32.1501147Z, assertion valid from 1970-01-01T00:00:00.0000000Z, expiry time of assertion 2025-08-29T00:30:05.0000000Z. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .",
        401,
      ),
    );
    expect(result).toMatchObject({ code: "AADSTS700024", retryable: false });
    expect(result.fix).toMatch(/NTP/);
    expect(result.rawMessage).toContain("Current time: 2025-08-29T05:47:32.1501147Z");
  });
});

describe("Entra: delegated sign-ins", () => {
  it.each([
    // AzureAD/microsoft-authentication-library-for-js#2482, sidebase/nuxt-auth#301
    ["AADSTS9002327", entra("invalid_request", 9002327, "Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests."), /Single-page application/],
    // Refresh failure quoted with its full body in public READMEs; the reference's "Request is malformed or invalid".
    ["AADSTS9002313", entra("invalid_grant", 9002313, "Invalid request. Request is malformed or invalid."), /Reconnect/],
    // Microsoft's troubleshooting for bundled consent quotes this wording; the reference has "hasn't subscribed to or enabled".
    ["AADSTS650052", entra("invalid_client", 650052, "The app is trying to access a service \"2a04943b-b6a7-4f65-8786-2bb6131b59f6\"(\"Azure Communication Services Clients\") that your organization \"contoso\" lacks a service principal for."), /az ad sp create/],
    // Azure-Samples/active-directory-dotnetcore-console-up-v2#26
    ["AADSTS50034", entra("invalid_grant", 50034, "The user account {EmailHidden} does not exist in the test.com directory. To sign into this application, the account must be added to the directory."), /work account/],
    // The reference's UserUnauthorized wording.
    ["AADSTS50020", entra("invalid_request", 50020, "User account 'someone@fabrikam.com' from identity provider 'live.com' does not exist in tenant 'Contoso' and cannot access the application."), /private browser window/],
    // SocialiteProviders/Providers#998
    ["AADSTS50078", entra("invalid_grant", 50078, "Presented multi-factor authentication has expired due to policies configured by your administrator, you must refresh your multi-factor authentication to access '00000003-0000-0000-c000-000000000000'."), /Reconnect/],
  ])("%s has its own entry", (code, body, fix) => {
    const result = diagnose(body);
    expect(result).toMatchObject({ code, known: true, retryable: false });
    expect(result.fix).toMatch(fix);
  });
});

describe("Graph refusals", () => {
  it("reads /me with an app-only token (Microsoft's NoPermissionsInAccessToken troubleshooting article)", () => {
    const result = diagnose(graph(401, "NoPermissionsInAccessToken", "The token contains no permissions, or permissions can not be understood."));
    expect(result).toMatchObject({ code: "NoPermissionsInAccessToken", step: "permissions", known: true });
    expect(result.cause).toMatch(/\/me/);
  });

  it("reads a mailbox Graph cannot discover (microsoftgraph/microsoft-graph-docs#5143)", () => {
    const result = diagnose(graph(404, "ResourceNotFound", "Resource could not be discovered."));
    expect(result).toMatchObject({ code: "ResourceNotFound", step: "mailbox", known: true, ids: { requestId: "9e65dd0a-4684-4149-b9f6-5495f3b25487" } });
    expect(result.cause).toMatch(/guest/);
  });

  it("reads Send As refused (microsoftgraph/microsoft-graph-docs-contrib#7446)", () => {
    const result = diagnose(
      graph(403, "ErrorSendAsDenied", "The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account., Cannot submit message."),
    );
    expect(result).toMatchObject({ code: "ErrorSendAsDenied", step: "send" });
  });

  it("reads the daily recipient limit, and says 30 messages a minute are queued, not refused", () => {
    // Exchange Web Services' ResponseCode wording for the code Graph passes through.
    const result = diagnose(graph(429, "ErrorSubmissionQuotaExceeded", "The message couldn't be sent because the sender's submission quota was exceeded."));
    expect(result).toMatchObject({ code: "ErrorSubmissionQuotaExceeded", retryable: true });
    expect(result.cause).toMatch(/10,000 recipients/);
    expect(result.cause).toMatch(/30 messages a minute is not refused/);
  });

  it("reads a message over the mailbox's size limit", () => {
    const result = diagnose(graph(400, "ErrorMessageSizeExceeded", "The message being sent exceeds the message size limit."));
    expect(result).toMatchObject({ code: "ErrorMessageSizeExceeded", retryable: false });
    expect(result.fix).toMatch(/MaxSendSize/);
  });

  it("reads a request over 4 MB by its status (O365/python-o365#472), keeping a code Microsoft sends", () => {
    const bare = diagnose({ statusCode: 413, message: "The maximum request length supported is 4MB." });
    expect(bare).toMatchObject({ code: "RequestEntityTooLarge", known: true, retryable: false, httpStatus: 413 });
    expect(bare.fix).toMatch(/upload session/);
    expect(diagnose(graph(413, "SomeCodeOfTheDay", "The maximum request length supported is 4MB.")).code).toBe("SomeCodeOfTheDay");
  });
});
