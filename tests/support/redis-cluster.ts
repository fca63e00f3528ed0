import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, REDIS_SERVER_BINARY } from './redis-server';

/**
 * A real three-node Redis Cluster (Debian's redis-server, masters only, AOF fsynced on every write) on
 * random ports, made with `redis-cli --cluster create`, for one test file.
 */
export const REDIS_CLI_BINARY = process.env.REDIS_CLI_BINARY ?? '/usr/bin/redis-cli';
export const redisClusterAvailable = existsSync(REDIS_SERVER_BINARY) && existsSync(REDIS_CLI_BINARY);

const run = promisify(execFile);

export function describeWithRedisCluster(name: string, body: () => void): void {
  if (redisClusterAvailable) describe(name, body);
  else describe.skip(`${name} (${REDIS_SERVER_BINARY} or ${REDIS_CLI_BINARY} is absent: apt-get install redis-server)`, body);
}

export class RedisCluster {
  private readonly processes: ChildProcess[] = [];

  private constructor(
    readonly ports: number[],
    private readonly dir: string,
  ) {}

  /** `host:port` of every node. */
  get nodes(): string[] {
    return this.ports.map((p) => `127.0.0.1:${p}`);
  }

  static async start(size = 3): Promise<RedisCluster> {
    const ports: number[] = [];
    while (ports.length < size) {
      const port = await freePort();
      // The cluster bus listens on port + 10000: keep both free and distinct.
      if (port < 55_000 && !ports.includes(port)) ports.push(port);
    }
    const cluster = new RedisCluster(ports, mkdtempSync(join(tmpdir(), 'voice-core-cluster-')));
    for (const port of ports) cluster.spawnNode(port);
    try {
      for (const port of ports) await cluster.until(port, (info) => info !== '', 'listening');
      await run(REDIS_CLI_BINARY, ['--cluster', 'create', ...cluster.nodes, '--cluster-yes'], { timeout: 30_000 });
      for (const port of ports) await cluster.until(port, (info) => info.includes('cluster_state:ok'), 'cluster_state:ok');
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  private async until(port: number, ok: (info: string) => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const info = await run(REDIS_CLI_BINARY, ['-p', String(port), 'cluster', 'info'], { timeout: 5000 }).then(
        (r) => r.stdout,
        () => '',
      );
      if (ok(info)) return;
      if (Date.now() > deadline) throw new Error(`Redis Cluster node ${port}: not ${what} within 20 s`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private spawnNode(port: number): void {
    const child = spawn(
      REDIS_SERVER_BINARY,
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--cluster-enabled',
        'yes',
        '--cluster-config-file',
        `nodes-${port}.conf`,
        '--dir',
        this.dir,
        // Every write on disk before it is acknowledged, so that a node killed and started again comes back
        // with its data (and its identity and slots, from its nodes file).
        '--save',
        '',
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--appenddirname',
        `aof-${port}`,
        '--protected-mode',
        'no',
        // A node that stops answering is marked failed after 1 s, and the others keep serving their slots
        // (with the default, yes, the whole Cluster refuses every command while one slot is uncovered).
        '--cluster-node-timeout',
        '1000',
        '--cluster-require-full-coverage',
        'no',
      ],
      { stdio: 'ignore' },
    );
    const index = this.ports.indexOf(port);
    if (index < this.processes.length) this.processes[index] = child;
    else this.processes.push(child);
  }

  /** SIGKILL one node and wait until it is gone; `restart` brings it back with its data. */
  async kill(port: number): Promise<void> {
    const child = this.processes[this.ports.indexOf(port)];
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async restart(port: number): Promise<void> {
    this.spawnNode(port);
    await this.until(port, (info) => info.includes('cluster_state:ok'), 'back with cluster_state:ok');
  }

  /** SIGSTOP one node (it hangs: connections stay open, nothing answers), or SIGCONT it back. */
  signal(port: number, signal: 'SIGSTOP' | 'SIGCONT'): void {
    this.processes[this.ports.indexOf(port)].kill(signal);
  }

  /** `cluster info` of one node ('' when it does not answer within 1 s). */
  info(port: number): Promise<string> {
    return run(REDIS_CLI_BINARY, ['-p', String(port), 'cluster', 'info'], { timeout: 1000 }).then(
      (r) => r.stdout,
      () => '',
    );
  }

  async stop(): Promise<void> {
    for (const child of this.processes) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
