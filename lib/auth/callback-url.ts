/**
 * Where sign-in may send the browser afterwards: a path on this site, nothing else. Checking the
 * string's shape is not enough, because browsers read URLs more loosely than it looks: they drop tabs
 * and newlines anywhere ("/\t/evil.com" is "//evil.com", another host), read "\" as "/", and resolve
 * "/..//evil.com" to the path "//evil.com". So the value is resolved the way a browser would (the
 * WHATWG URL parser) against a stand-in origin, and kept only when it stays on that origin.
 */
const ORIGIN = "https://callback.invalid";
// C0 controls (tab, newline, CR among them) and DEL, and backslashes: a browser rewrites or drops them.
const REWRITTEN_BY_BROWSERS = /[\u0000-\u001f\u007f\\]/;
const MAX_LENGTH = 500;

export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== "string" || value.length > MAX_LENGTH || !value.startsWith("/") || REWRITTEN_BY_BROWSERS.test(value)) return "/";
  if (!URL.canParse(value, ORIGIN)) return "/";
  const url = new URL(value, ORIGIN);
  if (url.origin !== ORIGIN) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments can leave a path that starts with "//" ("/..//evil.com"), which a browser reads as a host.
  return path.startsWith("//") ? "/" : path;
}
