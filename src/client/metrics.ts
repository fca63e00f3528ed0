import { Counter, Gauge, type Registry } from 'prom-client';
import type { CircuitSnapshot, CircuitStateChange, CircuitStateName } from './circuit-breaker';
import { isVoiceCoreError } from './errors';

/**
 * The SDK's own Prometheus metrics, registered into a registry the
 * application supplies (option `metrics: { registry }`), so that they are
 * served with its other metrics. Several clients may share a registry; the
 * `client` label tells them apart (a name the application chooses: keep it
 * to a handful of fixed values).
 */
export const CLIENT_METRIC = {
  calls: 'voice_core_client_calls_total',
  breakerState: 'voice_core_client_breaker_state',
  breakerTransitions: 'voice_core_client_breaker_transitions_total',
  streamReconnects: 'voice_core_client_stream_reconnects_total',
  streamFailures: 'voice_core_client_stream_failures_total',
} as const;

export interface ClientMetricsOptions {
  registry: Registry;
  /** The `client` label. Default "default". */
  client?: string;
}

const STATES: readonly CircuitStateName[] = ['closed', 'open', 'half-open'];

/** Breakers whose state a registry's gauge reports, by registry. */
const breakersByRegistry = new WeakMap<Registry, Map<string, () => CircuitSnapshot>>();

export class ClientMetrics {
  private readonly client: string;
  private readonly calls: Counter<'client' | 'method' | 'code'>;
  private readonly transitions: Counter<'client' | 'from' | 'to'>;
  private readonly reconnects: Counter<'client'>;
  private readonly streamFailures: Counter<'client' | 'code'>;

  constructor(options: ClientMetricsOptions, breaker: () => CircuitSnapshot) {
    const { registry } = options;
    this.client = options.client ?? 'default';
    const registers = [registry];
    this.calls = shared(registry, CLIENT_METRIC.calls, () => {
      return new Counter({
        registers,
        name: CLIENT_METRIC.calls,
        help: 'Voice Core calls made by this SDK, by method and outcome code (OK or the VoiceCoreError code).',
        labelNames: ['client', 'method', 'code'],
      });
    });
    this.transitions = shared(registry, CLIENT_METRIC.breakerTransitions, () => {
      return new Counter({
        registers,
        name: CLIENT_METRIC.breakerTransitions,
        help: 'Circuit breaker state changes.',
        labelNames: ['client', 'from', 'to'],
      });
    });
    this.reconnects = shared(registry, CLIENT_METRIC.streamReconnects, () => {
      return new Counter({
        registers,
        name: CLIENT_METRIC.streamReconnects,
        help: 'Event streams resumed after the connection or the server went away.',
        labelNames: ['client'],
      });
    });
    this.streamFailures = shared(registry, CLIENT_METRIC.streamFailures, () => {
      return new Counter({
        registers,
        name: CLIENT_METRIC.streamFailures,
        help: 'Event streams that ended with an error, by code (EVENTS_LOST: events were gone).',
        labelNames: ['client', 'code'],
      });
    });
    let breakers = breakersByRegistry.get(registry);
    if (breakers === undefined) {
      const map = new Map<string, () => CircuitSnapshot>();
      breakers = map;
      breakersByRegistry.set(registry, map);
      new Gauge({
        registers,
        name: CLIENT_METRIC.breakerState,
        help: 'Circuit breaker state: 1 for the state the breaker is in, 0 for the others.',
        labelNames: ['client', 'state'],
        collect() {
          this.reset();
          for (const [client, snapshot] of map) {
            const now = snapshot().state;
            for (const state of STATES) this.set({ client, state }, state === now ? 1 : 0);
          }
        },
      });
    }
    breakers.set(this.client, breaker);
    // Zero series from the start, so that rate() and alerts see them before the first event.
    this.reconnects.inc({ client: this.client }, 0);
    this.streamFailures.inc({ client: this.client, code: 'EVENTS_LOST' }, 0);
  }

  call(method: string, code: string): void {
    this.calls.inc({ client: this.client, method, code });
  }

  breakerChanged(change: CircuitStateChange): void {
    this.transitions.inc({ client: this.client, from: change.from, to: change.to });
  }

  reconnected(): void {
    this.reconnects.inc({ client: this.client });
  }

  streamFailed(code: string): void {
    this.streamFailures.inc({ client: this.client, code });
  }
}

/** The registry's metric of that name, made once: clients sharing a registry share its metrics. */
function shared<T>(registry: Registry, name: string, make: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? make();
}

/** Re-yields a stream's events, counting the error that ends it (EVENTS_LOST, STREAM_RETRIES_EXHAUSTED, ...). */
export async function* countStreamFailures<T>(events: AsyncIterable<T>, metrics: ClientMetrics): AsyncGenerator<T> {
  try {
    yield* events;
  } catch (error) {
    metrics.streamFailed(isVoiceCoreError(error) ? error.code : 'UNKNOWN');
    throw error;
  }
}
