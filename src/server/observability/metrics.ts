import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { Status, type ServerMiddleware } from 'nice-grpc-common';
import { labelNames, labelNamesWithCode, prometheusServerMiddleware } from 'nice-grpc-prometheus';
import { getLabels } from 'nice-grpc-prometheus/lib/common';
import type { PrimitiveRun, RuntimeObserver } from '../../runtime/observer';
import { REDIS_COMMAND_BUCKETS } from '../../runtime/redis/command-stats';
import type { VoiceCore } from '../../runtime/voice-core';
import { GRPC_HANDLING_BUCKETS, METRIC, PRIMITIVE_RUN_BUCKETS, TURNS_BUCKETS } from './metric-names';
import { CounterTally, HistogramTally, type CounterSeries, type HistogramSeries } from './tallies';
import { statusOf, type UnaryHandler, type UnaryMethod } from './unary-call';

const MISNAMED_DEFAULT_METRICS = ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total'];

export interface ServerMetricsOptions {
  /** prom-client's process metrics (CPU, memory, event loop, GC). Default true. */
  defaultMetrics: boolean;
  /** Captures in progress whose turns are counted (for turns per capture); the oldest are forgotten first. */
  maxTrackedCaptures: number;
}

/**
 * The server's Prometheus metrics in one registry: gRPC per method and code
 * (nice-grpc-prometheus, given metric objects made here so that each server
 * has its own and the histogram resolves sub-millisecond calls), the domain
 * metrics fed by the runtime's observer hook, gauges read from the runtime at
 * scrape time, and prom-client's process metrics.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  /** For streaming methods (counts their messages too); unary ones use observeUnary, which is cheaper. */
  readonly middleware: ServerMiddleware;
  readonly observer: RuntimeObserver;
  private readonly grpcStarted: Counter;
  private readonly grpcHandled: Counter;
  private readonly grpcHandlingSeconds: Histogram;
  private readonly unaryStarted = new CounterTally();
  private readonly unaryHandled = new CounterTally();

  constructor(core: VoiceCore, options: Partial<ServerMetricsOptions> = {}) {
    const registers = [this.registry];
    if (options.defaultMetrics ?? true) {
      collectDefaultMetrics({ register: this.registry });
      // Gauges named like counters fail `promtool check metrics`; the same counts stay, by type, in
      // nodejs_active_handles, nodejs_active_requests and nodejs_active_resources.
      for (const name of MISNAMED_DEFAULT_METRICS) this.registry.removeSingleMetric(name);
    }

    // Unary calls are tallied (observeUnary) and added at scrape time; streams count directly.
    const unaryStarted = this.unaryStarted;
    const unaryHandled = this.unaryHandled;
    this.grpcStarted = new Counter({
      registers,
      name: 'grpc_server_started_total',
      help: 'Total number of RPCs started on the server.',
      labelNames,
      collect() {
        unaryStarted.copyTo(this);
      },
    });
    this.grpcHandled = new Counter({
      registers,
      name: 'grpc_server_handled_total',
      help: 'Total number of RPCs completed on the server, regardless of success or failure.',
      labelNames: labelNamesWithCode,
      collect() {
        unaryHandled.copyTo(this);
      },
    });
    this.grpcHandlingSeconds = new Histogram({
      registers,
      name: 'grpc_server_handling_seconds',
      help: 'Time (seconds) the server took to handle an RPC, by method and code.',
      labelNames: labelNamesWithCode,
      buckets: GRPC_HANDLING_BUCKETS,
    });
    this.middleware = prometheusServerMiddleware({
      serverStartedMetric: this.grpcStarted,
      serverHandledMetric: this.grpcHandled,
      serverStreamMsgReceivedMetric: new Counter({
        registers,
        name: 'grpc_server_msg_received_total',
        help: 'Total number of RPC stream messages received by the server.',
        labelNames,
      }),
      serverStreamMsgSentMetric: new Counter({
        registers,
        name: 'grpc_server_msg_sent_total',
        help: 'Total number of gRPC stream messages sent by the server.',
        labelNames,
      }),
      serverHandlingSecondsMetric: this.grpcHandlingSeconds,
    } as Parameters<typeof prometheusServerMiddleware>[0]);

    // The domain metrics are tallied as plain numbers per objective type (tallies.ts) and copied
    // into these prom-client counters when Prometheus scrapes; the histograms are tallies too.
    const byType = ['objective_type'] as const;
    const tallies = {
      started: new CounterTally(),
      completed: new CounterTally(),
      failed: new CounterTally(),
      declined: new CounterTally(),
      turnErrors: new CounterTally(),
      rejected: new CounterTally(),
      repairs: new CounterTally(),
      transitions: new CounterTally(),
    };
    const counter = (name: string, help: string, labelNames: readonly string[], tally: CounterTally): void => {
      new Counter({
        registers,
        name,
        help,
        labelNames,
        collect() {
          tally.copyTo(this);
        },
      });
    };
    counter(METRIC.capturesStarted, 'Captures started (first turn).', byType, tallies.started);
    counter(METRIC.capturesCompleted, 'Captures completed with a confirmed value.', byType, tallies.completed);
    counter(
      METRIC.capturesFailed,
      'Captures that ended FAILED, by the error code of their last turn.',
      ['objective_type', 'error_code'],
      tallies.failed,
    );
    counter(
      METRIC.capturesDeclined,
      'Captures the caller declined to give a value for ("I\'d rather not say"): state DECLINED.',
      byType,
      tallies.declined,
    );
    counter(
      METRIC.turnErrors,
      'Turns that ended with an error code (ask again, timeout, internal), by code.',
      ['objective_type', 'error_code'],
      tallies.turnErrors,
    );
    counter(
      METRIC.confirmationsRejected,
      'Read-backs the caller rejected or corrected (CONFIRMING to REPAIRING).',
      byType,
      tallies.rejected,
    );
    counter(METRIC.repairs, 'Transitions into REPAIRING.', byType, tallies.repairs);
    counter(METRIC.stateTransitions, 'Objective state transitions.', ['objective_type', 'from', 'to'], tallies.transitions);
    const turns = new HistogramTally(
      METRIC.turnsPerCapture,
      'Turns a completed capture took, counted by this server since the capture started here.',
      TURNS_BUCKETS,
      this.registry,
    );
    const runSeconds = new HistogramTally(
      METRIC.primitiveRunSeconds,
      'Time (seconds) one primitive run took inside the runtime.',
      PRIMITIVE_RUN_BUCKETS,
      this.registry,
    );
    const seriesByType = new Map<string, TypeSeries>();
    const seriesOf = (objectiveType: string): TypeSeries => {
      let series = seriesByType.get(objectiveType);
      if (series === undefined) {
        const type = { objective_type: objectiveType };
        series = {
          started: tallies.started.series(type),
          completed: tallies.completed.series(type),
          declined: tallies.declined.series(type),
          rejected: tallies.rejected.series(type),
          repairs: tallies.repairs.series(type),
          failed: new Map(),
          turnErrors: new Map(),
          transitions: new Map(),
          runSeconds: runSeconds.series(type),
          turns: turns.series(type),
        };
        seriesByType.set(objectiveType, series);
      }
      return series;
    };
    const byCode = (map: Map<string, CounterSeries>, tally: CounterTally, objectiveType: string, code: string): CounterSeries => {
      let series = map.get(code);
      if (series === undefined) {
        series = tally.series({ objective_type: objectiveType, error_code: code });
        map.set(code, series);
      }
      return series;
    };
    const transitionOf = (series: TypeSeries, objectiveType: string, from: string, to: string): CounterSeries => {
      let fromMap = series.transitions.get(from);
      if (fromMap === undefined) {
        fromMap = new Map();
        series.transitions.set(from, fromMap);
      }
      let counted = fromMap.get(to);
      if (counted === undefined) {
        counted = tallies.transitions.series({ objective_type: objectiveType, from, to });
        fromMap.set(to, counted);
      }
      return counted;
    };
    const storeErrors = new Counter({
      registers,
      name: METRIC.storeErrors,
      help: 'Failed session or event store operations.',
      labelNames: ['store', 'operation'],
    });
    storeErrors.inc({ store: core.store.name, operation: 'any' }, 0);

    // Each figure only where the stores can give it: a shared Redis holds sessions and logs for every replica, so
    // this process cannot count them, and a gauge left at 0 would read as "none".
    const { sessions, events } = core;
    const figures: Array<{ name: string; help: string; read: (() => number) | undefined }> = [
      {
        name: METRIC.openSessions,
        help: 'Objective sessions held between turns (in this process).',
        read: sessions.size === undefined ? undefined : () => sessions.size ?? 0,
      },
      {
        name: METRIC.openEventStreams,
        help: 'StreamEvents subscriptions this process serves.',
        read: events.openSubscriptions === undefined ? undefined : () => events.openSubscriptions ?? 0,
      },
      {
        name: METRIC.eventLogEvents,
        help: 'Events retained in the event log.',
        read: events.retainedEventCount === undefined ? undefined : () => events.retainedEventCount?.() ?? 0,
      },
      {
        name: METRIC.eventLogConversations,
        help: 'Conversations with a retained event log.',
        read: events.conversationCount === undefined ? undefined : () => events.conversationCount ?? 0,
      },
    ];
    for (const { name, help, read } of figures) {
      if (read === undefined) continue;
      new Gauge({
        registers,
        name,
        help,
        collect() {
          this.set(read());
        },
      });
    }
    new Gauge({
      registers,
      name: METRIC.storeUp,
      help: 'Whether the store in use answers (1) or not (0), by store name.',
      labelNames: ['store'],
      async collect() {
        this.reset();
        this.set({ store: core.store.name }, (await core.store.reachable()) ? 1 : 0);
      },
    });

    const redis = core.storeMetrics;
    if (redis !== undefined) {
      // Read from the Redis stores when scraped; the only label, the operation, is a fixed list.
      const latency = new HistogramTally(
        METRIC.redisCommandSeconds,
        'Redis command time by store operation (seconds), as the process sees it.',
        REDIS_COMMAND_BUCKETS,
        this.registry,
      );
      for (const series of redis.latency) latency.include(series);
      new Counter({
        registers,
        name: METRIC.redisCommandErrors,
        help: 'Failed Redis commands (unreachable, timed out, busy or refused) by store operation.',
        labelNames: ['operation'],
        collect() {
          this.reset();
          for (const [operation, n] of Object.entries(redis.errors)) this.inc({ operation }, n);
        },
      });
      new Gauge({
        registers,
        name: METRIC.redisCommandsInFlight,
        help: 'Redis commands sent and not answered yet.',
        collect() {
          this.set(redis.outstanding);
        },
      });
      new Gauge({
        registers,
        name: METRIC.redisFollowedStreams,
        help: 'Conversation streams this process follows live for its StreamEvents subscribers.',
        collect() {
          this.set(redis.followedStreams());
        },
      });
      new Gauge({
        registers,
        name: METRIC.redisFollowerConnections,
        help: 'Redis connections that carry the live following (one, or one per Cluster node; never one per stream).',
        collect() {
          this.set(redis.followerConnections());
        },
      });
    }

    const turnCounter = new TurnCounter(options.maxTrackedCaptures ?? 100_000);
    this.observer = {
      primitiveRun(run: PrimitiveRun): void {
        const series = seriesOf(run.objectiveType);
        series.runSeconds.observe(run.durationMs / 1000);
        if (run.errorCode !== undefined) byCode(series.turnErrors, tallies.turnErrors, run.objectiveType, run.errorCode).value++;
        for (const t of run.transitions) {
          transitionOf(series, run.objectiveType, t.from, t.to).value++;
          if (t.from === 'pending') series.started.value++;
          if (t.to === 'repairing') {
            series.repairs.value++;
            if (t.from === 'confirming') series.rejected.value++;
          }
        }
        const n = turnCounter.turn(run);
        if (run.stateAfter === 'completed') {
          series.completed.value++;
          series.turns.observe(n);
        } else if (run.stateAfter === 'failed') {
          byCode(series.failed, tallies.failed, run.objectiveType, run.errorCode ?? 'UNSPECIFIED').value++;
        } else if (run.stateAfter === 'declined') {
          series.declined.value++;
        }
      },
      storeError(store: string, operation: string): void {
        storeErrors.inc({ store, operation });
      },
    };
  }

  /**
   * The same gRPC metrics as the middleware (started, handled, handling seconds; same names and
   * labels), recorded by a plain wrapper around a unary handler: the middleware costs an async
   * generator, an AbortController and listeners per call, which is most of what metrics cost on
   * the hot path. Label sets are made once per method and code, not per call.
   */
  observeUnary<Req, Res>(method: UnaryMethod, handler: UnaryHandler<Req, Res>): UnaryHandler<Req, Res> {
    const labels = getLabels({ ...method, requestStream: false, responseStream: false, options: {} });
    const started = this.unaryStarted.series(labels);
    const byCode = new Map<Status, { handled: CounterSeries; seconds: ReturnType<Histogram['labels']> }>();
    const ended = (status: Status, startedAt: number): void => {
      let children = byCode.get(status);
      if (children === undefined) {
        const withCode = { ...labels, grpc_code: Status[status] };
        children = { handled: this.unaryHandled.series(withCode), seconds: this.grpcHandlingSeconds.labels(withCode) };
        byCode.set(status, children);
      }
      children.seconds.observe((performance.now() - startedAt) / 1000);
      children.handled.value++;
    };
    return async (request, context) => {
      started.value++;
      const startedAt = performance.now();
      let status = Status.OK;
      try {
        return await handler(request, context);
      } catch (error) {
        status = statusOf(error);
        throw error;
      } finally {
        ended(status, startedAt);
      }
    };
  }

  /** The exposition text (Prometheus text format). */
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}

/** The series one objective type updates, made on its first run. */
interface TypeSeries {
  started: CounterSeries;
  completed: CounterSeries;
  declined: CounterSeries;
  rejected: CounterSeries;
  repairs: CounterSeries;
  failed: Map<string, CounterSeries>;
  turnErrors: Map<string, CounterSeries>;
  transitions: Map<string, Map<string, CounterSeries>>;
  runSeconds: HistogramSeries;
  turns: HistogramSeries;
}

/**
 * Turns per capture in progress, keyed by objective and conversation (kept in
 * memory only, never exported). Bounded: the least recently active are
 * forgotten first. Behind a load balancer a capture's turns may be spread over
 * replicas: each counts the turns it served.
 */
class TurnCounter {
  private readonly turns = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** Counts this run's turn and returns the capture's turns so far; forgets the capture once it ended. */
  turn(run: PrimitiveRun): number {
    const key = `${run.objectiveType}\u0000${run.conversationId}`;
    const n = (run.stateBefore === 'pending' ? 0 : (this.turns.get(key) ?? 0)) + 1;
    this.turns.delete(key);
    // A completed, failed or declined capture is over: its count is not kept.
    if (run.stateAfter === 'completed' || run.stateAfter === 'failed' || run.stateAfter === 'declined') return n;
    this.turns.set(key, n);
    if (this.turns.size > this.max) this.turns.delete(this.turns.keys().next().value as string);
    return n;
  }
}
