import dns from "node:dns/promises";
import { isIP, isIPv4, isIPv6 } from "node:net";
import ipaddr from "ipaddr.js";
import { webhooksAllowPrivateNetworks } from "@/lib/env";

/**
 * Where a webhook may be sent. A workspace admin types the URL, and the worker POSTs to it from inside
 * our network, so the URL must not reach what only the server can: its loopback, the private network
 * around it, the cloud's metadata service. The URL is checked when it is saved and again right before
 * each call, on the addresses its host resolves to at that moment; the call then connects to exactly
 * those addresses (see `post.ts`), so a name that changes its answer in between (DNS rebinding) gains
 * nothing.
 */

export type AddressKind =
  | "public"
  | "unspecified"
  | "loopback"
  | "private"
  | "shared"
  | "link-local"
  | "metadata"
  | "multicast"
  | "broadcast"
  | "reserved";

/** Kinds a receiver may have when WEBHOOK_ALLOW_PRIVATE_NETWORKS is set; the others are never called. */
const PRIVATE_NETWORK_KINDS: ReadonlySet<AddressKind> = new Set(["loopback", "private", "shared", "link-local"]);

const KIND_LABELS: Record<Exclude<AddressKind, "public">, string> = {
  unspecified: "an unspecified address",
  loopback: "a loopback address",
  private: "a private address",
  shared: "a shared (carrier-grade NAT) address",
  "link-local": "a link-local address",
  metadata: "a cloud metadata address",
  multicast: "a multicast address",
  broadcast: "the broadcast address",
  reserved: "a reserved address",
};

/**
 * Cloud metadata services. No registry range singles them out (they sit in link-local, carrier-grade NAT
 * or plain unicast space), yet they hand out the server's credentials, so they stay refused even where
 * private networks are allowed.
 */
const METADATA_ADDRESSES = new Set(
  [
    "169.254.169.254", // AWS, Azure, Google Cloud, OpenStack, DigitalOcean, Oracle
    "169.254.170.2", // AWS ECS task credentials
    "100.100.100.200", // Alibaba Cloud
    "168.63.129.16", // Azure WireServer
    "fd00:ec2::254", // AWS, over IPv6
  ].map((address) => ipaddr.parse(address).toNormalizedString()),
);

/** ipaddr.js's IPv4 ranges in our terms. AS112 and AMT are anycast services on the public internet. */
const IPV4_KINDS: Record<ReturnType<ipaddr.IPv4["range"]>, AddressKind> = {
  unspecified: "unspecified",
  broadcast: "broadcast",
  multicast: "multicast",
  linkLocal: "link-local",
  loopback: "loopback",
  carrierGradeNat: "shared",
  private: "private",
  reserved: "reserved",
  benchmarking: "reserved",
  as112: "public",
  amt: "public",
  unicast: "public",
};

/** Ranges ipaddr.js 2.x returns from `range()` but leaves out of its type declarations. */
type UndeclaredIPv6Range = "deprecatedSiteLocal" | "discard" | "deprecatedOrchid" | "segmentRouting";

/** ipaddr.js's IPv6 ranges in our terms; IPv4-mapped, plain unicast and AS112 are decided in `classifyIPv6`. */
const IPV6_KINDS: Record<Exclude<ReturnType<ipaddr.IPv6["range"]> | UndeclaredIPv6Range, "ipv4Mapped" | "unicast" | "as112v6">, AddressKind> = {
  unspecified: "unspecified",
  loopback: "loopback",
  linkLocal: "link-local",
  multicast: "multicast",
  uniqueLocal: "private",
  deprecatedSiteLocal: "private",
  rfc6052: "private", // what is left of it once the well-known NAT64 prefix is unwrapped: local-use NAT64, 64:ff9b:1::/48
  discard: "reserved",
  rfc6145: "reserved",
  "6to4": "reserved",
  teredo: "reserved",
  benchmarking: "reserved",
  amt: "reserved",
  deprecatedOrchid: "reserved",
  orchid2: "reserved",
  droneRemoteIdProtocolEntityTags: "reserved",
  segmentRouting: "reserved",
  reserved: "reserved",
};

/** ipaddr.js names 64:ff9b::/96 and 64:ff9b:1::/48 as one range, but only the first carries a routable IPv4 address. */
const NAT64 = ipaddr.IPv6.parseCIDR("64:ff9b::/96");
/** ipaddr.js has no range for "outside global unicast": what it calls plain unicast there is reserved to us. */
const GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR("2000::/3");
/**
 * IETF protocol assignments, all reserved to us. ipaddr.js files one piece of it (2001:4:112::/48) under AS112,
 * together with a prefix on the public internet (2620:4f:8000::/48).
 */
const IETF_PROTOCOL_ASSIGNMENTS = ipaddr.IPv6.parseCIDR("2001::/23");

function classifyIPv4(address: ipaddr.IPv4): AddressKind {
  if (METADATA_ADDRESSES.has(address.toNormalizedString())) return "metadata";
  // A range a later ipaddr.js adds is special-purpose by definition: refused until it is mapped here.
  return IPV4_KINDS[address.range()] ?? "reserved";
}

function classifyIPv6(address: ipaddr.IPv6): AddressKind {
  if (address.isIPv4MappedAddress()) return classifyIPv4(address.toIPv4Address());
  if (address.match(NAT64)) return classifyIPv4(new ipaddr.IPv4(address.toByteArray().slice(12)));
  if (METADATA_ADDRESSES.has(address.toNormalizedString())) return "metadata";
  const range: string = address.range();
  if (range === "unicast" || range === "as112v6") return address.match(GLOBAL_UNICAST) && !address.match(IETF_PROTOCOL_ASSIGNMENTS) ? "public" : "reserved";
  return IPV6_KINDS[range as keyof typeof IPV6_KINDS] ?? "reserved";
}

/**
 * What kind of address this is, for deciding whether a webhook may be sent there. IPv4-mapped
 * (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) addresses are judged by the IPv4 address they carry;
 * outside global unicast (2000::/3), every IPv6 address is reserved.
 */
export function classifyAddress(address: string): AddressKind {
  // Node's validators, not ipaddr.js's: ipaddr.js also reads shorthand such as 1.2.3 or 0x7f.1, which a
  // socket does not take as an address.
  if (isIPv4(address)) return classifyIPv4(ipaddr.IPv4.parse(address));
  // The zone (fe80::1%eth0) picks an interface; it is no part of the address.
  const unzoned = address.replace(/%.*$/, "");
  // ipaddr.js reads the deprecated IPv4-compatible form ::a.b.c.d as IPv4-mapped (::ffff:a.b.c.d); spelled
  // ::0:a.b.c.d it stays what it is, an address outside 2000::/3.
  if (isIPv6(unzoned)) return classifyIPv6(ipaddr.IPv6.parse(unzoned.replace(/^::(?=[\d.]+$)/, "::0:")));
  throw new TypeError(`Not an IP address: ${address}`);
}

export function isAllowedKind(kind: AddressKind, allowPrivateNetworks: boolean) {
  return kind === "public" || (allowPrivateNetworks && PRIVATE_NETWORK_KINDS.has(kind));
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type DestinationVerdict =
  | {
      ok: true;
      url: URL;
      /** The host as a socket takes it: a name, or an IP address without brackets. */
      hostname: string;
      /** Every address the host resolved to, each one allowed: the only ones the call may connect to. */
      addresses: ResolvedAddress[];
    }
  | {
      ok: false;
      /** `unresolved` may be a passing state (a receiver being set up); the others are final for this URL. */
      reason: "invalid" | "scheme" | "credentials" | "address" | "unresolved";
      message: string;
    };

export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

const LOOKUP_TIMEOUT_MS = 5_000;

/** The system resolver (as the connection itself would use), every address, in the order it gives them. */
export const systemResolver: Resolver = async (hostname) => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`DNS lookup of ${hostname} timed out`), { code: "ETIMEOUT" })), LOOKUP_TIMEOUT_MS);
    timer.unref();
  });
  try {
    const answers = await Promise.race([dns.lookup(hostname, { all: true, verbatim: true }), timeout]);
    return answers.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
  } finally {
    clearTimeout(timer);
  }
};

/**
 * Decides whether a webhook may be sent to this URL now: no credentials, a host whose every address is
 * public (or, when private networks are allowed, loopback, private, shared or link-local), and https;
 * http only when private networks are allowed and every address is one of those. A name that resolves to several
 * addresses is refused if any one of them is refused, since the connection could use any of them.
 */
export async function vetWebhookDestination(
  rawUrl: string,
  { allowPrivateNetworks = webhooksAllowPrivateNetworks(), resolve = systemResolver }: { allowPrivateNetworks?: boolean; resolve?: Resolver } = {},
): Promise<DestinationVerdict> {
  if (!URL.canParse(rawUrl)) return { ok: false, reason: "invalid", message: "The webhook URL is not a valid URL." };
  const url = new URL(rawUrl);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && allowPrivateNetworks)) {
    return { ok: false, reason: "scheme", message: "The webhook URL must start with https://: forge365 sends webhooks only over HTTPS." };
  }
  if (url.username || url.password) {
    return { ok: false, reason: "credentials", message: "The webhook URL must not contain a user name or password; check the signature instead." };
  }
  // WHATWG URL has already turned 0x7f.1, 2130706433 and the like into dotted decimal.
  const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const literal = isIP(hostname);
  let addresses: ResolvedAddress[];
  if (literal) {
    addresses = [{ address: hostname, family: literal === 6 ? 6 : 4 }];
  } else {
    try {
      addresses = await resolve(hostname);
    } catch {
      addresses = [];
    }
    if (addresses.length === 0) return { ok: false, reason: "unresolved", message: `The webhook URL's host (${hostname}) could not be found.` };
  }
  for (const { address } of addresses) {
    const kind = classifyAddress(address);
    if (kind !== "public" && !isAllowedKind(kind, allowPrivateNetworks)) {
      return {
        ok: false,
        reason: "address",
        message: `The webhook URL ${literal ? "points to" : "resolves to"} ${KIND_LABELS[kind]} (${address}), which forge365 does not call.`,
      };
    }
    // Plain http is for a receiver on our own network; across the internet the payload and its
    // signature would travel readable by anyone on the way.
    if (url.protocol === "http:" && kind === "public") {
      return {
        ok: false,
        reason: "scheme",
        message: `The webhook URL must start with https:// for a receiver on the internet (${address}): forge365 sends webhooks over http:// only within a private network.`,
      };
    }
  }
  return { ok: true, url, hostname, addresses };
}
