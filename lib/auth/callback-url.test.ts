import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

const APP = "https://app.example";
/** Where a browser on the app would go when told to go to `path`. */
const destination = (path: string) => new URL(path, APP);
// Characters a browser drops or rewrites on its way to a URL: none may survive into the result.
const REWRITTEN = /[\u0000-\u001f\u007f\\]/;

// Every way we know of to make a string that looks like a path read as another host or scheme.
const TRICKS = [
  "/", "//", "///", "\\", "\\\\", "/\\", "\\/", "/\\/", ".", "..", "./", "../", "/..", "/../", "/.//",
  "\t", "\n", "\r", "\r\n", "\u0000", "\u000b", "\u000c", "\u001f", "\u007f", " ", "\u00a0",
  "%09", "%0a", "%0A", "%0d", "%00", "%20", "%2f", "%2F", "%2f%2f", "%5c", "%5C", "%2e", "%2e%2e", "%252f", "%", "%%",
  "\u2215", "\u2044", "\u29f8", "\uff0f", "\uff3c", "\u3002", "\uff0e", "\u200b", "\u200e", "\ufeff", "\u2028", "\u0085",
  "@", ":", "?", "#", ";", "user:pass@", "evil.com", "evil.com:443", "EVIL.COM", "[::1]", "127.0.0.1", "0x7f.1", "xn--evil-",
  "http:", "https:", "HTTPS:", "https:evil.com", "https://evil.com", "//evil.com", "/\t/evil.com", "/%09/evil.com",
  "javascript:", "JaVaScRiPt:alert(1)", "java\tscript:", "data:", "data:text/html,<script>", "vbscript:", "file:", "blob:", "about:blank",
];

const trick = fc.constantFrom(...TRICKS);
const noise = fc.string({ unit: "binary", maxLength: 4 });
/** Tricks and random characters in any order, starting like a path or not. */
const hostile = fc.array(fc.oneof({ weight: 4, arbitrary: trick }, { weight: 1, arbitrary: noise }), { maxLength: 12 }).map((parts) => parts.join(""));
const pathLike = fc.tuple(fc.constantFrom("/", "//", "/\\", "/\t/", "/\n", " /", "\t/", "/%09/", "/.."), hostile).map(([start, rest]) => start + rest);

describe("safeCallbackUrl", () => {
  it("keeps a path on this site, normalised, with its query and fragment", () => {
    expect(safeCallbackUrl("/w/contoso/accounts?status=failing#top")).toBe("/w/contoso/accounts?status=failing#top");
    expect(safeCallbackUrl("/w/contoso/../fabrikam")).toBe("/w/fabrikam");
    expect(safeCallbackUrl("/notifications?next=https://example.com")).toBe("/notifications?next=https://example.com");
    expect(safeCallbackUrl("/w/contoso?name=a b")).toBe("/w/contoso?name=a%20b");
  });

  it.each([
    ["/\t/evil.com"],
    ["/\n/evil.com"],
    ["/\r\n/evil.com"],
    ["//evil.com"],
    ["/\\evil.com"],
    ["\\\\evil.com"],
    ["/..//evil.com"],
    ["/.//evil.com"],
    ["/a/../..//evil.com"],
    ["https://evil.com"],
    ["https:evil.com"],
    ["javascript:alert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    [" /evil"],
    ["\t//evil.com"],
    ["evil.com"],
    [""],
    [`/${"a".repeat(600)}`],
    [undefined],
    [["/w/contoso"]],
  ])("sends %j home", (value) => {
    expect(safeCallbackUrl(value)).toBe("/");
  });

  it("keeps encoded slashes and unicode look-alikes as path characters, on this site", () => {
    for (const value of ["/%2f%2fevil.com", "/%09/evil.com", "/%5cevil.com", "/\uff0f\uff0fevil.com", "/\u2215\u2215evil.com"]) {
      const result = safeCallbackUrl(value);
      expect(destination(result).origin, `${JSON.stringify(value)} -> ${result}`).toBe(APP);
      expect(result.startsWith("//")).toBe(false);
    }
  });

  it("whatever it is given, the result resolved against the app stays on the app (fuzzed)", () => {
    fc.assert(
      fc.property(fc.oneof(pathLike, hostile, fc.string({ unit: "binary" })), (value) => {
        const result = safeCallbackUrl(value);
        expect(result.startsWith("/")).toBe(true);
        expect(REWRITTEN.test(result)).toBe(false);
        expect(destination(result).origin).toBe(APP);
        // And stays there when read a second time (a redirect's Location is resolved again by the browser).
        expect(destination(destination(result).href).origin).toBe(APP);
      }),
      { numRuns: 20_000 },
    );
  });
});
