import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { createVoiceCoreClient } from '../../src/client';
import { promtool, PROMTOOL, warnIfMissing } from '../support/promtool';
import { startTestServer } from '../support/test-server';

warnIfMissing('promtool');

const DEPLOY = join(__dirname, '../../deploy');
const RULES = join(DEPLOY, 'prometheus/voice-core-alerts.yml');
const RULE_TESTS = join(DEPLOY, 'prometheus/voice-core-alerts.test.yml');
const DASHBOARD = join(DEPLOY, 'grafana/voice-core-dashboard.json');

/** The committed alert rules and dashboard: checked by promtool, and only using metrics Voice Core exposes. */
describe('deploy/: alert rules and dashboard', () => {
  (PROMTOOL === undefined ? test.skip : test)('promtool check rules', () => {
    const result = promtool(['check', 'rules', RULES]);
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });

  (PROMTOOL === undefined ? test.skip : test)('promtool test rules: the alert unit tests pass', () => {
    const result = promtool(['test', 'rules', RULE_TESTS]);
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });

  test('every metric the dashboard and the rules query is one a server or the SDK exposes', async () => {
    const t = await startTestServer({ metrics: { port: 0, host: '127.0.0.1' } });
    const registry = new Registry();
    const client = createVoiceCoreClient({ useGrpc: true, endpoint: t.address, metrics: { registry } });
    try {
      await client.executePrimitive('capture_yes_no', { transcription: 'yes' }, { conversationId: 'd-1' });
      const exposition = (await (await fetch(`http://127.0.0.1:${t.server.metrics!.port}/metrics`)).text()) + (await registry.metrics());
      const exposed = new Set([...exposition.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]));

      const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as {
        panels: Array<{ title: string; targets: Array<{ expr: string }> }>;
      };
      const exprs = dashboard.panels.flatMap((p) => p.targets.map((target) => target.expr));
      expect(dashboard.panels.map((p) => p.title)).toEqual(
        expect.arrayContaining([
          'Capture success rate by primitive',
          'p50 and p99 by method',
          'p50 and p99 by primitive',
          'Failures by error code',
          'Turns per completed capture',
          'Open event streams and sessions',
          'Breaker opens seen by clients',
        ]),
      );
      exprs.push(...[...readFileSync(RULES, 'utf8').matchAll(/expr: >?\s*([\s\S]*?)(?=\n\s+(?:for|labels|- )|$)/g)].map((m) => m[1]));
      const used = new Set(exprs.flatMap((e) => [...e.matchAll(/\b((?:voice_core|grpc_server)_[a-z_]+)/g)].map((m) => m[1])));
      expect(used.size).toBeGreaterThan(10);
      const unknown = [...used].filter((name) => !exposed.has(name.replace(/_(bucket|sum|count)$/, '')));
      expect(unknown).toEqual([]);
    } finally {
      client.close();
      await t.close();
    }
  });
});
