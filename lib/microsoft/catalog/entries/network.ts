import type { IntermediaryAnswer } from "@/lib/microsoft/intermediary";
import { DOCS } from "../docs";
import { scrub } from "../scrub";
import type { CatalogEntry } from "../types";
import { definer } from "./define";

/** forge365 recognises these itself (lib/microsoft/intermediary.ts): no Microsoft service said anything. */
const network = definer("product");

export const INTERMEDIARY_ANSWERED = "INTERMEDIARY_ANSWERED";
export const PROXY_AUTHENTICATION_REQUIRED = "PROXY_AUTHENTICATION_REQUIRED";

const ANY_CLOUD = "login.microsoftonline.com and graph.microsoft.com (or your national cloud's hosts)";

/**
 * What the network team has to change. Microsoft lists login.microsoftonline.com and graph.microsoft.com among
 * the "Allow" endpoints of Microsoft 365 (ID 56, https://learn.microsoft.com/microsoft-365/enterprise/urls-and-ip-address-ranges)
 * and recommends exempting those from traffic interception and TLS decryption
 * (https://learn.microsoft.com/microsoft-365/enterprise/microsoft-365-network-connectivity-principles, "Allow endpoints").
 */
const letThrough = (hosts: string) =>
  `let the forge365 server reach ${hosts} over HTTPS (port 443) with no sign-in step, content filter or TLS ` +
  "inspection in the way; Microsoft recommends exempting these Microsoft 365 endpoints from traffic interception and TLS decryption";

/** Node adds the CAs of the PEM file NODE_EXTRA_CA_CERTS names, read once at start (https://nodejs.org/api/cli.html#node_extra_ca_certsfile). */
const TRUST_INSPECTION =
  "If TLS inspection has to stay, save the inspecting proxy's CA certificate as a PEM file, set NODE_EXTRA_CA_CERTS to " +
  "its path in forge365's environment and restart forge365.";

/** undici sends the user and password of the proxy URL as Basic Proxy-Authorization, and no other scheme (lib/dispatcher/proxy-agent.js). */
const PROXY_CREDENTIALS =
  "Put the proxy account in the proxy URL, e.g. HTTPS_PROXY=http://user:password@proxy.example.com:8080 (percent-encode " +
  "special characters), and restart forge365. forge365 sends them as Basic credentials; a proxy that accepts only NTLM or " +
  "Negotiate (Kerberos) has to let the forge365 server through without them.";

const UNCHANGED = "Testing again gives the same answer until the network is changed.";

/** Answers from the network between forge365 and Microsoft. 407: RFC 9110 §15.5.8 (https://www.rfc-editor.org/rfc/rfc9110#section-15.5.8). */
export const networkEntries: readonly CatalogEntry[] = [
  network(INTERMEDIARY_ANSWERED, "token", {
    title: "A proxy or firewall answered instead of Microsoft",
    cause:
      "Microsoft's sign-in service and Microsoft Graph always answer in JSON, but this answer was a web page, an empty " +
      "body or another format. It came from a proxy, firewall, TLS-inspecting gateway or captive portal between the " +
      "forge365 server and Microsoft, not from Microsoft.",
    fix:
      `Ask your network team to ${letThrough(ANY_CLOUD)}. ${TRUST_INSPECTION} A gateway's 502, 503 or 504, or an empty ` +
      "answer, can pass on its own: test again in a few minutes.",
    docsUrl: DOCS.m365NetworkPrinciples,
    anyStep: true,
  }),
  network(PROXY_AUTHENTICATION_REQUIRED, "token", {
    title: "The proxy wants credentials from forge365",
    cause:
      "The proxy between the forge365 server and Microsoft answered 407 Proxy Authentication Required: it lets only " +
      "authenticated clients through, and forge365 sent no proxy credentials or wrong ones.",
    fix: `${PROXY_CREDENTIALS} Or ask your network team to ${letThrough(ANY_CLOUD)}.`,
    docsUrl: DOCS.m365Endpoints,
    anyStep: true,
  }),
];

/** A gateway that could not reach Microsoft, or gave up, may do better in a minute; a login page or a block will not. */
const passing = (answer: IntermediaryAnswer) =>
  [502, 503, 504].includes(answer.status) || (!answer.tunnel && answer.snippet === "");

function whatCame(answer: IntermediaryAnswer): string {
  if (answer.snippet === "") return `HTTP ${answer.status} with an empty body`;
  const type = answer.contentType?.split(";")[0].trim().toLowerCase();
  const kind = type === "text/html" ? "an HTML page" : type ? `a ${type} answer` : "an answer without a content type";
  return `HTTP ${answer.status}, ${kind} that begins "${scrub(answer.snippet)}"`;
}

/** The entry's advice for this very answer: the host asked, what came back, and the cloud's own hosts. */
export function intermediaryAdvice(answer: IntermediaryAnswer): Pick<CatalogEntry, "cause" | "fix" | "retryable"> {
  const hosts = answer.microsoftHosts.join(" and ");
  if (answer.status === 407) {
    const challenge = answer.challenge ? ` It asks for: ${scrub(answer.challenge)}.` : "";
    return {
      cause:
        `The proxy between the forge365 server and ${answer.host} answered 407 Proxy Authentication Required: it lets ` +
        `only authenticated clients through, and forge365 sent no proxy credentials or wrong ones.${challenge}`,
      fix: `${PROXY_CREDENTIALS} Or ask your network team to ${letThrough(hosts)}. ${UNCHANGED}`,
      retryable: false,
    };
  }
  const cause = answer.tunnel
    ? `forge365's proxy answered HTTP ${answer.status} when asked to connect to ${answer.host}, so the request never reached Microsoft.`
    : `forge365 asked ${answer.host}, but the answer did not come from Microsoft: ${whatCame(answer)}. Microsoft's sign-in ` +
      "service and Microsoft Graph always answer in JSON, so this came from a proxy, firewall, TLS-inspecting gateway or " +
      "captive portal between the forge365 server and Microsoft.";
  const ask = `ask your network team to ${letThrough(hosts)}.${answer.tunnel ? "" : ` ${TRUST_INSPECTION}`}`;
  const retryable = passing(answer);
  return {
    cause,
    fix: retryable
      ? `This usually means a gateway could not reach Microsoft at that moment: test again in a few minutes. If it keeps happening, ${ask}`
      : `${ask[0].toUpperCase()}${ask.slice(1)} ${UNCHANGED}`,
    retryable,
  };
}
