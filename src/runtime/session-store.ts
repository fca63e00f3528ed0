/**
 * Objective sessions between turns, in memory, keyed by conversation and
 * objective type. Entries expire `ttlMs` after their last turn; the store
 * holds at most `maxSessions`, dropping the least recently used first.
 * Expiry is checked lazily on access: no timers keep the process alive.
 */
export interface SessionStoreOptions {
  ttlMs: number;
  maxSessions: number;
  now: () => number;
}

export const DEFAULT_SESSION_STORE_OPTIONS: SessionStoreOptions = {
  ttlMs: 30 * 60 * 1000,
  maxSessions: 100_000,
  now: Date.now,
};

interface Entry {
  value: unknown;
  expiresAt: number;
}

export class SessionStore {
  private readonly options: SessionStoreOptions;
  private readonly entries = new Map<string, Entry>();

  constructor(options: Partial<SessionStoreOptions> = {}) {
    this.options = { ...DEFAULT_SESSION_STORE_OPTIONS, ...options };
  }

  static key(conversationId: string, objectiveType: string): string {
    return `${objectiveType}\u0000${conversationId}`;
  }

  get(key: string): unknown {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.options.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Stores the session, or forgets it when `value` is undefined (the objective ended). */
  set(key: string, value: unknown): void {
    this.entries.delete(key);
    if (value === undefined) return;
    const now = this.options.now();
    this.entries.set(key, { value, expiresAt: now + this.options.ttlMs });
    this.evict(now);
  }

  get size(): number {
    return this.entries.size;
  }

  private evict(now: number): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.options.maxSessions && entry.expiresAt > now) break;
      this.entries.delete(key);
    }
  }
}
