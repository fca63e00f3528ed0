import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { BLIND_CORPUS_DIR, CORPUS_DIR, loadCorpus } from '../accuracy/harness';
import { createDefaultRegistry } from '../../src/primitives/defaults';
import { recordSpans, type SpanRecorder } from '../support/span-recorder';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Runs both labelled corpora through real gRPC with tracing on, then scans every
 * span (names, string attributes, events, status) for each transcription and
 * every captured value and field: none may appear.
 */
describe('no span holds a transcription or a captured value', () => {
  let recorder: SpanRecorder;
  let t: TestServer;

  beforeAll(async () => {
    recorder = recordSpans();
    t = await startTestServer({ tracing: true });
  });
  afterAll(async () => {
    await t.close();
    await recorder.shutdown();
  });

  /** Every string a span exposes to an exporter. */
  function spanStrings(span: ReadableSpan): string[] {
    const strings = [span.name, span.status.message ?? ''];
    const collect = (attributes: Record<string, unknown> | undefined): void => {
      for (const [key, value] of Object.entries(attributes ?? {})) {
        strings.push(key);
        if (typeof value === 'string') strings.push(value);
        if (Array.isArray(value)) for (const v of value) strings.push(String(v));
      }
    };
    collect(span.attributes);
    for (const event of span.events) {
      strings.push(event.name);
      collect(event.attributes);
    }
    return strings;
  }

  test('a whole corpus run leaves no value in any span', async () => {
    const secrets = new Set<string>();
    let calls = 0;
    for (const objectiveType of createDefaultRegistry().types()) {
      for (const dir of [CORPUS_DIR, BLIND_CORPUS_DIR]) {
        for (const c of loadCorpus(objectiveType, dir)) {
          const confirmation = 'yes that is right';
          const response = await t.client.executePrimitive({
            objectiveType,
            conversationId: `privacy-${c.id}-${calls++}`,
            params: { transcription: c.transcription, confidence: '0.9', confirmation, ...c.params },
          });
          secrets.add(c.transcription);
          secrets.add(confirmation);
          if (response.value !== '') secrets.add(response.value);
          for (const v of Object.values(response.fields)) secrets.add(v);
        }
      }
    }
    expect(calls).toBeGreaterThan(1000);
    const spans = recorder.spans();
    // A client-less call leaves the server span and the primitive span.
    expect(spans.length).toBe(2 * calls);
    // Trace ids (32 hex digits) are ids, not values; their digits would otherwise match postcodes and years.
    const strings = spans.flatMap(spanStrings).filter((x) => !/^[0-9a-f]{32}$/.test(x));
    const leaks: string[] = [];
    for (const secret of secrets) {
      const s = secret.trim();
      if (s === '') continue;
      // Short values (a state code "VIC", "yes", "no", "7") are matched whole; longer ones anywhere in a string.
      const leaked = s.length >= 4 ? strings.some((x) => x.includes(s)) : strings.some((x) => x === s);
      if (leaked) leaks.push(`${s} in ${strings.find((x) => x.includes(s))}`);
    }
    expect(leaks).toEqual([]);
  }, 120_000);
});
