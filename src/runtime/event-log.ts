import { randomUUID } from 'node:crypto';
import type { Event } from '../../generated/voice_core/voice_core';
import type { Transition } from '../primitives/types';
import { notRetained, otherEvent, pastTheEnd, staleEpoch } from './event-log-errors';
import { eventIdOf, newWriteId } from './event-ids';
import { DEFAULT_TENANT } from './redis/keys';
import type { EventLog, NewEvent, Subscription } from './stores';

/**
 * The per-conversation event log, in memory (the default; see RedisEventLog for several replicas). Every conversation has its own
 * sequence (1, 2, 3, …) and an epoch that names this incarnation of its log,
 * so that a subscriber resuming after a server restart or an expiry is told
 * rather than handed unrelated events.
 *
 * Subscribers are cursors into the log, not queues: a slow consumer costs
 * nothing but its position, and if it falls behind what is retained it is
 * told so (OUT_OF_RANGE) instead of the server buffering without bound.
 */
export interface EventLogOptions {
  /** Events kept per conversation; older ones are dropped first. */
  maxEventsPerConversation: number;
  /**
   * Conversations kept per tenant; the tenant's least recently used idle one is dropped first. The cap is
   * per tenant so that one tenant's traffic can never evict another's logs.
   */
  maxConversations: number;
  /** A conversation with no new event and no subscriber for this long is dropped. */
  idleTtlMs: number;
  now: () => number;
}

export const DEFAULT_EVENT_LOG_OPTIONS: EventLogOptions = {
  maxEventsPerConversation: 1000,
  maxConversations: 10_000,
  idleTtlMs: 60 * 60 * 1000,
  now: Date.now,
};

export type { NewEvent, Subscription } from './stores';

/**
 * An event as the log keeps it. Most events are never streamed, so the
 * timestamp is kept as a number and becomes a Date only when read.
 */
class LoggedEvent implements Event {
  constructor(
    readonly eventType: string,
    readonly traceId: string,
    readonly objectiveType: string,
    readonly fromState: string,
    readonly toState: string,
    readonly data: { [key: string]: string },
    readonly conversationId: string,
    readonly sequence: number,
    private readonly at: number,
    readonly epoch: string,
    /** Its log's: a log in memory never gives a sequence twice, so the sequence alone tells its events apart. */
    private readonly write: string,
  ) {}

  get timestamp(): Date {
    return new Date(this.at);
  }

  get eventId(): string {
    return eventIdOf(this.write, this.sequence);
  }
}

class ConversationLog {
  readonly epoch = randomUUID();
  readonly write = newWriteId();
  /** Ring buffer of the retained events; `first` is the sequence of ring[start]. */
  private readonly ring: Event[] = [];
  private start = 0;
  first = 1;
  last = 0;
  touchedAt: number;
  subscribers = 0;
  private waiters: Array<() => void> = [];

  constructor(
    readonly conversationId: string,
    private readonly capacity: number,
    now: number,
  ) {
    this.touchedAt = now;
  }

  /** A log that only subscribers made: nothing was ever appended. It is dropped when its last subscriber leaves. */
  get empty(): boolean {
    return this.last === 0;
  }

  append(event: Event): void {
    if (this.ring.length < this.capacity) {
      this.ring.push(event);
    } else {
      this.ring[this.start] = event;
      this.start = (this.start + 1) % this.capacity;
      this.first++;
    }
    this.last = event.sequence;
    const waiters = this.waiters;
    if (waiters.length > 0) {
      this.waiters = [];
      for (const wake of waiters) wake();
    }
  }

  /** The event with this sequence, if retained. */
  at(sequence: number): Event | undefined {
    if (sequence < this.first || sequence > this.last) return undefined;
    return this.ring[(this.start + (sequence - this.first)) % this.ring.length];
  }

  /** Resolves on the next append, or when `signal` aborts. */
  next(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const onAbort = (): void => resolve();
      const wake = (): void => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      this.waiters.push(wake);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }
}

export class MemoryEventLog implements EventLog {
  private readonly options: EventLogOptions;
  /** Tenant -> conversation -> log. Map order is least recently used first within each tenant. */
  private readonly tenants = new Map<string, Map<string, ConversationLog>>();
  private subscriptions = 0;
  private conversations = 0;

  constructor(options: Partial<EventLogOptions> = {}) {
    this.options = { ...DEFAULT_EVENT_LOG_OPTIONS, ...options };
  }

  /** Appends an event to its conversation's log and returns it with its sequence. */
  append(conversationId: string, event: NewEvent, tenant: string = DEFAULT_TENANT): Event {
    const log = this.logFor(tenant, conversationId);
    const logged = new LoggedEvent(
      event.eventType,
      event.traceId,
      event.objectiveType,
      event.fromState,
      event.toState,
      event.data,
      conversationId,
      log.last + 1,
      this.options.now(),
      log.epoch,
      log.write,
    );
    log.append(logged);
    return logged;
  }

  /** Appends one turn's state transitions as state_transition events, in order. */
  appendTransitions(
    conversationId: string,
    traceId: string,
    objectiveType: string,
    transitions: readonly Transition[],
    tenant: string = DEFAULT_TENANT,
  ): void {
    if (transitions.length === 0) return;
    const log = this.logFor(tenant, conversationId);
    const at = this.options.now();
    for (const t of transitions) {
      log.append(
        new LoggedEvent(
          'state_transition',
          traceId,
          objectiveType,
          t.from,
          t.to,
          t.data ?? {},
          conversationId,
          log.last + 1,
          at,
          log.epoch,
          log.write,
        ),
      );
    }
  }

  /**
   * Opens a subscription: retained events after `fromSequence`, then live
   * ones until `signal` aborts. Checks the request at once (before any event
   * is read): FAILED_PRECONDITION when `epoch` names another incarnation of
   * the log, OUT_OF_RANGE when `fromSequence` is past its end, FAILED_PRECONDITION when the retained event at
   * `fromSequence` is not `lastEventId` (when given). While reading,
   * OUT_OF_RANGE when events the subscriber needs are no longer retained.
   * The returned epoch lets a subscriber that has seen no event yet resume safely.
   * Subscribing to a conversation with no log makes an empty one that lives only as long as its
   * subscribers (unless an event is appended meanwhile): a stream leaves nothing behind.
   */
  subscribe(
    conversationId: string,
    fromSequence: number,
    epoch: string,
    signal: AbortSignal,
    tenant: string = DEFAULT_TENANT,
    lastEventId = '',
  ): Subscription {
    const existing = this.tenants.get(tenant)?.get(conversationId);
    if (existing === undefined) {
      // Checked before anything is made, so that a refused subscription leaves nothing either.
      if (epoch !== '') throw staleEpoch(conversationId, epoch, '(none)');
      if (fromSequence > 0) throw pastTheEnd(conversationId, fromSequence, 0);
    }
    const log = existing ?? this.logFor(tenant, conversationId);
    if (epoch !== '' && epoch !== log.epoch) throw staleEpoch(conversationId, epoch, log.epoch);
    if (fromSequence > log.last) throw pastTheEnd(conversationId, fromSequence, log.last);
    const received = lastEventId === '' ? undefined : log.at(fromSequence);
    if (received !== undefined && received.eventId !== lastEventId) throw otherEvent(conversationId, fromSequence, lastEventId);
    return { epoch: log.epoch, events: this.follow(tenant, log, fromSequence, signal) };
  }

  private async *follow(tenant: string, log: ConversationLog, fromSequence: number, signal: AbortSignal): AsyncGenerator<Event> {
    // Counted here, where the finally that uncounts is sure to run: a generator never started runs no finally.
    log.subscribers++;
    this.subscriptions++;
    try {
      let cursor = fromSequence;
      while (!signal.aborted) {
        if (cursor + 1 < log.first) {
          // from_sequence 0 asks for everything retained: nothing read yet, so start at the oldest retained event.
          if (fromSequence !== 0 || cursor !== 0) throw notRetained(log.conversationId, cursor, log.first);
          cursor = log.first - 1;
          continue;
        }
        const event = log.at(cursor + 1);
        if (event !== undefined) {
          cursor++;
          yield event;
          continue;
        }
        await log.next(signal);
      }
      signal.throwIfAborted();
    } finally {
      this.release(tenant, log);
    }
  }

  /** Ends a subscriber's hold on its log; an empty log goes with its last subscriber. */
  private release(tenant: string, log: ConversationLog): void {
    log.subscribers--;
    this.subscriptions--;
    log.touchedAt = this.options.now();
    if (log.subscribers === 0 && log.empty) {
      const logs = this.tenants.get(tenant);
      if (logs?.get(log.conversationId) === log) this.drop(tenant, logs, log.conversationId);
    }
  }

  /** Last sequence and epoch of a conversation's log (0 and '' when there is none). */
  position(conversationId: string, tenant: string = DEFAULT_TENANT): { last: number; epoch: string } {
    const log = this.tenants.get(tenant)?.get(conversationId);
    return log === undefined ? { last: 0, epoch: '' } : { last: log.last, epoch: log.epoch };
  }

  get conversationCount(): number {
    return this.conversations;
  }

  /** Conversations one tenant holds (for tests and diagnostics). */
  conversationCountOf(tenant: string): number {
    return this.tenants.get(tenant)?.size ?? 0;
  }

  /** Event streams being served now (for health and metrics). */
  get openSubscriptions(): number {
    return this.subscriptions;
  }

  /** Events retained over all conversations. O(conversations): for health and metrics scrapes, not the hot path. */
  retainedEventCount(): number {
    let count = 0;
    for (const logs of this.tenants.values()) for (const log of logs.values()) count += log.last - log.first + 1;
    return count;
  }

  private logFor(tenant: string, conversationId: string): ConversationLog {
    const now = this.options.now();
    let logs = this.tenants.get(tenant);
    if (logs === undefined) {
      logs = new Map();
      this.tenants.set(tenant, logs);
    }
    let log = logs.get(conversationId);
    if (log !== undefined) {
      // Re-insert so that Map order is least recently used first.
      logs.delete(conversationId);
      logs.set(conversationId, log);
      log.touchedAt = now;
      return log;
    }
    this.evict(tenant, logs, now);
    log = new ConversationLog(conversationId, this.options.maxEventsPerConversation, now);
    logs.set(conversationId, log);
    this.conversations++;
    return log;
  }

  private drop(tenant: string, logs: Map<string, ConversationLog>, conversationId: string): void {
    logs.delete(conversationId);
    this.conversations--;
    if (logs.size === 0) this.tenants.delete(tenant);
  }

  /** Drops this tenant's idle logs past their TTL, then its least recently used idle ones over its cap. */
  private evict(tenant: string, logs: Map<string, ConversationLog>, now: number): void {
    for (const [id, log] of logs) {
      const overCap = logs.size >= this.options.maxConversations;
      const expired = now - log.touchedAt >= this.options.idleTtlMs;
      if (!overCap && !expired) break;
      if (log.subscribers === 0) this.drop(tenant, logs, id);
    }
  }
}
