/**
 * The client's address for the per-IP sign-in limit. A proxy appends the address it saw to
 * X-Forwarded-For, so the last entry is the one a client cannot forge; earlier entries are whatever
 * the client sent. Without a proxy, Next's server fills the header from the socket only when the
 * request has none — so deployments must run behind a proxy that sets it (see README, Configuration).
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}
