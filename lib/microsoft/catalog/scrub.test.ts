import { describe, expect, it } from "vitest";
import { scrub } from "@/lib/microsoft/catalog";

const JWT =
  "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsImtpZCI6ImFiYyJ9.eyJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20ifQ.Zm9vYmFyYmF6cXV4";

describe("scrub", () => {
  it("removes JWTs, signed or not", () => {
    expect(scrub(`token ${JWT} end`)).toBe("token [redacted token] end");
    expect(scrub("x eyJhbGciOiJub25lIn0.eyJzdWIiOiIxMjMifQ. y")).toBe("x [redacted token] y");
  });

  it("removes bearer tokens", () => {
    expect(scrub("Authorization: Bearer abcdefgh.ijkl-mnop_qrst")).toBe("Authorization: Bearer [redacted]");
  });

  it("removes form-encoded and JSON-encoded secrets, keeping the rest", () => {
    expect(scrub("grant_type=client_credentials&client_secret=s3cr3t~value&scope=x")).toBe(
      "grant_type=client_credentials&client_secret=[redacted]&scope=x",
    );
    expect(scrub('{"client_secret": "s3\\"cr3t", "client_id": "abc"}')).toBe(
      '{"client_secret": "[redacted]", "client_id": "abc"}',
    );
    expect(scrub("refresh_token=0.AXYAabc&access_token=xyz")).toBe("refresh_token=[redacted]&access_token=[redacted]");
  });

  it("removes strings shaped like an Entra client secret value", () => {
    expect(scrub("secret abC8Q~0123456789abcdefghijKLMNOPQRSTuvwx was sent")).toBe("secret [redacted secret] was sent");
  });

  it("leaves Microsoft's ordinary messages intact", () => {
    const message =
      "AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'. " +
      "Trace ID: 0b9d2f4e-1c3a-4d5e-8f60-7a8b9c0d1e2f Correlation ID: 5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9 " +
      "Timestamp: 2026-11-26 21:12:59Z https://login.microsoftonline.com/error?code=7000218 https://aka.ms/NewClientSecret";
    expect(scrub(message)).toBe(message);
  });

  it("caps very long messages", () => {
    expect(scrub("a".repeat(5000)).length).toBeLessThanOrEqual(2001);
  });
});
