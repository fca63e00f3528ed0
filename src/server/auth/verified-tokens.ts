import { createHash } from 'node:crypto';

/**
 * Bearer tokens already verified, so that a caller sending the same JWT on every call pays one
 * signature check, not one per call. Keyed by a SHA-256 of the token (the tokens themselves are not
 * kept). An entry is trusted until the earlier of the token's own expiry and `ttlMs` after it was
 * verified, never past the expiry; the least recently used entry goes first beyond `maxEntries`.
 * The owner clears it whenever the keys change (JWKS reload), so a removed key stops working at once.
 */
export interface VerifiedTokenCacheOptions {
  /** Entries kept (default 10 000). */
  maxEntries: number;
  /** How long a verification is trusted, at most (ms, default 60 000). */
  ttlMs: number;
  now: () => number;
}

export const DEFAULT_VERIFIED_TOKEN_CACHE: VerifiedTokenCacheOptions = { maxEntries: 10_000, ttlMs: 60_000, now: Date.now };

interface Entry {
  readonly tenant: string;
  /** Epoch ms after which the entry is not used. */
  readonly validUntil: number;
}

export class VerifiedTokenCache {
  private readonly options: VerifiedTokenCacheOptions;
  /** Map order is least recently used first. */
  private readonly entries = new Map<string, Entry>();

  constructor(options: Partial<VerifiedTokenCacheOptions> = {}) {
    this.options = { ...DEFAULT_VERIFIED_TOKEN_CACHE, ...options };
    if (!(Number.isInteger(this.options.maxEntries) && this.options.maxEntries >= 0)) {
      throw new RangeError(`maxEntries must be a whole number >= 0, got ${this.options.maxEntries}`);
    }
  }

  /** The tenant of a token verified earlier and still valid now, else undefined. */
  get(token: string): string | undefined {
    if (this.entries.size === 0) return undefined;
    const key = keyOf(token);
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    if (this.options.now() >= entry.validUntil) return undefined;
    this.entries.set(key, entry);
    return entry.tenant;
  }

  /** Records a verified token; `expSeconds` is its `exp` claim (seconds since the epoch). */
  set(token: string, tenant: string, expSeconds: number): void {
    if (this.options.maxEntries === 0) return;
    const validUntil = Math.min(expSeconds * 1000, this.options.now() + this.options.ttlMs);
    if (!(validUntil > this.options.now())) return;
    const key = keyOf(token);
    this.entries.delete(key);
    this.entries.set(key, { tenant, validUntil });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.options.maxEntries) break;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

function keyOf(token: string): string {
  return createHash('sha256').update(token).digest('base64');
}
