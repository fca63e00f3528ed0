import type { Transition } from '../primitives/types';
import { concurrentTurn } from './errors';
import type { MemoryEventLog } from './event-log';
import { DEFAULT_TENANT } from './redis/keys';
import type { SessionStore, VersionedSession } from './stores';

/**
 * Objective sessions between turns, in memory (the default; see
 * RedisSessionStore for several replicas), keyed by conversation and
 * objective type, within a tenant. Entries expire `ttlMs` after their last turn; the store
 * holds at most `maxSessions` per tenant, dropping that tenant's least recently used first,
 * so that one tenant's traffic never evicts another's sessions.
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

/** The stored entry is itself the VersionedSession handed out: no copy per turn. */
interface Entry extends VersionedSession {
  readonly expiresAt: number;
}

export class MemorySessionStore implements SessionStore {
  private readonly options: SessionStoreOptions;
  /** Tenant -> session key -> entry; Map order is least recently written first within a tenant. */
  private readonly tenants = new Map<string, Map<string, Entry>>();
  private count = 0;

  /** Commits append the turn's events to `events`, in the same synchronous step as the session write. */
  constructor(
    options: Partial<SessionStoreOptions>,
    private readonly events: MemoryEventLog,
  ) {
    this.options = { ...DEFAULT_SESSION_STORE_OPTIONS, ...options };
  }

  static key(conversationId: string, objectiveType: string): string {
    return `${objectiveType}\u0000${conversationId}`;
  }

  load(conversationId: string, objectiveType: string, tenant: string = DEFAULT_TENANT): VersionedSession | undefined {
    return this.get(tenant, MemorySessionStore.key(conversationId, objectiveType));
  }

  commit(
    conversationId: string,
    objectiveType: string,
    expectedVersion: number,
    session: unknown,
    traceId: string,
    transitions: readonly Transition[],
    tenant: string = DEFAULT_TENANT,
  ): void {
    const key = MemorySessionStore.key(conversationId, objectiveType);
    // Only an asynchronous (custom) primitive can interleave with another turn here.
    const version = this.get(tenant, key)?.version ?? 0;
    if (version !== expectedVersion) throw concurrentTurn(conversationId, objectiveType);
    let entries = this.tenants.get(tenant);
    if (entries?.delete(key) === true) this.count--;
    if (session !== undefined) {
      if (entries === undefined) {
        entries = new Map();
        this.tenants.set(tenant, entries);
      }
      const now = this.options.now();
      entries.set(key, { data: session, version: version + 1, expiresAt: now + this.options.ttlMs });
      this.count++;
      this.evict(entries, now);
    }
    if (entries?.size === 0) this.tenants.delete(tenant);
    this.events.appendTransitions(conversationId, traceId, objectiveType, transitions, tenant);
  }

  get size(): number {
    return this.count;
  }

  /** Sessions one tenant holds (for tests and diagnostics). */
  sizeOf(tenant: string): number {
    return this.tenants.get(tenant)?.size ?? 0;
  }

  private get(tenant: string, key: string): Entry | undefined {
    const entries = this.tenants.get(tenant);
    const entry = entries?.get(key);
    if (entries === undefined || entry === undefined) return undefined;
    if (entry.expiresAt <= this.options.now()) {
      entries.delete(key);
      this.count--;
      return undefined;
    }
    return entry;
  }

  /** Drops expired entries and the least recently written over the cap, from this tenant only. */
  private evict(entries: Map<string, Entry>, now: number): void {
    for (const [key, entry] of entries) {
      if (entries.size <= this.options.maxSessions && entry.expiresAt > now) break;
      entries.delete(key);
      this.count--;
    }
  }
}
