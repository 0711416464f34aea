/**
 * Whether a redirect URI is one the app registered. Exact match, with one exception: for an http:// loopback
 * IP literal (127.0.0.1, [::1]) the port is ignored, as RFC 8252 §7.3 requires ("The authorization server MUST allow
 * any port to be specified at the time of the request for loopback IP redirect URIs") and as Entra does for loopback
 * redirect URIs ("Redirect URI restrictions", https://learn.microsoft.com/entra/identity-platform/reply-url, localhost
 * exceptions). Scheme, host, path and query must still match.
 */
const LOOPBACK_IP = new Set(["127.0.0.1", "[::1]"]);

function withoutPort(uri: string): string | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" || !LOOPBACK_IP.has(url.hostname)) return undefined;
  url.port = "";
  return url.href;
}

export function redirectUriRegistered(registered: readonly string[], requested: string): boolean {
  if (registered.includes(requested)) return true;
  const loopback = withoutPort(requested);
  return loopback !== undefined && registered.some((uri) => withoutPort(uri) === loopback);
}
