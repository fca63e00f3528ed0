import { spawn, execFile, execFileSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

/** The repository root (the benchmarks also run compiled, from dist-bench/bench/). */
export const ROOT = ((): string => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();

/** Node arguments that run a sibling benchmark script, compiled or (under ts-node) from source. */
export function benchScript(name: string): string[] {
  return __filename.endsWith('.ts')
    ? ['-r', 'ts-node/register/transpile-only', join(__dirname, `${name}.ts`)]
    : [join(__dirname, `${name}.js`)];
}
const run = promisify(execFile);

/** The two cores of this machine: servers on one, load generators on the other, so that they do not fight. */
export const SERVER_CPU = '0';
export const LOAD_CPU = '1';

export function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-c', '0', 'true']);
    return true;
  } catch {
    return false;
  }
}

/** Pins this process to a CPU (the load generator's), when taskset exists. */
export function pinSelf(cpu: string): void {
  if (!hasTaskset()) return;
  execFileSync('taskset', ['-a', '-p', '-c', cpu, String(process.pid)], { stdio: 'ignore' });
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

export interface Process {
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a command pinned to a CPU (when taskset exists), with stdout discarded. */
export function spawnPinned(cpu: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): Process {
  const [cmd, argv] = hasTaskset() ? ['taskset', ['-c', cpu, command, ...args]] : [command, args];
  const child = spawn(cmd, argv, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  return {
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await once(child, 'exit');
      clearTimeout(timer);
    },
  };
}

export async function waitUntil(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out waiting for a server to come up');
}

/** CPU time a process has used so far, in µs (user + system, from /proc). */
export function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime are fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

export interface LoadResult {
  requests: number;
  /** Server CPU time per request (µs), when the server's pid was given. */
  serverCpuUs?: number;
  ok: number;
  /** Bytes of HTTP/2 DATA received in all: a call answered with trailers only (an error) carries none. */
  dataBytes: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
}

const workDir = mkdtempSync(join(tmpdir(), 'voice-core-bench-'));

/** A gRPC request body for h2load: the 5-byte length prefix and the protobuf bytes. */
export function grpcBody(name: string, message: Uint8Array): string {
  const prefix = Buffer.alloc(5);
  prefix.writeUInt8(0, 0);
  prefix.writeUInt32BE(message.length, 1);
  const file = join(workDir, `${name}.bin`);
  writeFileSync(file, Buffer.concat([prefix, Buffer.from(message)]));
  return file;
}

/**
 * Drives a unary method with h2load (Debian nghttp2-client), pinned to the load CPU:
 * `connections` × `streams` calls in flight. h2load cannot read grpc-status trailers:
 * callers check the status separately with a real client.
 */
export async function h2load(
  port: number,
  path: string,
  body: string,
  requests: number,
  connections: number,
  streams: number,
  serverPid?: number,
): Promise<LoadResult> {
  const log = join(workDir, `h2load-${port}-${streams}-${Date.now()}.log`);
  const args = [
    '-n',
    String(requests),
    '-c',
    String(connections),
    '-m',
    String(streams),
    '-t',
    '1',
    '-H',
    'content-type: application/grpc',
    '-H',
    'te: trailers',
    '-d',
    body,
    `--log-file=${log}`,
    `http://127.0.0.1:${port}${path}`,
  ];
  const [cmd, argv] = hasTaskset() ? ['taskset', ['-c', LOAD_CPU, 'h2load', ...args]] : ['h2load', args];
  const cpuBefore = serverPid === undefined ? 0 : cpuMicros(serverPid);
  const { stdout } = await run(cmd, argv, { maxBuffer: 16 * 1024 * 1024 });
  const serverCpuUs = serverPid === undefined ? undefined : (cpuMicros(serverPid) - cpuBefore) / requests;
  const rps = Number(/finished in [\d.]+m?s, ([\d.]+) req\/s/.exec(stdout)?.[1] ?? NaN);
  const dataBytes = Number(/\((\d+)\) data/.exec(stdout)?.[1] ?? NaN);
  const lines = readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split('\t'));
  const durations = lines.map((cols) => Number(cols[2]) / 1000).sort((a, b) => a - b);
  const ok = lines.filter((cols) => cols[1] === '200').length;
  const at = (q: number): number => durations[Math.min(durations.length - 1, Math.floor(q * durations.length))];
  return {
    requests: lines.length,
    serverCpuUs,
    ok,
    dataBytes,
    rps,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    meanMs: durations.reduce((a, b) => a + b, 0) / durations.length,
  };
}

/** The DATA bytes of one answer, from a single call (every call of a load run sends the same request). */
export async function answerBytes(port: number, path: string, body: string): Promise<number> {
  return (await h2load(port, path, body, 1, 1, 1)).dataBytes;
}

/**
 * Throws unless every call of a load run got the full answer. h2load cannot read grpc-status, and a gRPC error
 * (a call shed by the per-tenant quota or the in-flight limit: RESOURCE_EXHAUSTED) is HTTP 200 with trailers
 * only: it shows as DATA missing from the total, each answer being the same size.
 */
export function checkEveryAnswer(name: string, result: LoadResult, bytesPerAnswer: number): void {
  if (result.ok !== result.requests) throw new Error(`${name}: ${result.requests - result.ok} responses were not HTTP 200`);
  const expected = result.requests * bytesPerAnswer;
  if (result.dataBytes !== expected) {
    const short = Math.round((expected - result.dataBytes) / bytesPerAnswer);
    throw new Error(`${name}: about ${short} of ${result.requests} calls got no full answer (a gRPC error: shed by a quota or limit?)`);
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(sortedValues: number[], q: number): number {
  return sortedValues[Math.min(sortedValues.length - 1, Math.floor(q * sortedValues.length))];
}

export const REDIS_SERVER = '/usr/bin/redis-server';

/** Where a bench's redis-server runs: beside the server (the honest, harder case) or beside the load generator. */
export type RedisPlacement = 'with-server' | 'with-load';

/**
 * A Voice Core server in Redis mode, with its own redis-server (no persistence). With the server
 * (the default), both share the server CPU, so the server side does all the work it does in
 * production on one core; with the load, Redis gets the load generator's CPU, as a Redis on its own
 * host would (but shares it with h2load). `child` is Voice Core's process, so that its CPU is what
 * is measured; stop() stops both.
 */
export async function spawnVoiceCoreOnRedis(
  port: number,
  env: NodeJS.ProcessEnv = {},
  placement: RedisPlacement = 'with-server',
  root: string = ROOT,
): Promise<Process> {
  const redisPort = await freePort();
  const redis = spawnPinned(placement === 'with-server' ? SERVER_CPU : LOAD_CPU, REDIS_SERVER, [
    '--port',
    String(redisPort),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
  ]);
  const server = spawnPinned(
    SERVER_CPU,
    process.execPath,
    [join(root, 'dist/src/cli/main.js'), 'serve', '--host', '127.0.0.1', '--port', String(port)],
    {
      VOICE_CORE_REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      ...env,
    },
  );
  return {
    child: server.child,
    async stop() {
      await server.stop();
      await redis.stop();
    },
  };
}
