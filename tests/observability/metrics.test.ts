import { eventually } from '../support/eventually';
import { promtool, PROMTOOL, warnIfMissing } from '../support/promtool';
import { startTestServer, type TestServer } from '../support/test-server';

warnIfMissing('promtool');
/** The Prometheus exposition of a real server after real gRPC calls. */
describe('Prometheus metrics', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ metrics: { port: 0, host: '127.0.0.1' } });
  });
  afterAll(async () => {
    await t.close();
  });

  async function scrape(path = '/metrics'): Promise<{ status: number; type: string | null; text: string }> {
    const response = await fetch(`http://127.0.0.1:${t.server.metrics!.port}${path}`);
    return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
  }

  /** The value of one sample, by name and exact labels (as printed), or undefined. */
  function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
    const want = Object.entries(labels)
      .map(([k, v]) => `${k}="${v}"`)
      .sort();
    for (const line of text.split('\n')) {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (match === null || match[1] !== name) continue;
      const have = (match[2] ?? '').split(/,(?=[a-z_]+=")/).filter((x) => x !== '');
      if (want.every((w) => have.includes(w))) return Number(match[3]);
    }
    return undefined;
  }

  const call = (conversationId: string, params: Record<string, string>, objectiveType = 'capture_email_au') =>
    t.client.executePrimitive({ objectiveType, conversationId, params });

  test('captures, turns, repairs, failures and gRPC calls are counted with bounded labels', async () => {
    await call('m-1', { transcription: 'jane at gmail dot com', confirmation: 'yes' });
    await call('m-2', { transcription: 'jane at gmail dot com' });
    await call('m-2', { confirmation: 'no' });
    await call('m-2', { transcription: 'john at gmail dot com' });
    await call('m-2', { confirmation: 'yes' });
    await call('m-3', { transcription: 'mumble', confidence: '0.1' });
    for (let i = 0; i < 5; i++) await call('m-4', { transcription: 'something with no address in it' });
    await expect(call('m-5', {}, 'capture_nothing')).rejects.toThrow(/not a registered primitive/);

    const { status, type, text } = await scrape();
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain/);
    const email = { objective_type: 'capture_email_au' };
    expect(sample(text, 'voice_core_captures_started_total', email)).toBe(4);
    expect(sample(text, 'voice_core_captures_completed_total', email)).toBe(2);
    expect(sample(text, 'voice_core_captures_failed_total', { ...email, error_code: 'MAX_RETRIES_EXCEEDED' })).toBe(1);
    expect(sample(text, 'voice_core_turn_errors_total', { ...email, error_code: 'LOW_CONFIDENCE' })).toBe(1);
    expect(sample(text, 'voice_core_confirmations_rejected_total', email)).toBe(1);
    expect(sample(text, 'voice_core_repairs_total', email)).toBe(1);
    // m-1 took one turn, m-2 four.
    expect(sample(text, 'voice_core_turns_per_capture_count', email)).toBe(2);
    expect(sample(text, 'voice_core_turns_per_capture_sum', email)).toBe(5);
    expect(sample(text, 'voice_core_turns_per_capture_bucket', { ...email, le: '1' })).toBe(1);
    expect(sample(text, 'voice_core_state_transitions_total', { ...email, from: 'confirming', to: 'repairing' })).toBe(1);
    expect(sample(text, 'voice_core_primitive_run_seconds_count', email)).toBe(11);
    expect(sample(text, 'voice_core_primitive_run_seconds_bucket', { ...email, le: '0.00001' })).toBeDefined();
    expect(sample(text, 'voice_core_open_sessions')).toBe(1); // m-3 waits for another try
    expect(sample(text, 'voice_core_open_event_streams')).toBe(0);
    expect(sample(text, 'voice_core_event_log_conversations')).toBe(4);
    expect(sample(text, 'voice_core_store_up', { store: 'memory' })).toBe(1);
    expect(sample(text, 'voice_core_store_errors_total', { store: 'memory', operation: 'any' })).toBe(0);
    const executeLabels = { grpc_service: 'voice_core.VoiceCoreService', grpc_method: 'ExecutePrimitive', grpc_type: 'unary' };
    expect(sample(text, 'grpc_server_started_total', executeLabels)).toBe(12);
    expect(sample(text, 'grpc_server_handled_total', { ...executeLabels, grpc_code: 'OK' })).toBe(11);
    expect(sample(text, 'grpc_server_handled_total', { ...executeLabels, grpc_code: 'NOT_FOUND' })).toBe(1);
    expect(sample(text, 'grpc_server_handling_seconds_count', { ...executeLabels, grpc_code: 'OK' })).toBe(11);
    expect(sample(text, 'process_cpu_seconds_total')).toBeDefined();
    // Never a conversation id, an unknown objective type, a value or a transcription.
    for (const secret of ['m-1', 'm-2', 'capture_nothing', 'jane', 'gmail', 'mumble']) expect(text).not.toContain(secret);
  });

  test('an open event stream is counted while it is served', async () => {
    const controller = new AbortController();
    const stream = t.client.streamEvents({ conversationId: 'm-1' }, { signal: controller.signal });
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next(); // the first retained event: the stream is open
    expect(sample((await scrape()).text, 'voice_core_open_event_streams')).toBe(1);
    controller.abort();
    await iterator.next().catch(() => undefined);
    // The cancellation reaches the server a moment after the client has stopped.
    await eventually(
      'voice_core_open_event_streams',
      async () => sample((await scrape()).text, 'voice_core_open_event_streams'),
      (open) => open === 0,
    );
  });

  test('other paths are 404', async () => {
    expect((await scrape('/')).status).toBe(404);
  });

  (PROMTOOL === undefined ? test.skip : test)('the exposition passes `promtool check metrics`', async () => {
    const { text } = await scrape();
    const result = promtool(['check', 'metrics'], text);
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });
});
