import { Metadata } from 'nice-grpc';
import { startTestServer, type TestServer } from '../support/test-server';

describe('trace id propagation through real gRPC', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  async function call(conversationId: string, traceId: string, header?: string) {
    let responseHeader: string | undefined;
    const response = await t.client.executePrimitive(
      { objectiveType: 'capture_email_au', conversationId, traceId, params: { transcription: 'jane@gmail.com', confirmation: 'yes' } },
      {
        metadata: header === undefined ? undefined : Metadata({ 'trace-id': header }),
        onHeader: (h) => {
          responseHeader = h.get('trace-id');
        },
      },
    );
    return { response, responseHeader };
  }

  test('the request field travels to the response, its header, every event and every log line', async () => {
    const { response, responseHeader } = await call('trace-1', 'trace-from-field');
    expect(response.traceId).toBe('trace-from-field');
    expect(responseHeader).toBe('trace-from-field');
    const replayed = await events('trace-1');
    expect(replayed).toHaveLength(5);
    for (const event of replayed) expect(event.traceId).toBe('trace-from-field');
    // StreamEvents is a call of its own, logged under its own trace id; the execution's lines carry the request's.
    const lines = t.logs.filter((l) => l.conversation_id === 'trace-1' && l.method !== 'StreamEvents');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.trace_id).toBe('trace-from-field');
  });

  test('the trace-id header is used when the field is empty', async () => {
    const { response, responseHeader } = await call('trace-2', '', 'trace-from-header');
    expect(response.traceId).toBe('trace-from-header');
    expect(responseHeader).toBe('trace-from-header');
    expect((await events('trace-2')).every((e) => e.traceId === 'trace-from-header')).toBe(true);
  });

  test('the field wins when field and header differ', async () => {
    const { response, responseHeader } = await call('trace-3', 'field-wins', 'header-loses');
    expect(response.traceId).toBe('field-wins');
    expect(responseHeader).toBe('field-wins');
  });

  test('a trace id is generated when neither is given', async () => {
    const { response, responseHeader } = await call('trace-4', '');
    expect(response.traceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(responseHeader).toBe(response.traceId);
    expect((await events('trace-4')).every((e) => e.traceId === response.traceId)).toBe(true);
  });

  test('a refused request still returns and logs its trace id', async () => {
    let responseHeader: string | undefined;
    await expect(
      t.client.executePrimitive(
        { objectiveType: 'capture_nothing', conversationId: 'trace-5', traceId: 'refused-trace' },
        { onHeader: (h) => (responseHeader = h.get('trace-id')) },
      ),
    ).rejects.toThrow(/objective_type/);
    expect(responseHeader).toBe('refused-trace');
    expect(t.logs.some((l) => l.conversation_id === 'trace-5' && l.trace_id === 'refused-trace')).toBe(true);
  });

  async function events(conversationId: string) {
    const controller = new AbortController();
    const out = [];
    const last = (await t.server.core.events.position(conversationId)).last;
    try {
      for await (const { event } of t.client.streamEvents({ conversationId }, { signal: controller.signal })) {
        if (event) out.push(event);
        if (out.length === last) controller.abort();
      }
    } catch {
      // aborted once every event was read
    }
    return out;
  }
});
