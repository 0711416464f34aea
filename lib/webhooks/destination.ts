import dns from "node:dns/promises";
import { isIP } from "node:net";
import { webhooksAllowPrivateNetworks } from "@/lib/config/webhooks";

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

type Range = readonly [prefix: bigint, length: number, kind: Exclude<AddressKind, "public">];

function v4(cidr: string, kind: Exclude<AddressKind, "public">): Range {
  const [address, length] = cidr.split("/");
  return [ipv4ToBigInt(address), Number(length), kind];
}

function v6(cidr: string, kind: Exclude<AddressKind, "public">): Range {
  const [address, length] = cidr.split("/");
  return [ipv6ToBigInt(address), Number(length), kind];
}

/** IPv4 special-purpose ranges (IANA registry and RFC 6890), the most specific first. */
const IPV4_RANGES: readonly Range[] = [
  v4("169.254.169.254/32", "metadata"), // AWS, Azure, Google Cloud, OpenStack, DigitalOcean, Oracle
  v4("169.254.170.2/32", "metadata"), // AWS ECS task credentials
  v4("100.100.100.200/32", "metadata"), // Alibaba Cloud
  v4("168.63.129.16/32", "metadata"), // Azure WireServer
  v4("0.0.0.0/8", "unspecified"),
  v4("10.0.0.0/8", "private"),
  v4("100.64.0.0/10", "shared"),
  v4("127.0.0.0/8", "loopback"),
  v4("169.254.0.0/16", "link-local"),
  v4("172.16.0.0/12", "private"),
  v4("192.0.0.0/24", "reserved"), // IETF protocol assignments
  v4("192.0.2.0/24", "reserved"), // documentation (TEST-NET-1)
  v4("192.88.99.0/24", "reserved"), // 6to4 relay anycast, deprecated
  v4("192.168.0.0/16", "private"),
  v4("198.18.0.0/15", "reserved"), // benchmarking
  v4("198.51.100.0/24", "reserved"), // documentation (TEST-NET-2)
  v4("203.0.113.0/24", "reserved"), // documentation (TEST-NET-3)
  v4("224.0.0.0/4", "multicast"),
  v4("255.255.255.255/32", "broadcast"),
  v4("240.0.0.0/4", "reserved"),
];

/** IPv6 ranges other than the IPv4-carrying ones, which are classified by the IPv4 address they carry. */
const IPV6_RANGES: readonly Range[] = [
  v6("::/128", "unspecified"),
  v6("::1/128", "loopback"),
  v6("fd00:ec2::254/128", "metadata"), // AWS, over IPv6
  v6("64:ff9b:1::/48", "private"), // local-use NAT64
  v6("100::/64", "reserved"), // discard-only
  v6("fc00::/7", "private"), // unique local
  v6("fe80::/10", "link-local"),
  v6("fec0::/10", "private"), // site-local, deprecated
  v6("ff00::/8", "multicast"),
  v6("2001:db8::/32", "reserved"), // documentation
  v6("2001::/23", "reserved"), // IETF protocol assignments: Teredo, benchmarking, ORCHID
  v6("2002::/16", "reserved"), // 6to4, deprecated
  v6("3fff::/20", "reserved"), // documentation
];
const IPV4_MAPPED = v6("::ffff:0:0/96", "reserved");
const NAT64 = v6("64:ff9b::/96", "reserved");
const GLOBAL_UNICAST = v6("2000::/3", "reserved");

function inRange(value: bigint, bits: 32 | 128, [prefix, length]: Range) {
  const shift = BigInt(bits - length);
  return value >> shift === prefix >> shift;
}

function ipv4ToBigInt(address: string) {
  const parts = address.split(".").map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) throw new TypeError(`Not an IPv4 address: ${address}`);
  return parts.reduce((value, part) => (value << 8n) | BigInt(part), 0n);
}

/** `net.isIPv6` has validated the text; this turns its (possibly compressed, possibly dotted) form into 128 bits. */
function ipv6ToBigInt(address: string) {
  const text = address.replace(/%.*$/, "").toLowerCase();
  const halves = text.split("::");
  if (halves.length > 2) throw new TypeError(`Not an IPv6 address: ${address}`);
  const groups = (half: string) => {
    if (half === "") return [];
    const parts = half.split(":");
    const last = parts[parts.length - 1];
    if (last.includes(".")) {
      const embedded = ipv4ToBigInt(last);
      parts.splice(-1, 1, (embedded >> 16n).toString(16), (embedded & 0xffffn).toString(16));
    }
    return parts.map((part) => {
      if (!/^[0-9a-f]{1,4}$/.test(part)) throw new TypeError(`Not an IPv6 address: ${address}`);
      return BigInt(parseInt(part, 16));
    });
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) throw new TypeError(`Not an IPv6 address: ${address}`);
  return [...head, ...Array<bigint>(missing).fill(0n), ...tail].reduce((value, group) => (value << 16n) | group, 0n);
}

function classifyIPv4Value(value: bigint): AddressKind {
  return IPV4_RANGES.find((range) => inRange(value, 32, range))?.[2] ?? "public";
}

/**
 * What kind of address this is, for deciding whether a webhook may be sent there. IPv4-mapped
 * (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) addresses are judged by the IPv4 address they carry;
 * outside global unicast (2000::/3), every IPv6 address is reserved.
 */
export function classifyAddress(address: string): AddressKind {
  const family = isIP(address.replace(/%.*$/, ""));
  if (family === 4) return classifyIPv4Value(ipv4ToBigInt(address));
  if (family !== 6) throw new TypeError(`Not an IP address: ${address}`);
  const value = ipv6ToBigInt(address);
  if (inRange(value, 128, IPV4_MAPPED) || inRange(value, 128, NAT64)) return classifyIPv4Value(value & 0xffffffffn);
  const special = IPV6_RANGES.find((range) => inRange(value, 128, range));
  if (special) return special[2];
  return inRange(value, 128, GLOBAL_UNICAST) ? "public" : "reserved";
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
 * Decides whether a webhook may be sent to this URL now: https (or http when private networks are
 * allowed), no credentials, and a host whose every address is public. A name that resolves to several
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
  }
  return { ok: true, url, hostname, addresses };
}
