import { exponentialBackoff, type Backoff } from './backoff';

/**
 * A circuit breaker with no timers: time is read lazily from an injectable
 * clock, so it never keeps a process alive and tests drive it with a fake one.
 *
 * - CLOSED: calls pass. `failureThreshold` consecutive failures open it.
 * - OPEN: calls are refused at once, with the time left until a probe may go.
 *   The first call after the cooldown turns it HALF-OPEN.
 * - HALF-OPEN: at most `probes` calls are in flight or have succeeded; the
 *   rest are refused. `successThreshold` successes close it; one failure
 *   re-opens it with the cooldown multiplied by `backoffMultiplier`, up to
 *   `maxCooldownMs`. A probe that ends neutrally (the caller cancelled) gives
 *   its slot back.
 *
 * Outcomes are classified by the caller of `release`: a failure (the server
 * is unhealthy), a success (the server answered, even with a caller error),
 * or neutral (nothing was learnt: the caller cancelled). An outcome only
 * counts in the state it was granted in, so a slow call from before an
 * opening cannot close or re-open the circuit later.
 */

export type CircuitStateName = 'closed' | 'open' | 'half-open';

/** `openings`: how many times in a row the circuit has opened without closing; it sets the cooldown. */
type State =
  | { readonly name: 'closed'; consecutiveFailures: number }
  | { readonly name: 'open'; readonly openedAt: number; readonly cooldownMs: number; readonly openings: number }
  | { readonly name: 'half-open'; readonly openings: number; inFlight: number; successes: number };

export type Outcome = 'success' | 'failure' | 'neutral';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit (default 5). */
  failureThreshold: number;
  /** Successful probes that close it again (default 2). */
  successThreshold: number;
  /** Calls let through at once while half-open (default: successThreshold). */
  probes: number;
  /** First cooldown before probing (default 5 s). */
  cooldownMs: number;
  /** Cooldown growth after each failed probe (default 2). */
  backoffMultiplier: number;
  /** Longest cooldown (default 60 s, or cooldownMs if that is longer). */
  maxCooldownMs: number;
  /** Clock in ms (default Date.now). */
  now: () => number;
}

export const DEFAULT_CIRCUIT_BREAKER_OPTIONS: Omit<CircuitBreakerOptions, 'probes'> = {
  failureThreshold: 5,
  successThreshold: 2,
  cooldownMs: 5000,
  backoffMultiplier: 2,
  maxCooldownMs: 60_000,
  now: Date.now,
};

export interface CircuitStateChange {
  from: CircuitStateName;
  to: CircuitStateName;
  at: number;
  /** For a change to open: how long until a probe may go. */
  cooldownMs?: number;
}

export interface CircuitSnapshot {
  state: CircuitStateName;
  consecutiveFailures: number;
  /** While open: ms until a probe may go. */
  retryAfterMs: number;
  counters: CircuitCounters;
}

export interface CircuitCounters {
  /** Calls let through. */
  permitted: number;
  /** Calls refused without touching the network. */
  rejected: number;
  successes: number;
  failures: number;
  /** Outcomes that taught nothing (caller cancellations) or arrived after the state changed. */
  neutral: number;
  opened: number;
  closed: number;
}

/** A call let through; report its outcome exactly once with `release`. */
export interface Permit {
  readonly probe: boolean;
  release(outcome: Outcome): void;
}

export interface Rejection {
  readonly rejected: true;
  readonly retryAfterMs: number;
}

export interface Disposable {
  dispose(): void;
}

export class CircuitBreaker {
  private readonly options: CircuitBreakerOptions;
  private readonly cooldown: Backoff;
  private state: State = { name: 'closed', consecutiveFailures: 0 };
  /** Increases on every state change; a permit's outcome only counts in its own generation. */
  private generation = 0;
  private listeners: Array<(change: CircuitStateChange) => void> = [];
  private readonly counters: CircuitCounters = { permitted: 0, rejected: 0, successes: 0, failures: 0, neutral: 0, opened: 0, closed: 0 };

  constructor(options: Partial<CircuitBreakerOptions> = {}) {
    const merged = { ...DEFAULT_CIRCUIT_BREAKER_OPTIONS, ...options };
    this.options = {
      ...merged,
      probes: options.probes ?? merged.successThreshold,
      // A long first cooldown raises the default cap rather than being refused.
      maxCooldownMs: options.maxCooldownMs ?? Math.max(merged.maxCooldownMs, merged.cooldownMs),
    };
    const o = this.options;
    for (const [name, value, min] of [
      ['failureThreshold', o.failureThreshold, 1],
      ['successThreshold', o.successThreshold, 1],
      ['probes', o.probes, 1],
      ['cooldownMs', o.cooldownMs, 0],
      ['backoffMultiplier', o.backoffMultiplier, 1],
    ] as const) {
      if (!Number.isFinite(value) || value < min) throw new RangeError(`${name} must be a number >= ${min}, got ${value}`);
    }
    if (!(o.maxCooldownMs >= o.cooldownMs)) throw new RangeError('maxCooldownMs must be >= cooldownMs');
    if (o.probes > o.successThreshold) throw new RangeError('probes must not exceed successThreshold');
    this.cooldown = exponentialBackoff({
      initialMs: o.cooldownMs,
      maxMs: o.maxCooldownMs,
      multiplier: o.backoffMultiplier,
      jitter: 'none',
    });
  }

  /** Asks to make a call: a permit, or a rejection saying when to try again. */
  acquire(): Permit | Rejection {
    const state = this.current();
    if (state.name === 'closed') {
      this.counters.permitted++;
      return new CallPermit(this, this.generation, false);
    }
    if (state.name === 'half-open' && state.inFlight + state.successes < this.options.probes) {
      state.inFlight++;
      this.counters.permitted++;
      return new CallPermit(this, this.generation, true);
    }
    this.counters.rejected++;
    return { rejected: true, retryAfterMs: this.retryAfter(state) };
  }

  /** The state now (turning OPEN into HALF-OPEN if the cooldown has passed). */
  snapshot(): CircuitSnapshot {
    const state = this.current();
    return {
      state: state.name,
      consecutiveFailures: state.name === 'closed' ? state.consecutiveFailures : 0,
      retryAfterMs: this.retryAfter(state),
      counters: { ...this.counters },
    };
  }

  /** Back to CLOSED with a clean slate; outcomes of calls in flight no longer count. */
  reset(): void {
    this.moveTo({ name: 'closed', consecutiveFailures: 0 });
  }

  onStateChange(listener: (change: CircuitStateChange) => void): Disposable {
    this.listeners = [...this.listeners, listener];
    return {
      dispose: () => {
        this.listeners = this.listeners.filter((l) => l !== listener);
      },
    };
  }

  /** @internal Called by a permit, once. */
  settle(generation: number, probe: boolean, outcome: Outcome): void {
    const state = this.state;
    if (generation !== this.generation || outcome === 'neutral') {
      this.counters.neutral++;
      if (probe && generation === this.generation && state.name === 'half-open') state.inFlight--;
      return;
    }
    if (outcome === 'success') {
      this.counters.successes++;
      if (state.name === 'closed') {
        state.consecutiveFailures = 0;
      } else if (state.name === 'half-open') {
        state.inFlight--;
        state.successes++;
        if (state.successes >= this.options.successThreshold) {
          this.counters.closed++;
          this.moveTo({ name: 'closed', consecutiveFailures: 0 });
        }
      }
      return;
    }
    this.counters.failures++;
    if (state.name === 'closed') {
      state.consecutiveFailures++;
      if (state.consecutiveFailures >= this.options.failureThreshold) this.open(1);
    } else if (state.name === 'half-open') {
      this.open(state.openings + 1);
    }
  }

  private open(openings: number): void {
    this.counters.opened++;
    this.moveTo({ name: 'open', openedAt: this.options.now(), cooldownMs: this.cooldown.delay(openings), openings });
  }

  /** Lazily moves OPEN to HALF-OPEN once the cooldown has passed. */
  private current(): State {
    const state = this.state;
    if (state.name === 'open' && this.options.now() - state.openedAt >= state.cooldownMs) {
      this.moveTo({ name: 'half-open', openings: state.openings, inFlight: 0, successes: 0 });
    }
    return this.state;
  }

  private retryAfter(state: State): number {
    if (state.name === 'open') return Math.max(0, state.openedAt + state.cooldownMs - this.options.now());
    // Half-open with every probe slot taken: the probes will decide within their deadlines.
    return 0;
  }

  private moveTo(next: State): void {
    const from = this.state.name;
    this.state = next;
    this.generation++;
    const change: CircuitStateChange = { from, to: next.name, at: this.options.now() };
    if (next.name === 'open') change.cooldownMs = next.cooldownMs;
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        // A listener's bug must not leave the breaker half-way through a transition.
        process.emitWarning(`circuit breaker state-change listener threw: ${String(error)}`);
      }
    }
  }
}

class CallPermit implements Permit {
  private settled = false;
  constructor(
    private readonly breaker: CircuitBreaker,
    private readonly generation: number,
    readonly probe: boolean,
  ) {}

  release(outcome: Outcome): void {
    if (this.settled) return;
    this.settled = true;
    this.breaker.settle(this.generation, this.probe, outcome);
  }
}

export function isRejection(result: Permit | Rejection): result is Rejection {
  return (result as Rejection).rejected === true;
}
