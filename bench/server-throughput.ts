/**
 * Server unary throughput and latency for ExecutePrimitive(capture_email_au), Voice Core
 * against a bare @grpc/grpc-js server answering the same method, interleaved in one run.
 * A bare nice-grpc server (no middleware, canned answer) is measured too, to show what the
 * framework itself costs. h2load drives them from the other core (see bench/lib.ts).
 */
import { join } from 'node:path';
import { createChannel, createClient } from 'nice-grpc';
import { ExecutePrimitiveRequest, VoiceCoreServiceDefinition } from '../generated/voice_core/voice_core';
import {
  answerBytes,
  benchScript,
  checkEveryAnswer,
  freePort,
  grpcBody,
  h2load,
  median,
  ROOT,
  SERVER_CPU,
  spawnPinned,
  spawnVoiceCoreOnRedis,
  waitUntil,
  type LoadResult,
  type Process,
} from './lib';

export const SEED_REQUEST = {
  objective_type: 'capture_email_au',
  conversation_id: 'test-001',
  trace_id: 'trace-001',
  purpose: 'Test',
  params: { transcription: 'jane@gmail.com', confidence: '0.85', confirmation: 'yes' },
};

const PATH = '/voice_core.VoiceCoreService/ExecutePrimitive';

export interface ServerTarget {
  name: 'bare grpc-js' | 'bare nice-grpc' | 'voice-core' | RedisTarget | ObservedTarget;
  /** Starts the target on `port`, from the build at `root` (this checkout by default; bench:baseline gives another). */
  start(port: number, root?: string): Process | Promise<Process>;
}

/** Voice Core in Redis mode, its redis-server on the server's CPU (the target is judged on this one) or the load's. */
export const REDIS_TARGETS = ['voice-core redis', 'voice-core redis (redis on load CPU)'] as const;
export type RedisTarget = (typeof REDIS_TARGETS)[number];

/** Voice Core with observability on (bench/observed-server.ts); plain 'voice-core' is the same server with it off. */
export const OBSERVED_TARGETS = ['voice-core metrics', 'voice-core tracing unsampled', 'voice-core tracing sampled'] as const;
export type ObservedTarget = (typeof OBSERVED_TARGETS)[number];
const OBSERVED_MODE: Record<ObservedTarget, string> = {
  'voice-core metrics': 'metrics',
  'voice-core tracing unsampled': 'tracing-unsampled',
  'voice-core tracing sampled': 'tracing-sampled',
};

export const TARGETS: ServerTarget[] = [
  { name: 'bare grpc-js', start: (port) => spawnPinned(SERVER_CPU, process.execPath, [...benchScript('bare-server'), String(port)]) },
  {
    name: 'bare nice-grpc',
    start: (port) => spawnPinned(SERVER_CPU, process.execPath, [...benchScript('nice-grpc-bare-server'), String(port)]),
  },
  {
    name: 'voice-core',
    start: (port, root = ROOT) =>
      spawnPinned(SERVER_CPU, process.execPath, [
        join(root, 'dist/src/cli/main.js'),
        'serve',
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
      ]),
  },
  // The same load with sessions and events in Redis, interleaved with the in-memory runs.
  { name: 'voice-core redis', start: (port, root) => spawnVoiceCoreOnRedis(port, {}, 'with-server', root) },
  { name: 'voice-core redis (redis on load CPU)', start: (port, root) => spawnVoiceCoreOnRedis(port, {}, 'with-load', root) },
  ...OBSERVED_TARGETS.map((name): ServerTarget => ({
    name,
    start: (port, root) =>
      spawnPinned(SERVER_CPU, process.execPath, [
        // Another build's compiled bench script (bench:baseline), else this checkout's (compiled or through ts-node).
        ...(root === undefined ? benchScript('observed-server') : [join(root, 'dist-bench/bench/observed-server.js')]),
        String(port),
        OBSERVED_MODE[name],
      ]),
  })),
];

/** Checks with a real client that the server answers OK with a successful capture (h2load cannot read grpc-status). */
export async function checkAnswers(port: number): Promise<boolean> {
  const channel = createChannel(`127.0.0.1:${port}`);
  try {
    const response = await createClient(VoiceCoreServiceDefinition, channel).executePrimitive(
      ExecutePrimitiveRequest.fromJSON(SEED_REQUEST),
    );
    return response.success && response.value === 'jane@gmail.com';
  } finally {
    channel.close();
  }
}

export interface ThroughputRow {
  target: string;
  inFlight: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  serverCpuUs: number;
  runs: LoadResult[];
}

export async function benchServerThroughput(options: {
  rounds: number;
  requests: number;
  /** Only these targets (all when absent). */
  only?: readonly string[];
}): Promise<ThroughputRow[]> {
  const targets = options.only === undefined ? TARGETS : TARGETS.filter((t) => options.only!.includes(t.name));
  const body = grpcBody('execute-email', ExecutePrimitiveRequest.encode(ExecutePrimitiveRequest.fromJSON(SEED_REQUEST)).finish());
  const servers = new Map<string, { port: number; process: Process; bytesPerAnswer: number }>();
  try {
    for (const target of targets) {
      const port = await freePort();
      const process = await target.start(port);
      await waitUntil(() => checkAnswers(port));
      servers.set(target.name, { port, process, bytesPerAnswer: await answerBytes(port, PATH, body) });
      // Warm up the JIT before anything is measured.
      await h2load(port, PATH, body, 20_000, 1, 64);
    }
    const results = new Map<string, LoadResult[]>();
    const settings = [
      { inFlight: 1, connections: 1, streams: 1, requests: Math.round(options.requests / 4) },
      { inFlight: 64, connections: 1, streams: 64, requests: options.requests },
    ];
    for (let round = 0; round < options.rounds; round++) {
      for (const setting of settings) {
        // Each round starts with a different target: the run that comes first in a round was measured
        // up to 20 % faster than the same server run later (bench:baseline with the builds swapped).
        const shift = round % targets.length;
        for (const target of [...targets.slice(shift), ...targets.slice(0, shift)]) {
          const { port, process, bytesPerAnswer } = servers.get(target.name)!;
          // taskset execs the server, so the child's pid is the server's.
          const result = await h2load(port, PATH, body, setting.requests, setting.connections, setting.streams, process.child.pid);
          checkEveryAnswer(target.name, result, bytesPerAnswer);
          const key = `${target.name}@${setting.inFlight}`;
          results.set(key, [...(results.get(key) ?? []), result]);
        }
      }
    }
    for (const { port } of servers.values())
      if (!(await checkAnswers(port))) throw new Error('a server stopped answering correctly under load');
    const rows: ThroughputRow[] = [];
    for (const setting of settings) {
      for (const target of targets) {
        const runs = results.get(`${target.name}@${setting.inFlight}`) ?? [];
        rows.push({
          target: target.name,
          inFlight: setting.inFlight,
          rps: median(runs.map((r) => r.rps)),
          p50Ms: median(runs.map((r) => r.p50Ms)),
          p99Ms: median(runs.map((r) => r.p99Ms)),
          serverCpuUs: median(runs.map((r) => r.serverCpuUs ?? NaN)),
          runs,
        });
      }
    }
    return rows;
  } finally {
    for (const { process } of servers.values()) await process.stop();
  }
}

if (require.main === module) {
  void benchServerThroughput({ rounds: Number(process.argv[2] ?? 3), requests: Number(process.argv[3] ?? 40_000) }).then((rows) => {
    console.table(rows.map(({ runs: _runs, ...r }) => r));
  });
}
