import type { Redis } from 'ioredis';
import type { Logger } from '../logger';

/**
 * Live following of many streams over ONE blocking connection. Each process
 * has one StreamFollower: it runs a single `XREAD BLOCK … STREAMS k1 k2 …`
 * over every stream that has a subscriber and wakes the subscribers of the
 * streams that grew. A subscriber then reads what it needs with XRANGE on
 * the command connection, so the follower keeps no events and an idle
 * subscriber costs one small object.
 *
 * A new stream interrupts the running XREAD (CLIENT UNBLOCK) so that it is
 * included at once. After a reconnection every subscriber is woken to
 * re-read, which is also how it notices a log lost with a Redis restart.
 */
export const BLOCK_MS = 5000;

export interface Watcher {
  /**
   * Resolves true when the stream may have grown since the last call (or the follower reconnected), or `signal`
   * aborts; false when `timeoutMs` passed first.
   */
  wait(signal: AbortSignal, timeoutMs?: number): Promise<boolean>;
  close(): void;
}

/** What a subscriber holds while it follows one stream. */
export interface FollowWatcher extends Watcher {
  /** Forgets notifications so far: called just before the subscriber reads. */
  clear(): void;
  /** Resolves once every later growth of the stream is sure to wake this watcher: await it before the first read. */
  readonly ready: Promise<void>;
}

/** Wakes the subscribers of streams that grew; one per process, whatever the number of streams. */
export interface Follower {
  /** Starts following `key` past `afterSequence` for one subscriber. */
  watch(key: string, afterSequence: number): FollowWatcher;
  readonly streamCount: number;
  /** Redis connections that carry the following (never one per stream). */
  readonly connectionCount: number;
  close(): Promise<void>;
}

export class StreamWatch {
  /** Settled once this stream's wake-ups are being received (at once for the XREAD follower). */
  ready: Promise<void> = Promise.resolve();
  /** The last id the follower has seen on this stream; XREAD asks for what comes after it. */
  lastId: string;
  readonly waiters = new Set<WaiterImpl>();

  constructor(afterSequence: number) {
    this.lastId = `0-${afterSequence}`;
  }

  wakeAll(): void {
    for (const waiter of this.waiters) waiter.wake();
  }
}

export class WaiterImpl implements FollowWatcher {
  /** Set by a notification that came while nobody was waiting, so it is not missed. */
  private pending = false;
  private resolve: (() => void) | undefined;

  constructor(
    private readonly watch: StreamWatch,
    private readonly release: (waiter: WaiterImpl) => void,
  ) {}

  wake(): void {
    const resolve = this.resolve;
    if (resolve === undefined) {
      this.pending = true;
      return;
    }
    this.resolve = undefined;
    resolve();
  }

  wait(signal: AbortSignal, timeoutMs?: number): Promise<boolean> {
    if (this.pending || signal.aborted) {
      this.pending = false;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const finish = (woken: boolean): void => {
        this.resolve = undefined;
        signal.removeEventListener('abort', onAbort);
        if (timer !== undefined) clearTimeout(timer);
        resolve(woken);
      };
      const onAbort = (): void => finish(true);
      signal.addEventListener('abort', onAbort, { once: true });
      if (timeoutMs !== undefined) timer = setTimeout(() => finish(false), timeoutMs);
      this.resolve = () => finish(true);
    });
  }

  /** Forgets notifications so far: called just before the subscriber reads. */
  clear(): void {
    this.pending = false;
  }

  close(): void {
    this.release(this);
  }

  get stream(): StreamWatch {
    return this.watch;
  }

  get ready(): Promise<void> {
    return this.watch.ready;
  }
}

/**
 * A subscriber stops following `key`: it is woken (a wait in flight returns) and, once nobody
 * follows the stream, the stream is forgotten. Returns whether it was, for a follower that must
 * also stop listening for it. Shared by both followers.
 */
export function releaseWaiter(watches: Map<string, StreamWatch>, key: string, waiter: WaiterImpl): boolean {
  const watch = waiter.stream;
  watch.waiters.delete(waiter);
  waiter.wake();
  if (watch.waiters.size > 0 || watches.get(key) !== watch) return false;
  watches.delete(key);
  return true;
}

export class StreamFollower implements Follower {
  private readonly watches = new Map<string, StreamWatch>();
  /** Set when the set of streams changed while an XREAD was running. */
  private stale = false;
  private blocked = false;
  private blockingClientId: number | undefined;
  private idle: (() => void) | undefined;
  private running: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly blocking: Redis,
    private readonly commands: Redis,
    private readonly logger: Logger,
  ) {
    // Whatever happened while disconnected (a restart, a flush), subscribers re-read and find out;
    // once both connections are back, since they re-read on the command connection.
    const reconnected = (): void => {
      if (blocking.status !== 'ready' || commands.status !== 'ready') return;
      for (const watch of this.watches.values()) watch.wakeAll();
    };
    blocking.on('ready', () => {
      this.blockingClientId = undefined;
      reconnected();
    });
    commands.on('ready', reconnected);
  }

  /** Starts following `key` past `afterSequence` for one subscriber. Register before the first read. */
  watch(key: string, afterSequence: number): FollowWatcher {
    let watch = this.watches.get(key);
    if (watch === undefined) {
      watch = new StreamWatch(afterSequence);
      this.watches.set(key, watch);
      this.changed();
    }
    const waiter = new WaiterImpl(watch, (w) => this.release(key, w));
    watch.waiters.add(waiter);
    this.running ??= this.loop();
    return waiter;
  }

  get streamCount(): number {
    return this.watches.size;
  }

  /** The one blocking connection, when it is up. */
  get connectionCount(): number {
    return this.blocking.status === 'ready' ? 1 : 0;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.changed();
    for (const watch of this.watches.values()) watch.wakeAll();
    await this.running;
  }

  private release(key: string, waiter: WaiterImpl): void {
    // No need to interrupt the XREAD when the stream is dropped: a stream nobody follows only costs a spurious wake-up.
    releaseWaiter(this.watches, key, waiter);
  }

  /** The set of streams changed: wake the idle loop, or interrupt the running XREAD. */
  private changed(): void {
    const idle = this.idle;
    if (idle !== undefined) {
      this.idle = undefined;
      idle();
      return;
    }
    if (!this.blocked) return;
    this.stale = true;
    this.unblock();
  }

  private unblock(): void {
    const id = this.blockingClientId;
    if (id === undefined || !this.blocked || !this.stale) return;
    this.commands.call('CLIENT', 'UNBLOCK', String(id)).then(
      (unblocked) => {
        // 0: the XREAD had not reached Redis yet; try again in a moment.
        if (Number(unblocked) === 0) setTimeout(() => this.unblock(), 1);
      },
      () => {
        // Redis is away: the XREAD fails anyway and the loop starts over.
      },
    );
  }

  private async loop(): Promise<void> {
    while (!this.closed) {
      if (this.watches.size === 0) {
        await new Promise<void>((resolve) => {
          this.idle = resolve;
        });
        continue;
      }
      try {
        if (this.blockingClientId === undefined) {
          this.blockingClientId = Number(await this.blocking.call('CLIENT', 'ID'));
        }
        const keys = [...this.watches.keys()];
        const ids = keys.map((k) => this.watches.get(k)!.lastId);
        this.stale = false;
        this.blocked = true;
        let reply: unknown;
        try {
          reply = await this.blocking.call('XREAD', 'BLOCK', String(BLOCK_MS), 'STREAMS', ...keys, ...ids);
        } finally {
          this.blocked = false;
        }
        if (reply === null) continue;
        for (const [key, entries] of reply as Array<[string, Array<[string, string[]]>]>) {
          const watch = this.watches.get(key);
          if (watch === undefined || entries.length === 0) continue;
          watch.lastId = entries[entries.length - 1][0];
          watch.wakeAll();
        }
      } catch (error) {
        if (this.closed) break;
        this.blockingClientId = undefined;
        this.logger.debug({ err: { message: (error as Error).message } }, 'XREAD failed; waiting for Redis');
        await this.untilReady();
      }
    }
  }

  private untilReady(): Promise<void> {
    if (this.blocking.status === 'ready') return new Promise((resolve) => setTimeout(resolve, 100));
    return new Promise((resolve) => {
      const done = (): void => {
        clearInterval(poll);
        this.blocking.off('ready', done);
        resolve();
      };
      // Also poll, so that close() is noticed while Redis stays away.
      const poll = setInterval(() => {
        if (this.closed || this.blocking.status === 'ready') done();
      }, 200);
      this.blocking.once('ready', done);
    });
  }
}
