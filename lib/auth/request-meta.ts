/**
 * The client's address as the nearest proxy saw it. Deployments behind a proxy must make it set
 * X-Forwarded-For (Next's own server sets it from the socket when no proxy does).
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}
