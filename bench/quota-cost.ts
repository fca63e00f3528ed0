/**
 * `tsc -p tsconfig.bench.json && node dist-bench/bench/quota-cost.js [--calls N]`: the CPU the
 * quota and load-shedding wrapper (src/server/limits.ts) adds to each unary call, in-process: the
 * tenant's calls-per-second check alone (RateLimiterMemory.consume), and the whole wrapper (in-flight
 * cap, metadata size, quota), each against an empty await. CPU time, not wall time, so that the
 * neighbours on a shared machine do not count. Not part of CI.
 */
import { Metadata, type CallContext } from 'nice-grpc-common';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { Limits } from '../src/server/limits';

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? NaN : Number(process.argv[at + 1]);
  return Number.isFinite(value) ? value : fallback;
}

/** Mean CPU µs per call of `fn`, after a warm-up. */
async function cpuPerCall(calls: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(calls, 20_000); i++) await fn();
  const started = process.cpuUsage();
  for (let i = 0; i < calls; i++) await fn();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / calls;
}

async function main(): Promise<void> {
  const calls = arg('calls', 300_000);
  // Quotas high enough never to refuse: the cost of counting, not of refusing.
  const limiter = new RateLimiterMemory({ points: 1e9, duration: 1, keyPrefix: 'calls' });
  const limits = new Limits({ tenantCallsPerSecond: 1e9 });
  const context = {
    metadata: Metadata({ 'x-trace-id': 'trace-1', authorization: 'Bearer 0123456789abcdef' }),
    trailer: Metadata(),
    peer: 'ipv4:127.0.0.1:50000',
    signal: new AbortController().signal,
  } as unknown as CallContext;
  const handler = async (): Promise<number> => 1;
  const wrapped = limits.unary(handler);

  const baseline = await cpuPerCall(calls, handler);
  const quota = await cpuPerCall(calls, () => limiter.consume('default'));
  const whole = await cpuPerCall(calls, () => wrapped({}, context));
  console.log(`${calls} calls each, CPU µs per call:`);
  console.log(`  empty async handler:                      ${baseline.toFixed(2)}`);
  console.log(`  tenant calls-per-second check (consume):  ${quota.toFixed(2)}`);
  console.log(`  whole limits wrapper around the handler:  ${whole.toFixed(2)} (+${(whole - baseline).toFixed(2)})`);
}

void main();
