import { once } from 'node:events';
import { cliOutput, runCli, serveCli } from '../support/cli';
import { eventually } from '../support/eventually';

const run = runCli;
const output = cliOutput;
// debug: the access log (one line per call) is written at debug level.
const serve = async () => {
  const serving = await serveCli(['--host', '127.0.0.1'], { VOICE_CORE_LOG_LEVEL: 'debug' });
  return { ...serving, logs: serving.lines };
};

// Each test starts the CLI under ts-node (several processes, each compiling the sources it loads):
// on a loaded 2-core machine that alone can take tens of seconds, so the budgets are generous.
describe('the voice-core command', () => {
  test('serve, call with the seed request, follow events, and stop cleanly on SIGTERM', async () => {
    const { child, port, logs } = await serve();
    try {
      const request = JSON.stringify({
        objective_type: 'capture_email_au',
        conversation_id: 'cli-1',
        trace_id: 'trace-cli',
        purpose: 'Test',
        params: { transcription: 'jane@gmail.com', confidence: '0.85', confirmation: 'yes' },
      });
      const called = await output(run(['call', '--address', `127.0.0.1:${port}`, request]));
      expect(called.code).toBe(0);
      expect(JSON.parse(called.stdout)).toMatchObject({ success: true, value: 'jane@gmail.com', state: 'completed', traceId: 'trace-cli' });

      const follower = run(['events', 'cli-1', '--address', `127.0.0.1:${port}`]);
      let lines: string[] = [];
      follower.stdout.on('data', (d: Buffer) => {
        lines = lines.concat(
          d
            .toString()
            .split('\n')
            .filter((l) => l !== ''),
        );
        if (lines.length >= 5) follower.kill('SIGINT');
      });
      await once(follower, 'exit');
      expect(lines.map((l) => (JSON.parse(l) as { sequence: number }).sequence)).toEqual([1, 2, 3, 4, 5]);

      const refused = await output(run(['call', '--address', `127.0.0.1:${port}`, '{"objective_type":"nope","conversation_id":"x"}']));
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/NOT_FOUND: objective_type "nope" is not a registered primitive/);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    // The child's last output may still be in the pipe when its exit is reported.
    const logged = () => logs.some((l) => l.includes('"msg":"ExecutePrimitive"') && l.includes('"trace_id":"trace-cli"'));
    await eventually(
      'trace-cli in the access log',
      async () => logged(),
      (seen) => seen,
    );
    expect(logged()).toBe(true);
  }, 120_000);

  test("call with an overflowing timeout_seconds (1e308) reports the server's refusal, not a local timeout", async () => {
    const { child, port } = await serve();
    try {
      const request = JSON.stringify({ objective_type: 'capture_email_au', conversation_id: 'cli-2', timeout_seconds: 1e308 });
      const called = await output(run(['call', '--address', `127.0.0.1:${port}`, request]));
      expect(called.code).toBe(1);
      expect(called.stderr).toMatch(/INVALID_ARGUMENT: timeout_seconds must be greater than 0 and at most 600/);
      expect(called.stderr).not.toMatch(/DEADLINE_EXCEEDED/);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }, 120_000);

  test('bad arguments give a clear message and a non-zero exit', async () => {
    const result = await output(run(['serve', '--port', 'eleven']));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--port must be a port number, got "eleven"/);
  }, 30000);

  test('the Sentinel flags: one of the pair alone, or with another Redis, stops startup naming the flags', async () => {
    const alone = await output(run(['serve', '--port', '0', '--redis-sentinels', '127.0.0.1:26379']));
    expect(alone.code).toBe(1);
    expect(alone.stderr).toMatch(/--redis-sentinels needs --redis-sentinel-name \(VOICE_CORE_REDIS_SENTINEL_NAME\)/);
    const both = await output(
      run(['serve', '--port', '0', '--redis-sentinel-name', 'mymaster', '--redis-cluster-nodes', '127.0.0.1:7000']),
    );
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(/give one Redis: --redis-cluster-nodes or --redis-sentinel-name, not several/);
    const ttl = await output(run(['serve', '--port', '0', '--redis-url', 'redis://127.0.0.1:1', '--redis-empty-log-ttl-ms', '0']));
    expect(ttl.code).toBe(1);
    expect(ttl.stderr).toMatch(/--redis-empty-log-ttl-ms must be a whole number of at least 1, got "0"/);
  }, 120_000);
});
