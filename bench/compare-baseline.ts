/**
 * `npm run bench:baseline -- DIR [--quick] [--targets=NAME,…] [--servers-only]`: this build against
 * an earlier one, side by side in one run, so that a refactor can show it did not regress. DIR is
 * a built checkout of the earlier commit, e.g.
 *
 *   git worktree add ../before <commit> && (cd ../before && npm ci && npm run build)
 *   npm run bench:baseline -- ../before
 *
 * --targets names server-throughput.ts targets to compare (default: voice-core), e.g.
 * `--targets='voice-core,voice-core tracing sampled,voice-core redis'`; the observed ones need the
 * earlier build's dist-bench/ too (`tsc -p tsconfig.bench.json` there). --servers-only skips the
 * in-process primitive comparison.
 *
 * Server: ExecutePrimitive(capture_email_au) at 1 and 64 in flight, both servers pinned to the
 * server core, rounds interleaved. Primitive cost: each built-in primitive present in both
 * builds, first turns over its corpus, the two builds alternating per repetition. Ratios only
 * ever compare the two builds within this run.
 */
import { resolve } from 'node:path';
import { ExecutePrimitiveRequest } from '../generated/voice_core/voice_core';
import { BUILT_IN_CAPTURES, createDefaultRegistry } from '../src/primitives/defaults';
import type { PrimitiveRegistry } from '../src/primitives/registry';
import {
  answerBytes,
  checkEveryAnswer,
  freePort,
  grpcBody,
  h2load,
  LOAD_CPU,
  median,
  percentile,
  pinSelf,
  waitUntil,
  type LoadResult,
  type Process,
} from './lib';
import { corpusInputs } from './primitive-cost';
import { checkAnswers, SEED_REQUEST, TARGETS } from './server-throughput';

const PATH = '/voice_core.VoiceCoreService/ExecutePrimitive';
const fixed = (x: number, digits = 2): string => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');

async function compareServers(baseline: string, rounds: number, requests: number, targetNames: readonly string[]): Promise<void> {
  const body = grpcBody('execute-email', ExecutePrimitiveRequest.encode(ExecutePrimitiveRequest.fromJSON(SEED_REQUEST)).finish());
  const builds = [
    { name: 'before', root: resolve(baseline) },
    { name: 'after', root: undefined },
  ];
  const targets = targetNames.map((name) => {
    const target = TARGETS.find((t) => t.name === name);
    if (target === undefined) throw new Error(`unknown target "${name}"; known: ${TARGETS.map((t) => t.name).join(', ')}`);
    return target;
  });
  const servers: Array<{ key: string; target: string; build: string; port: number; process: Process; bytesPerAnswer: number }> = [];
  try {
    for (const target of targets) {
      for (const build of builds) {
        const port = await freePort();
        const process = await target.start(port, build.root);
        await waitUntil(() => checkAnswers(port));
        const bytesPerAnswer = await answerBytes(port, PATH, body);
        servers.push({ key: `${target.name}/${build.name}`, target: target.name, build: build.name, port, process, bytesPerAnswer });
        await h2load(port, PATH, body, 20_000, 1, 64);
      }
    }
    const results = new Map<string, LoadResult[]>();
    for (let round = 0; round < rounds; round++) {
      for (const inFlight of [1, 64]) {
        // Each round starts with a different server (see server-throughput.ts: the first slot ran faster).
        const shift = round % servers.length;
        for (const server of [...servers.slice(shift), ...servers.slice(0, shift)]) {
          const n = inFlight === 1 ? Math.round(requests / 4) : requests;
          const result = await h2load(server.port, PATH, body, n, 1, inFlight, server.process.child.pid);
          checkEveryAnswer(server.key, result, server.bytesPerAnswer);
          const key = `${server.key}@${inFlight}`;
          results.set(key, [...(results.get(key) ?? []), result]);
        }
      }
    }
    for (const server of servers) if (!(await checkAnswers(server.port))) throw new Error(`${server.key} stopped answering correctly`);
    const row = (key: string, inFlight: number) => {
      const runs = results.get(`${key}@${inFlight}`) ?? [];
      return {
        rps: median(runs.map((r) => r.rps)),
        p50: median(runs.map((r) => r.p50Ms)),
        cpu: median(runs.map((r) => r.serverCpuUs ?? NaN)),
      };
    };
    console.table(
      [1, 64].flatMap((inFlight) =>
        servers.map((server) => {
          const before = row(`${server.target}/before`, inFlight);
          const r = row(server.key, inFlight);
          return {
            target: server.target,
            build: server.build,
            'in flight': inFlight,
            'calls/s': Math.round(r.rps),
            'vs before': fixed(r.rps / before.rps),
            'p50 ms': fixed(r.p50, 3),
            'server CPU µs/call': fixed(r.cpu, 1),
          };
        }),
      ),
    );
  } finally {
    for (const server of servers) await server.process.stop();
  }
}

function comparePrimitives(baseline: string, repetitions: number): void {
  pinSelf(LOAD_CPU);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the earlier build is only known at run time
  const before = require(resolve(baseline, 'dist/src/primitives/defaults.js')) as { createDefaultRegistry(): PrimitiveRegistry };
  const registries = { before: before.createDefaultRegistry(), after: createDefaultRegistry() };
  const rows = [];
  for (const spec of BUILT_IN_CAPTURES) {
    const handlers = { before: registries.before.get(spec.objectiveType), after: registries.after.get(spec.objectiveType) };
    if (handlers.before === undefined || handlers.after === undefined) continue;
    const inputs = corpusInputs(spec.objectiveType);
    const context = { signal: new AbortController().signal, session: undefined, now: Date.parse('2026-11-26T09:00:00+11:00') };
    const samples = { before: [] as number[], after: [] as number[] };
    const warmUp = 20;
    for (let r = 0; r < warmUp + repetitions; r++) {
      // Alternate which build goes first, so that neither always runs just after the other's garbage.
      for (const build of r % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const)) {
        const handler = handlers[build]!;
        for (const input of inputs) {
          const start = process.hrtime.bigint();
          try {
            handler(input, context);
          } catch {
            // a refused param still costs its time
          }
          if (r >= warmUp) samples[build].push(Number(process.hrtime.bigint() - start) / 1000);
        }
      }
    }
    for (const s of Object.values(samples)) s.sort((a, b) => a - b);
    const p = (build: 'before' | 'after', q: number) => percentile(samples[build], q);
    rows.push({
      primitive: spec.objectiveType,
      'p50 µs before': fixed(p('before', 0.5), 1),
      'p50 µs after': fixed(p('after', 0.5), 1),
      'p50 after/before': fixed(p('after', 0.5) / p('before', 0.5)),
      'p99 µs before': fixed(p('before', 0.99), 1),
      'p99 µs after': fixed(p('after', 0.99), 1),
      'p99 after/before': fixed(p('after', 0.99) / p('before', 0.99)),
    });
  }
  console.table(rows);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const baseline = args.find((a) => !a.startsWith('--'));
  if (baseline === undefined)
    throw new Error(
      'usage: npm run bench:baseline -- DIR [--quick] [--targets=NAME,…] [--servers-only]  (DIR: a built checkout of the earlier commit)',
    );
  const quick = args.includes('--quick');
  const targets = args
    .find((a) => a.startsWith('--targets='))
    ?.slice('--targets='.length)
    .split(',') ?? ['voice-core'];
  console.log(`This build against ${baseline}\n\nServer: ExecutePrimitive(capture_email_au), h2load, medians of interleaved rounds`);
  await compareServers(baseline, quick ? 1 : 5, quick ? 20_000 : 60_000, targets);
  if (args.includes('--servers-only')) return;
  console.log('\nPrimitive cost, in-process, first turns over each corpus, builds alternating');
  comparePrimitives(baseline, quick ? 50 : 200);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
