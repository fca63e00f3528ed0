import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort, REDIS_SERVER_BINARY, redisAvailable, REDIS_SKIP_MESSAGE } from './redis-server';

/**
 * A real Sentinel group from Debian's redis-server, on random ports, for one test file: a master, one
 * replica (`--replicaof`) and one Sentinel (`redis-server sentinel.conf --sentinel`, quorum 1, the master
 * down after 1 s), none with persistence. The Sentinel rewrites its config file, so each group has a
 * directory of its own.
 */
export const SENTINEL_MASTER_NAME = 'mymaster';

export function describeWithRedisSentinel(name: string, body: () => void): void {
  if (redisAvailable) describe(name, body);
  else describe.skip(`${name} (${REDIS_SKIP_MESSAGE})`, body);
}

export class RedisSentinelGroup {
  private readonly children = new Map<number, ChildProcess>();

  private constructor(
    /** The first master's port, then its replica's. */
    readonly dataPorts: [number, number],
    readonly sentinelPort: number,
    private readonly dir: string,
  ) {}

  /** `host:port` of the Sentinel, as `--redis-sentinels` takes it. */
  get sentinels(): string {
    return `127.0.0.1:${this.sentinelPort}`;
  }

  static async start(): Promise<RedisSentinelGroup> {
    const ports: number[] = [];
    while (ports.length < 3) {
      const port = await freePort();
      if (!ports.includes(port)) ports.push(port);
    }
    const [master, replica, sentinel] = ports;
    const group = new RedisSentinelGroup([master, replica], sentinel, mkdtempSync(join(tmpdir(), 'voice-core-sentinel-')));
    try {
      group.spawnData(master, []);
      group.spawnData(replica, ['--replicaof', '127.0.0.1', String(master)]);
      const conf = join(group.dir, 'sentinel.conf');
      writeFileSync(
        conf,
        [
          `port ${sentinel}`,
          'bind 127.0.0.1',
          'protected-mode no',
          `dir ${group.dir}`,
          `sentinel monitor ${SENTINEL_MASTER_NAME} 127.0.0.1 ${master} 1`,
          `sentinel down-after-milliseconds ${SENTINEL_MASTER_NAME} 1000`,
          `sentinel failover-timeout ${SENTINEL_MASTER_NAME} 10000`,
          '',
        ].join('\n'),
      );
      group.children.set(sentinel, spawn(REDIS_SERVER_BINARY, [conf, '--sentinel'], { stdio: 'ignore' }));
      // Ready when the replica is in sync and the Sentinel knows it as a healthy replica (else FAILOVER says NOGOODSLAVE).
      await group.until(async () => (await group.info(replica, 'replication')).includes('master_link_status:up'), 'replica in sync');
      await group.until(async () => {
        const replicas = (await group.sentinel('SENTINEL', 'REPLICAS', SENTINEL_MASTER_NAME)) as string[][];
        return replicas.some((r) => fieldOf(r, 'port') === String(replica) && fieldOf(r, 'flags') === 'slave');
      }, 'Sentinel sees the replica');
    } catch (error) {
      await group.stop();
      throw error;
    }
    return group;
  }

  /** The master's port, as the Sentinel reports it now. */
  async masterPort(): Promise<number> {
    const [, port] = (await this.sentinel('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', SENTINEL_MASTER_NAME)) as [string, string];
    return Number(port);
  }

  /** Runs one command on the Sentinel. */
  sentinel(...args: string[]): Promise<unknown> {
    return this.once(this.sentinelPort, args);
  }

  /** Runs one command on a data node. */
  command(port: number, ...args: string[]): Promise<unknown> {
    return this.once(port, args);
  }

  async info(port: number, section: string): Promise<string> {
    return String(await this.once(port, ['INFO', section]).catch(() => ''));
  }

  /** Waits until `ok`, polling every 50 ms, for up to `timeoutMs`. */
  async until(ok: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await ok().catch(() => false))) {
      if (Date.now() > deadline) throw new Error(`Sentinel group: not ${what} within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** SIGKILL one process of the group (a data node or the Sentinel), and wait until it is gone. */
  async kill(port: number): Promise<void> {
    const child = this.children.get(port);
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    for (const port of this.children.keys()) await this.kill(port);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private spawnData(port: number, extra: string[]): void {
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'no'];
    // A directory each: a replica's full sync writes an RDB file there.
    const dir = join(this.dir, String(port));
    mkdirSync(dir);
    this.children.set(port, spawn(REDIS_SERVER_BINARY, [...args, '--dir', dir, ...extra], { stdio: 'ignore' }));
  }

  /** A short-lived connection per command, so that nothing of the test's own lingers across a failover. */
  private async once(port: number, args: string[]): Promise<unknown> {
    const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return await client.call(args[0], ...args.slice(1));
    } finally {
      client.disconnect();
    }
  }
}

/** A field of a Sentinel reply given as a flat [name, value, name, value, …] list. */
function fieldOf(flat: string[], name: string): string | undefined {
  const i = flat.indexOf(name);
  return i >= 0 && i % 2 === 0 ? flat[i + 1] : undefined;
}
