import { describe, expect, it } from "vitest";
import { catalogEntries, diagnose, getEntry, SEVERITIES, TEST_STEPS } from "@/lib/microsoft/catalog";
import { ODATA_DISABLED } from "@/lib/microsoft/catalog/entries/graph";
import { ENTRA_THROTTLED } from "@/lib/microsoft/catalog/entries/identity";

/** Every code the product promises to explain. */
const REQUIRED = {
  entra: [
    "AADSTS90002", "AADSTS700016", "AADSTS7000215", "AADSTS7000222", "AADSTS7000112", "AADSTS53003",
    "AADSTS50011", "AADSTS65001", "AADSTS700082", "AADSTS50173", "AADSTS70008", "AADSTS50076", "AADSTS50079",
    "AADSTS50058", "AADSTS90014", "AADSTS900023", "AADSTS500011", "AADSTS70011", "AADSTS650057",
    "AADSTS7000218", "AADSTS50034", "AADSTS50126", "AADSTS50196", "invalid_grant",
    "AADSTS50000", "AADSTS90006", "temporarily_unavailable", ENTRA_THROTTLED, "AADSTS700027", "AADSTS700024",
    "AADSTS50078", "AADSTS9002327", "AADSTS9002313", "AADSTS650052", "AADSTS50020",
  ],
  graph: [
    "ErrorAccessDenied", ODATA_DISABLED, "ErrorInvalidUser", "MailboxNotEnabledForRESTAPI", "ErrorInvalidRecipients",
    "ErrorSendAsDenied", "ErrorQuotaExceeded", "ApplicationThrottled", "MailboxConcurrency", "TooManyRequests",
    "ErrorMessageSubmissionBlocked", "InvalidAuthenticationToken", "Authorization_RequestDenied",
    "ErrorExceededMessageLimit", "ServiceUnavailable", "GatewayTimeout",
    "NoPermissionsInAccessToken", "ResourceNotFound", "ErrorSubmissionQuotaExceeded", "ErrorMessageSizeExceeded",
    "RequestEntityTooLarge",
  ],
  msal: ["network_error"],
  product: [
    "SECRET_EXPIRED_BY_DATE", "SECRET_UNREADABLE", "MAIL_SEND_NOT_GRANTED", "ADMIN_CONSENT_MISSING",
    "EXCESSIVE_PERMISSIONS", "USER_READ_ALL_NOT_GRANTED", "TIMEOUT", "WRONG_ACCOUNT_SIGNED_IN", "STATE_INVALID",
    "REFRESH_TOKEN_MISSING",
  ],
} as const;
const REQUIRED_CODES = Object.values(REQUIRED).flat();

function isMicrosoftDocs(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === "https:" && (parsed.hostname === "learn.microsoft.com" || parsed.hostname === "aka.ms");
}

describe("catalog", () => {
  it.each(REQUIRED_CODES)("%s resolves to its own complete entry", (code) => {
    const entry = getEntry(code);
    expect(entry?.code).toBe(code);
    const diagnosis = diagnose(code);
    expect(diagnosis.code).toBe(code);
    expect(diagnosis.known).toBe(true);
    for (const field of [diagnosis.title, diagnosis.cause, diagnosis.fix]) expect(field.trim().length).toBeGreaterThan(10);
    expect(isMicrosoftDocs(diagnosis.docsUrl)).toBe(true);
  });

  it("puts each required code under the source it was listed for", () => {
    for (const [source, codes] of Object.entries(REQUIRED)) {
      for (const code of codes) expect(getEntry(code)?.source, code).toBe(source);
    }
  });

  it("has unique codes and well-formed fields on every entry", () => {
    const entries = catalogEntries();
    expect(new Set(entries.map((entry) => entry.code)).size).toBe(entries.length);
    for (const entry of entries) {
      expect(entry.title, entry.code).not.toMatch(/\.$/);
      expect(entry.cause.length, entry.code).toBeGreaterThan(20);
      expect(entry.fix.length, entry.code).toBeGreaterThan(20);
      expect(isMicrosoftDocs(entry.docsUrl), entry.code).toBe(true);
      expect(TEST_STEPS, entry.code).toContain(entry.step);
      expect(SEVERITIES, entry.code).toContain(entry.severity);
      expect(`${entry.title} ${entry.cause} ${entry.fix}`, entry.code).not.toMatch(/undefined|\$\{|TODO/);
    }
  });

  it("marks throttling and outages retryable, and configuration mistakes not", () => {
    for (const code of ["ApplicationThrottled", "MailboxConcurrency", "TooManyRequests", "ServiceUnavailable",
      "GatewayTimeout", "AADSTS50196", "network_error", "TIMEOUT", "AADSTS50000", "AADSTS90006", "temporarily_unavailable",
      ENTRA_THROTTLED, "ErrorSubmissionQuotaExceeded"]) {
      expect(getEntry(code)?.retryable, code).toBe(true);
    }
    for (const code of ["AADSTS7000215", "AADSTS7000222", "AADSTS90002", "ErrorAccessDenied", ODATA_DISABLED,
      "SECRET_EXPIRED_BY_DATE", "ADMIN_CONSENT_MISSING", "AADSTS700027", "AADSTS700024", "AADSTS9002327",
      "NoPermissionsInAccessToken", "RequestEntityTooLarge", "ErrorMessageSizeExceeded"]) {
      expect(getEntry(code)?.retryable, code).toBe(false);
    }
  });

  it("keeps warnings and information apart from failures", () => {
    expect(getEntry("EXCESSIVE_PERMISSIONS")?.severity).toBe("warning");
    expect(getEntry("USER_READ_ALL_NOT_GRANTED")?.severity).toBe("info");
    expect(getEntry("USER_READ_ALL_NOT_GRANTED")?.step).toBe("mailbox");
    expect(getEntry("AADSTS7000215")?.severity).toBe("error");
  });

  it("asks for the Correlation ID on Entra's own failures, which only Microsoft can trace", () => {
    for (const code of ["AADSTS50000", "AADSTS90006", "AADSTS90024", "AADSTS90033", "temporarily_unavailable"]) {
      expect(getEntry(code)?.fix, code).toMatch(/Correlation ID/);
      expect(getEntry(code)?.fix, code).toMatch(/New support request/);
    }
  });

  it("speaks of the certificate, never a new secret, when a certificate is refused", () => {
    for (const code of ["AADSTS700027", "AADSTS700024"]) {
      const entry = getEntry(code);
      expect(`${entry?.title} ${entry?.cause} ${entry?.fix}`, code).toMatch(/certificate/i);
      expect(entry?.fix, code).not.toMatch(/client secret/i);
    }
    expect(getEntry("AADSTS700027")?.fix).toMatch(/Certificates & secrets → Certificates/);
    expect(getEntry("AADSTS700024")?.fix).toMatch(/clock/);
  });

  it("tells the Secret ID / Value story where it matters", () => {
    for (const code of ["AADSTS7000215", "SECRET_LOOKS_LIKE_ID"]) {
      const entry = getEntry(code);
      expect(`${entry?.cause} ${entry?.fix}`, code).toMatch(/Secret ID/);
      expect(entry?.fix, code).toMatch(/"Value"/);
    }
  });

  it("gives portal paths with the button to press", () => {
    expect(getEntry("ADMIN_CONSENT_MISSING")?.fix).toMatch(/API permissions\b.*Grant admin consent for <your organization> → Yes/);
    expect(getEntry("AADSTS7000112")?.fix).toMatch(/Enterprise apps .*Properties/);
    expect(getEntry(ODATA_DISABLED)?.fix).toMatch(/Test-ApplicationAccessPolicy/);
    expect(getEntry("ErrorMessageSubmissionBlocked")?.fix).toMatch(/Restricted entities/);
  });

  it("answers aliases and Microsoft's other capitalizations", () => {
    expect(getEntry("MailboxNotSupportedForRESTAPI")?.code).toBe("MailboxNotEnabledForRESTAPI");
    expect(getEntry("accessDenied")?.code).toBe("ErrorAccessDenied");
    expect(getEntry("state_mismatch")?.code).toBe("STATE_INVALID");
    expect(getEntry("erroraccessdenied")?.code).toBe("ErrorAccessDenied");
    expect(getEntry("NoSuchCode")).toBeUndefined();
  });

  it("cannot be changed by a caller", () => {
    const entry = catalogEntries()[0];
    expect(Object.isFrozen(entry)).toBe(true);
  });
});
