/**
 * WEBHOOK_ALLOW_PRIVATE_NETWORKS=true lets webhooks reach receivers on this machine and on private
 * networks (loopback, RFC 1918, link-local, unique local), over http:// as well as https://. Meant for
 * development and tests, or a deployment whose receivers sit on its own network. Unset (or any other
 * value), webhooks go only to https:// receivers on public addresses. Cloud metadata, multicast,
 * broadcast and reserved addresses are refused either way.
 */
export function webhooksAllowPrivateNetworks(env: Record<string, string | undefined> = process.env) {
  return env.WEBHOOK_ALLOW_PRIVATE_NETWORKS?.trim().toLowerCase() === "true";
}
