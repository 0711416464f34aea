import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { generateTotpSecret, matchingTotpStep, totpStep, totpUri } from "./totp";

const codeAt = (secret: string, step: number) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: step * 30_000 });

describe("TOTP (RFC 6238: SHA-1, 6 digits, 30 s)", () => {
  it("matches RFC 6238's SHA-1 test vector, read as six digits", () => {
    // Appendix B: secret "12345678901234567890", T = 59 s, TOTP 94287082; six digits keep the last six.
    const secret = Secret.fromLatin1("12345678901234567890").base32;
    expect(matchingTotpStep(secret, "287082", 59_000)).toBe(1);
  });

  it("accepts the codes of one step before and after now, and none further", () => {
    const secret = generateTotpSecret();
    const now = Date.now();
    const step = totpStep(now);
    for (const drift of [-1, 0, 1]) expect(matchingTotpStep(secret, codeAt(secret, step + drift), now)).toBe(step + drift);
    for (const drift of [-2, 2]) expect(matchingTotpStep(secret, codeAt(secret, step + drift), now)).toBeNull();
  });

  it("refuses another secret's code and anything that is not six digits", () => {
    const secret = generateTotpSecret();
    const now = Date.now();
    expect(matchingTotpStep(secret, codeAt(generateTotpSecret(), totpStep(now)), now)).toBeNull();
    expect(matchingTotpStep(secret, "", now)).toBeNull();
    expect(matchingTotpStep(secret, `${codeAt(secret, totpStep(now))}0`, now)).toBeNull();
  });

  it("makes 160-bit secrets and a Key Uri authenticator apps read with their defaults", () => {
    const secret = generateTotpSecret();
    expect(Secret.fromBase32(secret).bytes).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(secret);
    const uri = new URL(totpUri(secret, "ada@example.test"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/forge365:ada@example.test");
    expect(Object.fromEntries(uri.searchParams)).toEqual({ issuer: "forge365", secret, algorithm: "SHA1", digits: "6", period: "30" });
  });
});
