/**
 * `npm run bench:baseline -- DIR [--quick]`: this build against an earlier one, side by side in
 * one run, so that a refactor can show it did not regress. DIR is a built checkout of the
 * earlier commit, e.g.
 *
 *   git worktree add ../before <commit> && (cd ../before && npm ci)
 *   npm run bench:baseline -- ../before
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
  freePort,
  grpcBody,
  h2load,
  LOAD_CPU,
  median,
  percentile,
  pinSelf,
  SERVER_CPU,
  spawnPinned,
  waitUntil,
  type LoadResult,
} from './lib';
import { corpusInputs } from './primitive-cost';
import { checkAnswers, SEED_REQUEST } from './server-throughput';

const PATH = '/voice_core.VoiceCoreService/ExecutePrimitive';
const fixed = (x: number, digits = 2): string => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');

async function compareServers(baseline: string, rounds: number, requests: number): Promise<void> {
  const body = grpcBody('execute-email', ExecutePrimitiveRequest.encode(ExecutePrimitiveRequest.fromJSON(SEED_REQUEST)).finish());
  const builds = [
    { name: 'before', main: resolve(baseline, 'dist/src/cli/main.js') },
    { name: 'after', main: 'dist/src/cli/main.js' },
  ];
  const servers = [];
  try {
    for (const build of builds) {
      const port = await freePort();
      const process = spawnPinned(SERVER_CPU, globalThis.process.execPath, [
        build.main,
        'serve',
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
      ]);
      servers.push({ ...build, port, process });
      await waitUntil(() => checkAnswers(port));
      await h2load(port, PATH, body, 20_000, 1, 64);
    }
    const results = new Map<string, LoadResult[]>();
    for (let round = 0; round < rounds; round++) {
      for (const inFlight of [1, 64]) {
        for (const server of round % 2 === 0 ? servers : [...servers].reverse()) {
          const n = inFlight === 1 ? Math.round(requests / 4) : requests;
          const result = await h2load(server.port, PATH, body, n, 1, inFlight, server.process.child.pid);
          if (result.ok !== result.requests) throw new Error(`${server.name}: ${result.requests - result.ok} responses were not HTTP 200`);
          const key = `${server.name}@${inFlight}`;
          results.set(key, [...(results.get(key) ?? []), result]);
        }
      }
    }
    const row = (name: string, inFlight: number) => {
      const runs = results.get(`${name}@${inFlight}`) ?? [];
      return {
        rps: median(runs.map((r) => r.rps)),
        p50: median(runs.map((r) => r.p50Ms)),
        cpu: median(runs.map((r) => r.serverCpuUs ?? NaN)),
      };
    };
    console.table(
      [1, 64].flatMap((inFlight) => {
        const before = row('before', inFlight);
        return builds.map(({ name }) => {
          const r = row(name, inFlight);
          return {
            build: name,
            'in flight': inFlight,
            'calls/s': Math.round(r.rps),
            'vs before': fixed(r.rps / before.rps),
            'p50 ms': fixed(r.p50, 3),
            'server CPU µs/call': fixed(r.cpu, 1),
          };
        });
      }),
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
    throw new Error('usage: npm run bench:baseline -- DIR [--quick]  (DIR: a built checkout of the earlier commit)');
  const quick = args.includes('--quick');
  console.log(`This build against ${baseline}\n\nServer: ExecutePrimitive(capture_email_au), h2load, medians of interleaved rounds`);
  await compareServers(baseline, quick ? 1 : 5, quick ? 20_000 : 60_000);
  console.log('\nPrimitive cost, in-process, first turns over each corpus, builds alternating');
  comparePrimitives(baseline, quick ? 50 : 200);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
