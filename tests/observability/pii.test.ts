import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Event } from '../../generated/voice_core/voice_core';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * The whole corpus through real gRPC, the server logging at debug: no transcription and no
 * captured personal value may appear in clear in any log line or any event of StreamEvents.
 */

interface CorpusCase {
  id: string;
  transcription: string;
  params?: Record<string, string>;
}

/** Numbers, times of day and yes/no identify no one: the runtime shows them as they are (see each primitive's mask). */
const NOT_PERSONAL = new Set(['capture_number', 'capture_time_au', 'capture_yes_no']);

const CORPUS_DIR = join(__dirname, '../fixtures/corpus');

function corpus(): Array<{ objectiveType: string; case: CorpusCase }> {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.json'))
    .flatMap((file) =>
      (JSON.parse(readFileSync(join(CORPUS_DIR, file), 'utf8')) as CorpusCase[]).map((c) => ({
        objectiveType: file.replace(/\.json$/, ''),
        case: c,
      })),
    );
}

/** The retained events of a conversation: read until the stream has been idle a moment. */
async function eventsOf(t: TestServer, conversationId: string): Promise<Event[]> {
  const controller = new AbortController();
  const events: Event[] = [];
  let idle = setTimeout(() => controller.abort(), 200);
  try {
    for await (const { event } of t.client.streamEvents({ conversationId }, { signal: controller.signal })) {
      if (event !== undefined) events.push(event);
      clearTimeout(idle);
      idle = setTimeout(() => controller.abort(), 30);
    }
  } catch (error) {
    if (!(error instanceof Error && error.name === 'AbortError')) throw error;
  } finally {
    clearTimeout(idle);
  }
  return events;
}

/** The distinctive strings a leak would show: the whole transcription, the value and its long fields. */
function secretsOf(objectiveType: string, transcription: string, value: string, fields: Record<string, string>): string[] {
  const secrets = transcription.trim().length >= 12 ? [transcription.trim()] : [];
  if (NOT_PERSONAL.has(objectiveType)) return secrets;
  // An address keeps its street name, suburb, state and postcode readable by design (maskAddress): its numbers are the secret.
  // A datetime's timezone and offset come from the deployment's params, not the caller: its day is the secret.
  const personal =
    objectiveType === 'capture_address_au'
      ? [value, /\d/.test(fields.street ?? '') ? fields.street : ''] // a street heard without its number is only a street name
      : objectiveType === 'capture_datetime_au'
        ? [value, fields.date ?? '']
        : [value, ...Object.values(fields)];
  for (const s of personal) if (s.length >= 6 && !/^[a-z]+$/.test(s)) secrets.push(s);
  // Words that carry the value itself: digits, an at sign (a phone number, an address, an email said in one go).
  for (const word of transcription.split(/\s+/)) if (word.length >= 7 && /\d|\w@/.test(word)) secrets.push(word);
  return secrets;
}

describe('privacy: no transcription or captured value in clear in logs or events', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  test('the whole corpus through real gRPC at log level debug', async () => {
    const cases = corpus();
    expect(cases.length).toBeGreaterThan(500);
    const conversations: Array<{ conversationId: string; secrets: string[]; events: Event[] }> = [];
    let captured = 0;
    for (let at = 0; at < cases.length; at += 50) {
      await Promise.all(
        cases.slice(at, at + 50).map(async ({ objectiveType, case: c }) => {
          const conversationId = `pii-${c.id}`;
          const params = { ...c.params, transcription: c.transcription, confirmation: 'yes' };
          const response = await t.client.executePrimitive({ objectiveType, conversationId, params });
          if (response.success) captured++;
          const secrets = secretsOf(objectiveType, c.transcription, response.value, response.fields);
          conversations.push({ conversationId, secrets, events: await eventsOf(t, conversationId) });
        }),
      );
    }
    // The check can fail: most of the corpus is captured, and every conversation left events and log lines.
    expect(captured).toBeGreaterThan(cases.length / 2);
    expect(conversations.reduce((n, c) => n + c.events.length, 0)).toBeGreaterThan(cases.length * 2);
    expect(t.logs.filter((line) => line.msg === 'ExecutePrimitive').length).toBe(cases.length);

    // Each conversation's secrets against its own events and log lines, and the lines of no conversation (one
    // caller's street may be another's surname). Without timestamps: today's date is some callers' "this Saturday".
    const unattributed = t.logs
      .filter((line) => line.conversation_id === undefined)
      .map(({ time: _time, ...line }) => JSON.stringify(line))
      .join('\n');
    const leaks: Array<{ conversationId: string; secret: string }> = [];
    for (const { conversationId, secrets, events } of conversations) {
      const text = [
        unattributed,
        ...t.logs.filter((line) => line.conversation_id === conversationId).map(({ time: _time, ...line }) => JSON.stringify(line)),
        ...events.map(({ timestamp: _timestamp, ...event }) => JSON.stringify(event)),
      ].join('\n');
      for (const secret of secrets) if (text.includes(JSON.stringify(secret).slice(1, -1))) leaks.push({ conversationId, secret });
    }
    expect(leaks).toEqual([]);
  }, 120_000);
});
