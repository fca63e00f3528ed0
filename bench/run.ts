/**
 * `npm run bench`: every benchmark in one run, printed as tables with the ratios against the
 * floors measured side by side, and written as JSON to bench/results/. Not part of the tests.
 * Needs h2load (Debian nghttp2-client) and, for pinning, taskset (util-linux).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { benchBreaker } from './breaker';
import { benchClientOverhead } from './client-overhead';
import { benchEventStreaming } from './event-streaming';
import { hasTaskset, ROOT } from './lib';
import { benchPrimitiveCost, N_BEST_SIZE } from './primitive-cost';
import { benchServerThroughput, OBSERVED_TARGETS } from './server-throughput';

const fixed = (x: number, digits = 2): string => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
const verdict = (ok: boolean): string => (ok ? 'met' : 'MISSED');

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const rounds = quick ? 1 : 5;
  const started = new Date();
  console.log(
    `Voice Core benchmarks, ${started.toISOString()}, node ${process.version}, ${cpus().length} CPUs, pinning ${hasTaskset() ? 'on (servers on CPU 0, load on CPU 1)' : 'OFF (no taskset)'}\n`,
  );

  console.log('Server: ExecutePrimitive(capture_email_au), h2load, medians of', rounds, 'interleaved rounds');
  const server = await benchServerThroughput({ rounds, requests: quick ? 20_000 : 60_000 });
  const bare = (inFlight: number) => server.find((r) => r.target === 'bare grpc-js' && r.inFlight === inFlight)!;
  const serverRows = server.map((r) => ({
    target: r.target,
    'in flight': r.inFlight,
    'calls/s': Math.round(r.rps),
    'vs bare': fixed(r.rps / bare(r.inFlight).rps),
    'p50 ms': fixed(r.p50Ms, 3),
    'p99 ms': fixed(r.p99Ms, 3),
    'p99 vs bare': fixed(r.p99Ms / bare(r.inFlight).p99Ms),
    'server CPU µs/call': fixed(r.serverCpuUs, 1),
  }));
  console.table(serverRows);
  const voice64 = server.find((r) => r.target === 'voice-core' && r.inFlight === 64)!;
  const redis64 = server.find((r) => r.target === 'voice-core redis' && r.inFlight === 64)!;
  const voice1 = server.find((r) => r.target === 'voice-core' && r.inFlight === 1)!;
  const redis1 = server.find((r) => r.target === 'voice-core redis' && r.inFlight === 1)!;
  const redisLoad1 = server.find((r) => r.target === 'voice-core redis (redis on load CPU)' && r.inFlight === 1)!;
  const redisRatio = redis64.rps / voice64.rps;
  // Judged with redis-server on the server's CPU (it competes with Voice Core, as on a busy host); the
  // other placement (Redis on the load generator's CPU, like a Redis host of its own) is reported beside it.
  const redisAddedP50Ms = redis1.p50Ms - voice1.p50Ms;
  const redisLoadAddedP50Ms = redisLoad1.p50Ms - voice1.p50Ms;
  console.log(
    `Redis mode, p50 added at 1 in flight: ${fixed(redisAddedP50Ms, 3)} ms with redis-server on the server CPU (the target's), ` +
      `${fixed(redisLoadAddedP50Ms, 3)} ms with it on the load CPU`,
  );
  const throughputRatio = voice64.rps / bare(64).rps;
  const p99Ratio = voice64.p99Ms / bare(64).p99Ms;

  console.log('\nObservability cost: the same server with it off (voice-core) and on, same interleaved rounds');
  const off = (inFlight: number) => server.find((r) => r.target === 'voice-core' && r.inFlight === inFlight)!;
  const observed = server.filter((r) => (OBSERVED_TARGETS as readonly string[]).includes(r.target));
  console.table(
    observed.map((r) => ({
      target: r.target,
      'in flight': r.inFlight,
      'calls/s': Math.round(r.rps),
      'throughput cost': `${fixed((1 - r.rps / off(r.inFlight).rps) * 100, 1)}%`,
      'p99 ms': fixed(r.p99Ms, 3),
      'server CPU µs/call': fixed(r.serverCpuUs, 1),
      'CPU vs off': fixed(r.serverCpuUs / off(r.inFlight).serverCpuUs),
    })),
  );
  const observedCost = (target: string): number => 1 - server.find((r) => r.target === target && r.inFlight === 64)!.rps / off(64).rps;

  console.log('\nClient overhead: VoiceCoreClient vs bare nice-grpc client, same server');
  const client = await benchClientOverhead({ rounds, calls: quick ? 5000 : 20_000 });
  const bareClient = (inFlight: number) => client.find((r) => r.client === 'bare nice-grpc' && r.inFlight === inFlight)!;
  console.table(
    client.map((r) => ({
      client: r.client,
      'in flight': r.inFlight,
      'calls/s': Math.round(r.rps),
      'vs bare': fixed(r.rps / bareClient(r.inFlight).rps),
      'client CPU µs/call': fixed(r.cpuUsPerCall, 1),
      'CPU vs bare': fixed(r.cpuUsPerCall / bareClient(r.inFlight).cpuUsPerCall),
    })),
  );
  const sdk64 = client.find((r) => r.client === 'VoiceCoreClient' && r.inFlight === 64)!;
  const clientOverhead = sdk64.cpuUsPerCall / bareClient(64).cpuUsPerCall - 1;

  console.log('\nEvent streaming (replay of a filled log; delivery only)');
  const streaming = await benchEventStreaming();
  console.table(
    streaming.delivery.map((d) => ({
      subscribers: d.subscribers,
      'events each': d.eventsPerSubscriber,
      'events/s each': Math.round(d.eventsPerSecondEach),
      'deliveries/s total': Math.round(d.deliveriesPerSecond),
    })),
  );
  console.log(
    `Server memory per idle subscriber (${streaming.idleStreams} streams open): ${Math.round(streaming.idleSubscriberBytes)} bytes`,
  );

  console.log('\nEvent streaming through Redis (replay with XRANGE, live through the one shared XREAD BLOCK)');
  const redisStreaming = await benchEventStreaming({ redis: true, idleStreams: quick ? 2000 : 10_000 });
  console.table(
    redisStreaming.delivery.map((d) => ({
      subscribers: d.subscribers,
      'events each': d.eventsPerSubscriber,
      'events/s each': Math.round(d.eventsPerSecondEach),
      'deliveries/s total': Math.round(d.deliveriesPerSecond),
    })),
  );
  console.log(
    `Server memory per idle subscriber, Redis mode (${redisStreaming.idleStreams} streams open): ${Math.round(redisStreaming.idleSubscriberBytes)} bytes`,
  );

  console.log('\nPrimitive cost, in-process, per first-turn capture over each corpus');
  const primitives = benchPrimitiveCost(quick ? 50 : 200);
  console.table(
    primitives.map((p) => ({ primitive: p.primitive, utterances: p.utterances, 'p50 µs': fixed(p.p50Us, 1), 'p99 µs': fixed(p.p99Us, 1) })),
  );
  const worstP99 = Math.max(...primitives.map((p) => p.p99Us));
  console.log(`\nPrimitive cost with n-best lists of ${N_BEST_SIZE} (alternatives: every hypothesis read, then the vote)`);
  const nBestPrimitives = benchPrimitiveCost(quick ? 50 : 200, true);
  console.table(
    nBestPrimitives.map((p) => ({
      primitive: p.primitive,
      lists: p.utterances,
      'p50 µs per call': fixed(p.p50Us, 1),
      'p99 µs per call': fixed(p.p99Us, 1),
      'p50 µs per hypothesis': fixed(p.p50Us / p.hypotheses, 1),
      'p99 µs per hypothesis': fixed(p.p99Us / p.hypotheses, 1),
    })),
  );
  const worstNBestP99 = Math.max(...nBestPrimitives.map((p) => p.p99Us / p.hypotheses));

  console.log('\nCircuit breaker');
  const breaker = await benchBreaker();
  console.table([breaker]);

  const targets = [
    {
      target: 'server throughput ≥ 0.85× bare grpc-js at 64 in flight',
      measured: fixed(throughputRatio),
      result: verdict(throughputRatio >= 0.85),
    },
    { target: 'p99 latency ≤ 1.3× bare at 64 in flight', measured: fixed(p99Ratio), result: verdict(p99Ratio <= 1.3) },
    {
      target: 'client overhead ≤ 10% (CPU per call, 64 in flight)',
      measured: `${fixed(clientOverhead * 100, 1)}%`,
      result: verdict(clientOverhead <= 0.1),
    },
    { target: 'Redis mode throughput ≥ 0.6× memory mode at 64 in flight', measured: fixed(redisRatio), result: verdict(redisRatio >= 0.6) },
    {
      target: 'Redis mode adds ≤ 0.3 ms p50 at 1 in flight (redis-server on the server CPU)',
      measured: `${fixed(redisAddedP50Ms, 3)} ms (${fixed(redisLoadAddedP50Ms, 3)} ms with it on the load CPU)`,
      result: verdict(redisAddedP50Ms <= 0.3),
    },
    ...(
      [
        ['voice-core metrics', 'metrics on costs ≤ 5% throughput (64 in flight)', 0.05],
        ['voice-core tracing unsampled', 'tracing on, not sampled, costs ≤ 5% throughput', 0.05],
        ['voice-core tracing sampled', 'tracing on, sampled, costs ≤ 20% throughput', 0.2],
      ] as const
    ).map(([name, target, bar]) => ({
      target,
      measured: `${fixed(observedCost(name) * 100, 1)}%`,
      result: verdict(observedCost(name) <= bar),
    })),
    { target: 'primitive extraction ≤ 50 µs p99', measured: `${fixed(worstP99, 1)} µs (worst)`, result: verdict(worstP99 <= 50) },
    {
      target: `primitive extraction ≤ 50 µs p99 per hypothesis (n-best of ${N_BEST_SIZE})`,
      measured: `${fixed(worstNBestP99, 1)} µs (worst)`,
      result: verdict(worstNBestP99 <= 50),
    },
  ];
  console.log('\nTargets');
  console.table(targets);

  const dir = join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const results = {
    started: started.toISOString(),
    node: process.version,
    cpus: cpus().length,
    pinned: hasTaskset(),
    rounds,
    server,
    client,
    streaming,
    redisStreaming,
    primitives,
    nBestPrimitives,
    breaker,
    targets,
  };
  const json = JSON.stringify(results, null, 2);
  writeFileSync(join(dir, 'latest.json'), json);
  writeFileSync(join(dir, `${started.toISOString().replace(/[:.]/g, '-')}.json`), json);
  console.log(`\nJSON: bench/results/latest.json`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
