import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/free-port';
import { PROMETHEUS, warnIfMissing } from '../support/promtool';
import { startTestServer, type TestServer } from '../support/test-server';

warnIfMissing('prometheus');
/**
 * A real Prometheus (Debian's), started here on a random port with a temporary
 * config and data directory, scrapes a running server; a capture counter is then
 * read back through the Prometheus HTTP API.
 */
(PROMETHEUS === undefined ? describe.skip : describe)('a real Prometheus scrapes the server', () => {
  let t: TestServer;
  let prometheus: ChildProcess;
  let dir: string;
  let apiPort: number;
  const output: string[] = [];

  beforeAll(async () => {
    t = await startTestServer({ metrics: { port: 0, host: '127.0.0.1' } });
    dir = mkdtempSync(join(tmpdir(), 'voice-core-prometheus-'));
    writeFileSync(
      join(dir, 'prometheus.yml'),
      [
        'global:',
        '  scrape_interval: 1s',
        'scrape_configs:',
        '  - job_name: voice-core',
        '    static_configs:',
        `      - targets: ['127.0.0.1:${t.server.metrics!.port}']`,
        '',
      ].join('\n'),
    );
    apiPort = await freePort();
    prometheus = spawn(
      PROMETHEUS!,
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${apiPort}`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    prometheus.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    prometheus.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  });

  afterAll(async () => {
    if (prometheus !== undefined && prometheus.exitCode === null) {
      const exited = new Promise((resolve) => prometheus.once('exit', resolve));
      prometheus.kill('SIGTERM');
      await exited;
    }
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function query(promql: string): Promise<Array<{ metric: Record<string, string>; value: [number, string] }>> {
    const response = await fetch(`http://127.0.0.1:${apiPort}/api/v1/query?query=${encodeURIComponent(promql)}`);
    const body = (await response.json()) as {
      status: string;
      data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> };
    };
    expect(body.status).toBe('success');
    return body.data.result;
  }

  test('the completed-capture counter is queryable in Prometheus', async () => {
    for (const id of ['p-1', 'p-2', 'p-3']) {
      const response = await t.client.executePrimitive({
        objectiveType: 'capture_phone_au',
        conversationId: id,
        params: { transcription: 'oh four nine one five seven oh one five six', confirmation: 'yes' },
      });
      expect(response.state).toBe('completed');
    }
    const promql = 'voice_core_captures_completed_total{job="voice-core",objective_type="capture_phone_au"}';
    const deadline = Date.now() + 60_000;
    let value: string | undefined;
    while (Date.now() < deadline) {
      if (prometheus.exitCode !== null) throw new Error(`prometheus exited: ${output.join('')}`);
      try {
        value = (await query(promql))[0]?.value[1];
      } catch {
        value = undefined; // not listening yet
      }
      if (value === '3') break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(value).toBe('3');
    // The scrape itself was healthy.
    expect((await query('up{job="voice-core"}'))[0]?.value[1]).toBe('1');
  }, 90_000);
});
