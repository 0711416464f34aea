import { describe, expect, it } from "vitest";
import { scrubText } from "./scrub";

const JWT = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20ifQ.c2lnbmF0dXJlLWJ5dGVz";
const ENTRA_SECRET = "Zx18Q~abcdefghijklmnopqrstuvwxyzABCD_.-~";

describe("scrubText", () => {
  it.each([
    ["a JWT", `token ${JWT} expired`, "token [Redacted] expired"],
    ["an unsigned JWT", "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.", "[Redacted]"],
    ["a bearer value", "Authorization: Bearer opaque-token_123", "Authorization: Bearer [Redacted]"],
    ["a lower-case bearer value", "authorization=bearer abc.def", "authorization=bearer [Redacted]"],
    [
      "client_secret in a form body",
      `grant_type=client_credentials&client_id=123&client_secret=${encodeURIComponent(ENTRA_SECRET)}&scope=x`,
      "grant_type=client_credentials&client_id=123&client_secret=[Redacted]&scope=x",
    ],
    ["a token in a query string", "GET /cb?access_token=abc&state=1", "GET /cb?access_token=[Redacted]&state=1"],
    ["an Entra client secret value", `saved ${ENTRA_SECRET} for app`, "saved [Redacted] for app"],
    ["a password in a connection string", "postgres://forge:s3cret@db:5432/app", "postgres://forge:[Redacted]@db:5432/app"],
  ])("masks %s", (_name, input, expected) => {
    expect(scrubText(input)).toBe(expected);
  });

  it("masks values after a JSON escape such as \\n", () => {
    const line = JSON.stringify({ msg: `first\n${JWT}\nclient_secret=${ENTRA_SECRET}` });
    expect(scrubText(line)).toBe(JSON.stringify({ msg: "first\n[Redacted]\nclient_secret=[Redacted]" }));
  });

  it("keeps a JSON line valid", () => {
    const line = JSON.stringify({ headers: { auth: `Bearer ${JWT}` }, body: `client_secret=${ENTRA_SECRET}` });
    expect(JSON.parse(scrubText(line))).toEqual({ headers: { auth: "Bearer [Redacted]" }, body: "client_secret=[Redacted]" });
  });

  it("leaves ordinary text alone", () => {
    const text = "AADSTS7000222: The provided client secret keys for app '1f0c' are expired. Trace ID: 4b1d-9a; status=401 https://graph.microsoft.com/v1.0/users/a@b.com/sendMail";
    expect(scrubText(text)).toBe(text);
  });
});
