import { afterEach, describe, expect, it, vi } from "vitest";
import { webhooksAllowPrivateNetworks } from "@/lib/env";
import { type AddressKind, classifyAddress, type Resolver, vetWebhookDestination } from "./destination";

const answers =
  (...addresses: string[]): Resolver =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

// Each range with the addresses on both sides of its edges.
const table: Array<[string, AddressKind]> = [
  ["8.8.8.8", "public"],
  ["93.184.216.34", "public"],
  ["0.0.0.0", "unspecified"],
  ["0.255.255.255", "unspecified"],
  ["1.0.0.0", "public"],
  ["9.255.255.255", "public"],
  ["10.0.0.0", "private"],
  ["10.255.255.255", "private"],
  ["11.0.0.0", "public"],
  ["100.63.255.255", "public"],
  ["100.64.0.0", "shared"],
  ["100.127.255.255", "shared"],
  ["100.128.0.0", "public"],
  ["100.100.100.200", "metadata"],
  ["126.255.255.255", "public"],
  ["127.0.0.1", "loopback"],
  ["127.255.255.255", "loopback"],
  ["128.0.0.0", "public"],
  ["169.253.255.255", "public"],
  ["169.254.0.0", "link-local"],
  ["169.254.169.253", "link-local"],
  ["169.254.169.254", "metadata"],
  ["169.254.170.2", "metadata"],
  ["169.254.255.255", "link-local"],
  ["169.255.0.0", "public"],
  ["168.63.129.16", "metadata"],
  ["172.15.255.255", "public"],
  ["172.16.0.0", "private"],
  ["172.31.255.255", "private"],
  ["172.32.0.0", "public"],
  ["192.0.0.8", "reserved"],
  ["192.0.2.1", "reserved"],
  ["192.0.3.0", "public"],
  ["192.88.99.1", "reserved"],
  ["192.167.255.255", "public"],
  ["192.168.0.0", "private"],
  ["192.168.255.255", "private"],
  ["192.169.0.0", "public"],
  ["198.17.255.255", "public"],
  ["198.18.0.0", "reserved"],
  ["198.19.255.255", "reserved"],
  ["198.20.0.0", "public"],
  ["198.51.100.7", "reserved"],
  ["203.0.113.9", "reserved"],
  ["223.255.255.255", "public"],
  ["224.0.0.0", "multicast"],
  ["239.255.255.255", "multicast"],
  ["240.0.0.0", "reserved"],
  ["255.255.255.254", "reserved"],
  ["255.255.255.255", "broadcast"],

  ["::", "unspecified"],
  ["0:0:0:0:0:0:0:0", "unspecified"],
  ["::1", "loopback"],
  ["::2", "reserved"],
  ["::127.0.0.1", "reserved"], // IPv4-compatible, deprecated
  ["::ffff:127.0.0.1", "loopback"],
  ["::ffff:7f00:1", "loopback"],
  ["::FFFF:10.0.0.5", "private"],
  ["0:0:0:0:0:ffff:c0a8:0101", "private"],
  ["::ffff:169.254.169.254", "metadata"],
  ["::ffff:100.64.0.1", "shared"],
  ["::ffff:0.0.0.0", "unspecified"],
  ["::ffff:8.8.8.8", "public"],
  ["64:ff9b::10.0.0.1", "private"],
  ["64:ff9b::8.8.8.8", "public"],
  ["64:ff9b:1::1", "private"],
  ["100::1", "reserved"],
  ["fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "reserved"],
  ["fc00::", "private"],
  ["fd12:3456:789a::1", "private"],
  ["fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "private"],
  ["fd00:ec2::254", "metadata"],
  ["fe00::1", "reserved"],
  ["fe80::", "link-local"],
  ["FE80::1", "link-local"],
  ["fe80::1%eth0", "link-local"],
  ["febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "link-local"],
  ["fec0::1", "private"],
  ["ff02::1", "multicast"],
  ["ff0e::1", "multicast"],
  ["1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "reserved"],
  ["2000::", "public"],
  ["2001::1", "reserved"], // Teredo
  ["2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff", "reserved"],
  ["2001:200::1", "public"],
  ["2001:db8::1", "reserved"],
  ["2001:4860:4860::8888", "public"],
  ["2002:7f00:1::1", "reserved"], // 6to4
  ["2606:4700:4700::1111", "public"],
  ["3ffe:ffff::1", "public"],
  ["3fff::1", "reserved"],
  ["3fff:1000::1", "public"],
  ["4000::1", "reserved"],
];

describe("classifyAddress", () => {
  it.each(table)("%s is %s", (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it("refuses to classify what is not an IP address", () => {
    expect(() => classifyAddress("example.com")).toThrow(TypeError);
    expect(() => classifyAddress("1.2.3")).toThrow(TypeError);
    expect(() => classifyAddress("1:2:3")).toThrow(TypeError);
  });
});

describe("vetWebhookDestination, private networks not allowed", () => {
  const strict = { allowPrivateNetworks: false };

  it("lets an https URL through when every address of its host is public, and says which addresses to connect to", async () => {
    const verdict = await vetWebhookDestination("https://hooks.example.com/forge365?x=1", { ...strict, resolve: answers("93.184.216.34", "2606:4700:4700::1111") });
    expect(verdict).toMatchObject({
      ok: true,
      hostname: "hooks.example.com",
      addresses: [
        { address: "93.184.216.34", family: 4 },
        { address: "2606:4700:4700::1111", family: 6 },
      ],
    });
  });

  it("refuses http://, credentials, and any other scheme", async () => {
    expect(await vetWebhookDestination("http://hooks.example.com/", { ...strict, resolve: answers("93.184.216.34") })).toMatchObject({ ok: false, reason: "scheme", message: expect.stringMatching(/https:\/\//) });
    expect(await vetWebhookDestination("ftp://hooks.example.com/", strict)).toMatchObject({ ok: false, reason: "scheme" });
    expect(await vetWebhookDestination("https://user:pw@hooks.example.com/", { ...strict, resolve: answers("93.184.216.34") })).toMatchObject({ ok: false, reason: "credentials" });
    expect(await vetWebhookDestination("not a url", strict)).toMatchObject({ ok: false, reason: "invalid" });
  });

  it.each([
    ["https://127.0.0.1/", "a loopback address (127.0.0.1)"],
    ["https://0x7f.1/", "a loopback address (127.0.0.1)"],
    ["https://2130706433/", "a loopback address (127.0.0.1)"],
    ["https://[::1]:8443/", "a loopback address (::1)"],
    ["https://[::ffff:127.0.0.1]/", "a loopback address (::ffff:7f00:1)"],
    ["https://10.0.0.5/hook", "a private address (10.0.0.5)"],
    ["https://169.254.169.254/latest/meta-data/", "a cloud metadata address (169.254.169.254)"],
    ["https://[fd00::1]/", "a private address (fd00::1)"],
    ["https://0.0.0.0/", "an unspecified address (0.0.0.0)"],
  ])("refuses %s: it points to %s", async (url, what) => {
    const resolve = vi.fn(answers("93.184.216.34"));
    expect(await vetWebhookDestination(url, { ...strict, resolve })).toEqual({
      ok: false,
      reason: "address",
      message: `The webhook URL points to ${what}, which forge365 does not call.`,
    });
    expect(resolve).not.toHaveBeenCalled();
  });

  it("refuses a name when any one of its addresses is refused", async () => {
    expect(await vetWebhookDestination("https://rebind.example.com/", { ...strict, resolve: answers("93.184.216.34", "10.0.0.5") })).toEqual({
      ok: false,
      reason: "address",
      message: "The webhook URL resolves to a private address (10.0.0.5), which forge365 does not call.",
    });
    expect(await vetWebhookDestination("https://mapped.example.com/", { ...strict, resolve: answers("::ffff:192.168.1.1") })).toMatchObject({ reason: "address" });
  });

  it("asks the system resolver by default: localhost resolves to loopback and is refused", async () => {
    expect(await vetWebhookDestination("https://localhost:8443/hook", strict)).toMatchObject({ ok: false, reason: "address", message: expect.stringMatching(/^The webhook URL resolves to a loopback address \((127\.0\.0\.1|::1)\)/) });
  });

  it("says so when the host does not resolve", async () => {
    const resolve: Resolver = async () => Promise.reject(Object.assign(new Error("not found"), { code: "ENOTFOUND" }));
    expect(await vetWebhookDestination("https://hooks.example.test/", { ...strict, resolve })).toEqual({
      ok: false,
      reason: "unresolved",
      message: "The webhook URL's host (hooks.example.test) could not be found.",
    });
    expect(await vetWebhookDestination("https://hooks.example.test/", { ...strict, resolve: answers() })).toMatchObject({ reason: "unresolved" });
  });
});

describe("vetWebhookDestination, private networks allowed (WEBHOOK_ALLOW_PRIVATE_NETWORKS=true)", () => {
  const open = { allowPrivateNetworks: true };

  it("lets http:// and loopback, private, shared and link-local receivers through", async () => {
    expect(await vetWebhookDestination("http://localhost:3999/hook", open)).toMatchObject({ ok: true, hostname: "localhost" });
    for (const url of ["http://127.0.0.1:9/", "https://10.1.2.3/", "http://100.64.0.1/", "http://169.254.1.1/", "http://[fd00::1]/", "http://[fe80::1]/"]) {
      expect(await vetWebhookDestination(url, open), url).toMatchObject({ ok: true });
    }
  });

  it("keeps https:// required for a receiver on a public address: http:// is only for private networks", async () => {
    const message = expect.stringMatching(/^The webhook URL must start with https:\/\/ for a receiver on the internet/);
    for (const url of ["http://8.8.8.8/hook", "http://[2606:4700:4700::1111]/hook", "http://[::ffff:8.8.8.8]/hook"]) {
      expect(await vetWebhookDestination(url, open), url).toEqual({ ok: false, reason: "scheme", message });
    }
    expect(await vetWebhookDestination("http://hooks.example.com/", { ...open, resolve: answers("93.184.216.34") })).toEqual({ ok: false, reason: "scheme", message });
    // One public address among private ones is enough: the connection could use it.
    expect(await vetWebhookDestination("http://split.example.com/", { ...open, resolve: answers("10.0.0.5", "93.184.216.34") })).toMatchObject({ ok: false, reason: "scheme" });
    expect(await vetWebhookDestination("https://hooks.example.com/", { ...open, resolve: answers("93.184.216.34") })).toMatchObject({ ok: true });
    expect(await vetWebhookDestination("http://receiver.lan/", { ...open, resolve: answers("192.168.1.20", "fd00::20") })).toMatchObject({ ok: true });
  });

  it("still refuses cloud metadata, multicast, broadcast, unspecified and reserved addresses", async () => {
    for (const url of ["http://169.254.169.254/", "http://[::ffff:169.254.169.254]/", "http://[fd00:ec2::254]/", "http://224.0.0.1/", "http://255.255.255.255/", "http://0.0.0.0/", "http://192.0.2.1/"]) {
      expect(await vetWebhookDestination(url, open), url).toMatchObject({ ok: false, reason: "address" });
    }
    expect(await vetWebhookDestination("http://metadata.example.com/", { ...open, resolve: answers("169.254.169.254") })).toMatchObject({ ok: false, reason: "address" });
  });
});

describe("WEBHOOK_ALLOW_PRIVATE_NETWORKS", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("is on only when set to true", () => {
    expect(webhooksAllowPrivateNetworks({})).toBe(false);
    expect(webhooksAllowPrivateNetworks({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: "false" })).toBe(false);
    expect(webhooksAllowPrivateNetworks({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: "1" })).toBe(false);
    expect(webhooksAllowPrivateNetworks({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true" })).toBe(true);
    expect(webhooksAllowPrivateNetworks({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: " TRUE " })).toBe(true);
  });

  it("is what the check follows when not told otherwise", async () => {
    vi.stubEnv("WEBHOOK_ALLOW_PRIVATE_NETWORKS", "false");
    expect(await vetWebhookDestination("http://127.0.0.1:9/")).toMatchObject({ ok: false, reason: "scheme" });
    expect(await vetWebhookDestination("https://127.0.0.1:9/")).toMatchObject({ ok: false, reason: "address" });
    vi.stubEnv("WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true");
    expect(await vetWebhookDestination("http://127.0.0.1:9/")).toMatchObject({ ok: true });
  });
});
