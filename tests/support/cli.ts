/**
 * Runs the `voice-core` command as a real child process under ts-node, the way a user runs it, for
 * the CLI tests (plain and with credentials).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const CLI = ['-r', 'ts-node/register/transpile-only', join(ROOT, 'src/cli/main.ts')];

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [...CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
}

export async function cliOutput(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  // 'close', not 'exit': at 'exit' the child's last output may still be unread in its pipes.
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}

export interface ServingCli {
  child: ChildProcessWithoutNullStreams;
  port: number;
  /** Every JSON log line so far, raw, growing while the server runs. */
  lines: string[];
  /** The `msg` of each of those lines. */
  messages: string[];
}

/** Starts `voice-core serve --port 0 …args` and resolves at its "serving" log line. */
export async function serveCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServingCli> {
  const child = runCli(['serve', '--port', '0', ...args], env);
  const lines: string[] = [];
  const messages: string[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const complete = buffer.split('\n');
      buffer = complete.pop() ?? '';
      for (const line of complete) {
        const parsed = JSON.parse(line) as { msg?: string; port?: number };
        lines.push(line);
        messages.push(parsed.msg ?? '');
        if (parsed.msg === 'Voice Core serving' && parsed.port !== undefined) resolve(parsed.port);
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  return { child, port, lines, messages };
}
