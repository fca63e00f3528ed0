import type { VersionedSession } from '../stores';

/**
 * The sessions this process last committed or loaded, so that a turn can run
 * on one without first reading it from Redis. Bounded (least recently used
 * go first) and expiring with the session TTL, so that memory follows the
 * sessions in use. An entry may be stale (another replica took a turn, the
 * key expired, Redis lost it): the commit script checks version and revision
 * (revisions never repeat, versions do once a session ends), so staleness
 * costs a second round trip, never a wrong turn or a resurrected session.
 */
interface Entry {
  readonly session: VersionedSession;
  readonly expiresAt: number;
}

const NONE: VersionedSession = { version: 0, data: undefined };

export class SessionCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  /** The cached session of `key`, or version 0 ("no session") when none is cached or it expired. */
  get(key: string): VersionedSession {
    const entry = this.entries.get(key);
    if (entry === undefined) return NONE;
    this.entries.delete(key);
    if (entry.expiresAt <= this.now()) return NONE;
    this.entries.set(key, entry); // most recently used last
    return entry.session;
  }

  /** Remembers what Redis holds for `key` now (version 0: no session). */
  set(key: string, session: VersionedSession): void {
    if (this.maxEntries <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, { session, expiresAt: this.now() + this.ttlMs });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
  }

  /** Forgets `key`: after a failed command we cannot know what Redis holds. */
  forget(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
