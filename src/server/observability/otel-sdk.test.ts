import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { EXPORT_BATCH_SIZE, exportBatchSize, startTracingFromEnv, tracingConfigured } from './otel-sdk';

describe('tracingConfigured', () => {
  it('is on with an exporter or an OTLP endpoint, off without or when disabled', () => {
    expect(tracingConfigured({})).toBe(false);
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(true);
    expect(tracingConfigured({ OTEL_TRACES_EXPORTER: 'otlp' })).toBe(true);
    expect(tracingConfigured({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(false);
    expect(tracingConfigured({ OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'otlp' })).toBe(false);
  });
});

describe('exportBatchSize', () => {
  it("is Voice Core's default when OTEL_BSP_MAX_EXPORT_BATCH_SIZE is unset, blank or not a positive whole number", () => {
    expect(EXPORT_BATCH_SIZE).toBe(128);
    for (const value of [undefined, '', '  ', '0', '-5', '12.5', 'lots']) {
      expect(exportBatchSize({ OTEL_BSP_MAX_EXPORT_BATCH_SIZE: value })).toBe(EXPORT_BATCH_SIZE);
    }
  });

  it('is the variable when it is set', () => {
    expect(exportBatchSize({ OTEL_BSP_MAX_EXPORT_BATCH_SIZE: '512' })).toBe(512);
    expect(exportBatchSize({ OTEL_BSP_MAX_EXPORT_BATCH_SIZE: ' 64 ' })).toBe(64);
  });
});

describe('startTracingFromEnv', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  });

  // Nothing is traced in these tests: the exporter points at a closed port and never sends.
  const otlp = { OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' };

  it("gives the SDK Voice Core's batch size when none is set: a full batch is exported at once", async () => {
    // A collector that counts the spans of each OTLP/HTTP JSON export.
    const batches: number[] = [];
    const collector = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const sent = JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: unknown[] }[] }[] };
        batches.push(sent.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)).length);
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    try {
      // In a child process: the OTLP exporter loads its HTTP agent through a dynamic import,
      // which jest's module sandbox refuses.
      const script = `
        const { trace } = require('@opentelemetry/api');
        const { startTracingFromEnv } = require(${JSON.stringify(join(__dirname, 'otel-sdk.ts'))});
        (async () => {
          const handle = await startTracingFromEnv(process.env);
          const tracer = trace.getTracer('otel-sdk-test');
          // One span short of a batch, then a pause: nothing may be sent yet.
          for (let i = 0; i < ${EXPORT_BATCH_SIZE - 1}; i++) tracer.startSpan('span').end();
          await new Promise((resolve) => setTimeout(resolve, 300));
          console.log('one short');
          tracer.startSpan('span').end();
          await new Promise((resolve) => setTimeout(resolve, 300));
          console.log('batch size ' + process.env.OTEL_BSP_MAX_EXPORT_BATCH_SIZE);
          await handle.shutdown();
        })();`;
      const env = { ...process.env };
      delete env.OTEL_BSP_MAX_EXPORT_BATCH_SIZE;
      const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
        cwd: join(__dirname, '../../..'),
        env: {
          ...env,
          OTEL_TRACES_EXPORTER: 'otlp',
          OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
          OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`,
          // Only a full batch can make an export within the test.
          OTEL_BSP_SCHEDULE_DELAY: '600000',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const seen: string[] = [];
      const batchesWhenShort: number[][] = [];
      child.stdout.on('data', (chunk: Buffer) => {
        for (const line of chunk.toString().trim().split('\n')) {
          seen.push(line);
          if (line === 'one short') batchesWhenShort.push([...batches]);
        }
      });
      // 'close', not 'exit': at 'exit' the child's last lines may still be unread in its stdout pipe.
      const code = await new Promise((resolve) => child.on('close', resolve));
      expect(code).toBe(0);
      expect(seen).toEqual(['one short', `batch size ${EXPORT_BATCH_SIZE}`]);
      expect(batchesWhenShort).toEqual([[]]);
      expect(batches).toEqual([EXPORT_BATCH_SIZE]);
    } finally {
      await new Promise((resolve) => collector.close(resolve));
    }
  }, 60_000);

  it("keeps the operator's batch size", async () => {
    Object.assign(process.env, otlp, { OTEL_BSP_MAX_EXPORT_BATCH_SIZE: '512' });
    const handle = await startTracingFromEnv(process.env);
    await handle?.shutdown();
    expect(process.env.OTEL_BSP_MAX_EXPORT_BATCH_SIZE).toBe('512');
  });

  it('touches nothing when tracing is not configured', async () => {
    delete process.env.OTEL_BSP_MAX_EXPORT_BATCH_SIZE;
    expect(await startTracingFromEnv({})).toBeUndefined();
    expect(process.env.OTEL_BSP_MAX_EXPORT_BATCH_SIZE).toBeUndefined();
  });
});
