import type { Transition } from '../primitives/types';
import { concurrentTurn } from './errors';
import type { MemoryEventLog } from './event-log';
import type { SessionStore, VersionedSession } from './stores';

/**
 * Objective sessions between turns, in memory (the default; see
 * RedisSessionStore for several replicas), keyed by conversation and
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

/** The stored entry is itself the VersionedSession handed out: no copy per turn. */
interface Entry extends VersionedSession {
  readonly expiresAt: number;
}

export class MemorySessionStore implements SessionStore {
  private readonly options: SessionStoreOptions;
  private readonly entries = new Map<string, Entry>();

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

  load(conversationId: string, objectiveType: string): VersionedSession | undefined {
    return this.get(MemorySessionStore.key(conversationId, objectiveType));
  }

  commit(
    conversationId: string,
    objectiveType: string,
    expectedVersion: number,
    session: unknown,
    traceId: string,
    transitions: readonly Transition[],
  ): void {
    const key = MemorySessionStore.key(conversationId, objectiveType);
    // Only an asynchronous (custom) primitive can interleave with another turn here.
    const version = this.get(key)?.version ?? 0;
    if (version !== expectedVersion) throw concurrentTurn(conversationId, objectiveType);
    this.entries.delete(key);
    if (session !== undefined) {
      const now = this.options.now();
      this.entries.set(key, { data: session, version: version + 1, expiresAt: now + this.options.ttlMs });
      this.evict(now);
    }
    this.events.appendTransitions(conversationId, traceId, objectiveType, transitions);
  }

  get size(): number {
    return this.entries.size;
  }

  private get(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.options.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private evict(now: number): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.options.maxSessions && entry.expiresAt > now) break;
      this.entries.delete(key);
    }
  }
}
