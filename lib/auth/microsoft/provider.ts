import { customFetch } from "next-auth";
import MicrosoftEntraID, { type MicrosoftEntraIDProfile } from "next-auth/providers/microsoft-entra-id";
import { appUrl, env } from "@/lib/env";
import { CLOUDS, type CloudId } from "@/lib/microsoft/clouds";
import { sandboxUrl } from "@/lib/microsoft/sandbox";
import { createMicrosoftFetch, resolveMicrosoftUrl, type Fetch } from "@/lib/microsoft/transport";

export const MICROSOFT_PROVIDER_ID = "microsoft-entra-id";

/** Auth.js's default: any organization's or personal account (the provider's own fallback). */
const DEFAULT_ISSUER = "https://login.microsoftonline.com/common/v2.0";

export interface MicrosoftSignInSettings {
  clientId: string;
  clientSecret: string;
  /** The issuer as Microsoft names it (real hosts), even for the sandbox. */
  issuer: string;
  cloud: CloudId;
  sandboxUrl?: string;
}

/**
 * "Sign in with Microsoft" is offered when a client ID and secret are configured. An issuer under M365_SANDBOX_URL
 * (`${M365_SANDBOX_URL}/login.microsoftonline.com/common/v2.0`, what `npm run dev` sets) is the sandbox's copy of
 * Microsoft's: the provider keeps the real issuer, which the sandbox's documents and tokens name, and the transport
 * rewrites its hosts, as it does for every other Microsoft request.
 */
export function microsoftSignInSettings(): MicrosoftSignInSettings | undefined {
  const vars = env();
  const clientId = vars.AUTH_MICROSOFT_ENTRA_ID_ID;
  const clientSecret = vars.AUTH_MICROSOFT_ENTRA_ID_SECRET;
  if (!clientId || !clientSecret) return undefined;
  const configured = vars.AUTH_MICROSOFT_ENTRA_ID_ISSUER ?? DEFAULT_ISSUER;
  const sandbox = sandboxUrl();
  if (sandbox && configured.startsWith(`${sandbox}/`)) {
    return { clientId, clientSecret, issuer: `https://${configured.slice(sandbox.length + 1)}`, cloud: "sandbox", sandboxUrl: sandbox };
  }
  return { clientId, clientSecret, issuer: configured, cloud: cloudOf(configured) };
}

/** The national cloud whose sign-in host the issuer names; the worldwide one otherwise. */
function cloudOf(issuer: string): CloudId {
  const host = new URL(issuer).host;
  const found = (Object.keys(CLOUDS) as CloudId[]).find((id) => id !== "sandbox" && CLOUDS[id].authorityHost === host);
  return found ?? "global";
}

/** The tenant segment of an issuer: a GUID, a domain, `common` or `organizations`. */
const issuerTenant = (issuer: string): string => new URL(issuer).pathname.split("/").filter(Boolean)[0] ?? "common";

/**
 * Every request Auth.js (oauth4webapi) makes to Microsoft goes through the app's one Microsoft transport: the sandbox
 * rewrite, HTTPS_PROXY, timeouts, and the check that an answer came from Microsoft rather than a proxy. Replacing the
 * provider's own `[customFetch]` (which calls the global fetch) means doing its one job here too: /common's and
 * /organizations' discovery documents name the issuer `https://login.microsoftonline.com/{tenantid}/v2.0`, which
 * oauth4webapi compares with the configured issuer, so `{tenantid}` becomes the configured tenant segment. Auth.js
 * then reads the ID token's `tid` and validates it against that tenant's own document (@auth/core
 * lib/actions/callback/oauth/callback.js, "microsoft-entra-id"). The authorization endpoint is where the browser goes,
 * so it gets the sandbox rewrite as well.
 */
export function signInFetch(settings: MicrosoftSignInSettings): Fetch {
  const transport = createMicrosoftFetch({ cloud: settings.cloud, sandboxUrl: settings.sandboxUrl });
  return async (input, init) => {
    const response = await transport(input, init);
    const url = new URL(input instanceof Request ? input.url : input.toString());
    if (!url.pathname.endsWith("/.well-known/openid-configuration") || !response.ok) return response;
    const document = (await response.json()) as { issuer: string; authorization_endpoint?: string };
    return Response.json({
      ...document,
      issuer: document.issuer.replace("{tenantid}", issuerTenant(settings.issuer)),
      ...(document.authorization_endpoint ? { authorization_endpoint: resolveMicrosoftUrl(document.authorization_endpoint, settings) } : {}),
    });
  };
}

/**
 * The Auth.js provider. Only OpenID Connect scopes are asked for: forge365 needs who the person is, not Graph. The
 * profile comes from the ID token alone (the provider's default also fetches a Graph photo with the global fetch).
 * `account()` keeps none of Microsoft's tokens: the link is the Account row's (provider, sub), nothing more.
 * Linking to an existing account by email is decided in the signIn callback (linking.ts), which refuses every case
 * Auth.js's "dangerous" linking would otherwise accept.
 */
export function microsoftProvider(settings: MicrosoftSignInSettings) {
  const provider = MicrosoftEntraID({
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    issuer: settings.issuer,
    authorization: { params: { scope: "openid profile email" } },
    checks: ["pkce", "state", "nonce"],
    // The redirect URI comes from configuration (APP_URL), never from a request, as for Connect with Microsoft: Auth.js
    // takes the callback's origin from the request URL, which `next start` reports as localhost whatever the
    // browser used, so the token request would name another redirect URI than the authorize request did.
    redirectProxyUrl: `${appUrl()}/api/auth`,
    allowDangerousEmailAccountLinking: true,
    profile: (claims: MicrosoftEntraIDProfile) => ({ id: claims.sub, name: claims.name ?? null, email: claims.email ?? null, image: null }),
    account: () => ({}),
  });
  return { ...provider, [customFetch]: signInFetch(settings) };
}

/**
 * Where Auth.js may send the browser after a sign-in: a path of this app, as a relative URL. Auth.js builds absolute
 * URLs from the request URL's origin (see redirectProxyUrl above); a relative one keeps the browser on the origin it
 * used, where its cookies are. Anything else goes home, as Auth.js's own default does for other origins.
 */
export function sameSiteRedirect(url: string, baseUrl: string): string {
  if (url.startsWith("/") && !url.startsWith("//")) return url;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return "/";
  }
  const ours = [new URL(baseUrl).origin, new URL(appUrl()).origin];
  return ours.includes(target.origin) ? `${target.pathname}${target.search}${target.hash}` : "/";
}
