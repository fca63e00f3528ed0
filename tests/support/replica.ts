import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createChannel, createClientFactory, type Channel } from 'nice-grpc';
import { deadlineMiddleware } from 'nice-grpc-client-middleware-deadline';
import { VoiceCoreServiceDefinition } from '../../generated/voice_core/voice_core';
import type { TestClient } from './test-server';

const ROOT = join(__dirname, '../..');
const CLI = ['-r', 'ts-node/register/transpile-only', join(ROOT, 'src/cli/main.ts')];

/**
 * One Voice Core server process (`voice-core serve`) on a fixed port, so that
 * it can be killed (-9 or TERM) and started again where clients expect it.
 * Its JSON log lines are kept, e.g. to see which replica serves a stream.
 */
export class Replica {
  private child: ChildProcessWithoutNullStreams | undefined;
  readonly logs: Array<Record<string, unknown>> = [];
  private channel: Channel | undefined;
  private rawClient: TestClient | undefined;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  get alive(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** A plain nice-grpc client of this replica alone (no SDK retry, no breaker). */
  get client(): TestClient {
    if (this.rawClient === undefined) {
      this.channel = createChannel(this.address);
      this.rawClient = createClientFactory().use(deadlineMiddleware).create(VoiceCoreServiceDefinition, this.channel);
    }
    return this.rawClient;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, [...CLI, 'serve', '--port', String(this.port), '--host', '127.0.0.1'], {
      cwd: ROOT,
      env: { ...process.env, VOICE_CORE_LOG_LEVEL: 'info', ...this.env },
    });
    this.child = child;
    child.stderr.on('data', () => undefined);
    let buffer = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        buffer += d.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) {
          try {
            const parsed = JSON.parse(line) as Record<string, unknown>;
            this.logs.push(parsed);
            if (parsed.msg === 'Voice Core serving') resolve();
          } catch {
            // not a log line
          }
        }
      });
      child.once('exit', (code, signal) => reject(new Error(`replica ${this.name} exited (${code ?? signal}) before serving`)));
    });
  }

  async kill(signal: 'SIGKILL' | 'SIGTERM'): Promise<number | null> {
    const child = this.child;
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return child?.exitCode ?? null;
    const exited = once(child, 'exit') as Promise<[number | null]>;
    child.kill(signal);
    const [code] = await exited;
    return code;
  }

  closeClient(): void {
    this.channel?.close();
    this.channel = undefined;
    this.rawClient = undefined;
  }

  /** Log lines with this message (and these fields). */
  logged(msg: string, fields: Record<string, unknown> = {}): Array<Record<string, unknown>> {
    return this.logs.filter((l) => l.msg === msg && Object.entries(fields).every(([k, v]) => l[k] === v));
  }
}
