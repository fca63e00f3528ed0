import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, connect } from 'node:net';

/**
 * A real redis-server (Debian's) on a random free port, for one test file.
 * `kill()` is a SIGKILL; `start()` again brings it back on the same port:
 * empty, as a crashed Redis without persistence would be, or, with
 * `appendOnly`, with what its append-only file holds.
 */
export const REDIS_SERVER_BINARY = process.env.REDIS_SERVER_BINARY ?? '/usr/bin/redis-server';

/** Whether tests that need Redis can run; when not, they skip with this message. */
export const redisAvailable = existsSync(REDIS_SERVER_BINARY);
export const REDIS_SKIP_MESSAGE = `${REDIS_SERVER_BINARY} is absent: the Redis tests are skipped (apt-get install redis-server)`;

/** `describe` when redis-server is installed, else a skipped describe that says why. */
export function describeWithRedis(name: string, body: () => void): void {
  if (redisAvailable) {
    describe(name, body);
  } else {
    describe.skip(`${name} (${REDIS_SKIP_MESSAGE})`, body);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RedisServerOptions {
  /**
   * An append-only file with an fsync per write, in a directory of its own: a restart, even after a
   * SIGKILL, then finds everything acknowledged. Without it, a restart starts empty.
   */
  appendOnly?: boolean;
}

export class RedisServer {
  private process: ChildProcess | undefined;
  /** Where the append-only file is, when there is one (removed by `remove()`). */
  readonly dir: string | undefined;

  private constructor(
    readonly port: number,
    options: RedisServerOptions,
  ) {
    this.dir = options.appendOnly === true ? mkdtempSync(join(tmpdir(), 'voice-core-redis-')) : undefined;
  }

  static async start(options: RedisServerOptions = {}): Promise<RedisServer> {
    const server = new RedisServer(await freePort(), options);
    await server.start();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.process?.pid;
  }

  async start(): Promise<void> {
    const child = spawn(
      REDIS_SERVER_BINARY,
      [
        ...['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--protected-mode', 'no'],
        ...(this.dir === undefined ? ['--appendonly', 'no'] : ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', this.dir]),
      ],
      { stdio: 'ignore' },
    );
    this.process = child;
    const deadline = Date.now() + 10_000;
    while (!(await accepts(this.port))) {
      if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode} on port ${this.port}`);
      if (Date.now() > deadline) throw new Error(`redis-server did not listen on port ${this.port} within 10 s`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** SIGKILL, then deletes the append-only file's directory, if any. */
  async remove(): Promise<void> {
    await this.kill();
    if (this.dir !== undefined) rmSync(this.dir, { recursive: true, force: true });
  }

  /** SIGKILL, and wait until it is gone. */
  async kill(): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (child === undefined || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
