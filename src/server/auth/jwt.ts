import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { isTenantId } from './api-keys';
import { VerifiedTokenCache, type VerifiedTokenCacheOptions } from './verified-tokens';

export interface JwtOptions {
  /** A JWKS file path, or an https:// URL (fetched and cached by jose). */
  jwks: string;
  issuer: string;
  audience: string;
  /** The claim that names the tenant (default "tenant"). */
  tenantClaim?: string;
  /** Tokens already verified (VerifiedTokenCache): size, how long a verification is trusted, clock. */
  cache?: Partial<VerifiedTokenCacheOptions>;
}

export const DEFAULT_TENANT_CLAIM = 'tenant';

/** Why a token was refused, for the server log only: the caller sees PERMISSION_DENIED without it. */
export class CredentialRefused extends Error {}

/**
 * Verifies bearer JWTs (signature from the JWKS, issuer, audience, expiry) and reads their tenant.
 * A token verified once is trusted from the cache until its expiry or for the cache's TTL, whichever
 * comes first; a JWKS reload empties the cache.
 */
export class JwtVerifier {
  private keys: JWTVerifyGetKey;
  private readonly tenantClaim: string;
  /** @internal Exposed for tests. */
  readonly verified: VerifiedTokenCache;

  constructor(private readonly options: JwtOptions) {
    if (options.issuer === '' || options.audience === '') throw new Error('JWT verification needs an issuer and an audience');
    this.tenantClaim = options.tenantClaim ?? DEFAULT_TENANT_CLAIM;
    this.verified = new VerifiedTokenCache(options.cache);
    this.keys = this.loadKeys();
  }

  /**
   * Re-reads a JWKS file (SIGHUP) and forgets every verification made with the old keys; a remote
   * JWKS refreshes itself (then a removed key's tokens are trusted for at most the cache's TTL).
   */
  reload(): void {
    if (!this.isRemote()) this.keys = this.loadKeys();
    this.verified.clear();
  }

  async tenantOf(token: string): Promise<string> {
    const cached = this.verified.get(token);
    if (cached !== undefined) return cached;
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      throw new CredentialRefused(`JWT refused: ${(error as { code?: string }).code ?? 'ERR_JWT_INVALID'}`);
    }
    const tenant = payload[this.tenantClaim];
    if (!isTenantId(tenant)) throw new CredentialRefused(`JWT refused: claim "${this.tenantClaim}" missing or not a tenant id`);
    // requiredClaims made jose check that exp is there and a number.
    this.verified.set(token, tenant, payload.exp as number);
    return tenant;
  }

  private isRemote(): boolean {
    return /^https:\/\//i.test(this.options.jwks);
  }

  private loadKeys(): JWTVerifyGetKey {
    if (this.isRemote()) return createRemoteJWKSet(new URL(this.options.jwks));
    if (/^[a-z]+:\/\//i.test(this.options.jwks))
      throw new Error(`VOICE_CORE_JWT_JWKS must be a file or an https:// URL, got "${this.options.jwks}"`);
    let jwks: unknown;
    try {
      jwks = JSON.parse(readFileSync(this.options.jwks, 'utf8'));
    } catch (error) {
      throw new Error(`cannot read the JWKS file ${this.options.jwks}: ${(error as Error).message}`);
    }
    return createLocalJWKSet(jwks as Parameters<typeof createLocalJWKSet>[0]);
  }
}
