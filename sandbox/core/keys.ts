import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from "jose";

/** One RS256 key per sandbox process: every token it issues is verifiable against its JWKS by `kid`. */
export class SigningKeys {
  private constructor(
    readonly kid: string,
    private readonly privateKey: CryptoKey,
    readonly publicKey: CryptoKey,
    private readonly publicJwk: JWK,
  ) {}

  static async generate(): Promise<SigningKeys> {
    const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
    const jwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(jwk);
    return new SigningKeys(kid, privateKey, publicKey, jwk);
  }

  sign(claims: JWTPayload): Promise<string> {
    return new SignJWT(claims).setProtectedHeader({ typ: "JWT", alg: "RS256", kid: this.kid }).sign(this.privateKey);
  }

  /** Shape of https://login.microsoftonline.com/{tenant}/discovery/v2.0/keys (tenant-specific keys name their issuer). */
  jwks(issuer?: string): { keys: JWK[] } {
    const { n, e, kty } = this.publicJwk;
    return { keys: [{ kty, use: "sig", kid: this.kid, n, e, ...(issuer ? { issuer } : {}) }] };
  }
}
