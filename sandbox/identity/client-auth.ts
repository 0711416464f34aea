import { timingSafeEqual } from "node:crypto";
import { decodeJwt, decodeProtectedHeader, errors as joseErrors, importSPKI, jwtVerify } from "jose";
import type { Clock } from "../core/clock";
import type { Application } from "../core/schema";
import type { DirectoryTenant } from "../core/state";
import { aad, type AadError } from "./errors";
import { LOGIN_HOST } from "./discovery";

export type ClientCredential = "secret" | "certificate";
export type ClientAuthResult = { ok: true; credential: ClientCredential } | { ok: false; error: AadError };

const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** RFC 6749 §2.3.1 Basic credentials, which the client credentials doc says Entra accepts too. */
function basicSecret(authorization: string | undefined, clientId: string): string | undefined {
  if (!authorization?.startsWith("Basic ")) return undefined;
  const decoded = Buffer.from(authorization.slice(6), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0 || decodeURIComponent(decoded.slice(0, colon)) !== clientId) return undefined;
  return decodeURIComponent(decoded.slice(colon + 1));
}

/** The client ID of RFC 6749 §2.3.1 Basic credentials: a client that authenticates that way need not repeat it in the body. */
export function basicClientId(authorization: string | undefined): string | undefined {
  if (!authorization?.startsWith("Basic ")) return undefined;
  const decoded = Buffer.from(authorization.slice(6), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon > 0 ? decodeURIComponent(decoded.slice(0, colon)) : undefined;
}

function checkSecret(app: Application, presented: string, clock: Clock): ClientAuthResult {
  const secret = app.secrets.find((s) => sameSecret(s.value, presented));
  // The secret's ID pasted in place of its value matches nothing, hence the "value, not the ID" wording of 7000215.
  if (!secret) return { ok: false, error: aad.invalidSecret(app.appId) };
  const now = clock.now();
  if (Date.parse(secret.endDateTime) <= now) return { ok: false, error: aad.expiredSecret(app.appId) };
  if (secret.startDateTime && Date.parse(secret.startDateTime) > now) {
    return { ok: false, error: aad.invalidSecret(app.appId) };
  }
  return { ok: true, credential: "secret" };
}

/** Token endpoint URLs an assertion may name as `aud`: every way this tenant can be addressed, v2 and v1. */
function acceptedAudiences(tenant: DirectoryTenant): string[] {
  const names = [tenant.id, ...tenant.domains.filter((d) => d.isVerified).map((d) => d.name)];
  return names.flatMap((n) => [`https://${LOGIN_HOST}/${n}/oauth2/v2.0/token`, `https://${LOGIN_HOST}/${n}/oauth2/token`]);
}

/**
 * private_key_jwt as Entra documents it: header carries `x5t#S256` (or legacy SHA-1 `x5t`) naming a
 * registered certificate; iss = sub = client ID; aud = the token endpoint.
 * https://learn.microsoft.com/entra/identity-platform/certificate-credentials
 */
async function checkAssertion(tenant: DirectoryTenant, app: Application, assertion: string, clock: Clock): Promise<ClientAuthResult> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(assertion);
  } catch {
    return { ok: false, error: aad.assertionClaims("The token format isn't proper.") };
  }
  const x5t256 = header["x5t#S256"];
  const thumbprint = Buffer.from(String(x5t256 ?? header.x5t ?? ""), "base64url").toString("hex");
  const certificate = app.certificates.find((c) =>
    x5t256 ? c.thumbprintSha256?.toLowerCase() === thumbprint : c.thumbprintSha1?.toLowerCase() === thumbprint,
  );
  if (!certificate) return { ok: false, error: aad.unknownCertificate(app.appId, thumbprint.toUpperCase()) };
  if (Date.parse(certificate.endDateTime) <= clock.now()) return { ok: false, error: aad.expiredCertificate() };
  if (header.alg !== "RS256" && header.alg !== "PS256") return { ok: false, error: aad.assertionSignature() };

  try {
    const key = await importSPKI(certificate.publicKeyPem, header.alg);
    const { payload } = await jwtVerify(assertion, key, { currentDate: clock.date(), clockTolerance: 300 });
    if (payload.iss !== app.appId || payload.sub !== app.appId) {
      return { ok: false, error: aad.assertionClaims("The subject identifier mismatches the issuer.") };
    }
    const audiences = [payload.aud ?? []].flat();
    const accepted = acceptedAudiences(tenant).map((a) => a.toLowerCase());
    if (!audiences.some((a) => accepted.includes(a.toLowerCase()))) {
      return { ok: false, error: aad.assertionClaims("Unexpected audience.") };
    }
    return { ok: true, credential: "certificate" };
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired || err instanceof joseErrors.JWTClaimValidationFailed) {
      // jose checks the times only after the signature, so the claims are the signer's and can be quoted as Entra does.
      const { nbf = 0, exp = 0 } = decodeJwt(assertion);
      return { ok: false, error: aad.assertionTime(clock.now(), nbf * 1000, exp * 1000) };
    }
    return { ok: false, error: aad.assertionSignature() };
  }
}

export async function authenticateClient(
  tenant: DirectoryTenant,
  app: Application,
  params: URLSearchParams,
  authorization: string | undefined,
  clock: Clock,
): Promise<ClientAuthResult> {
  const assertion = params.get("client_assertion");
  if (assertion && params.get("client_assertion_type") === JWT_BEARER) {
    return checkAssertion(tenant, app, assertion, clock);
  }
  const secret = params.get("client_secret") ?? basicSecret(authorization, app.appId);
  if (secret) return checkSecret(app, secret, clock);
  return { ok: false, error: aad.missingCredential() };
}
