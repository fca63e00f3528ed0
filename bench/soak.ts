/**
 * `npm run soak [-- --calls N --concurrency C --channels K --max-conversations M --samples S --max-connection-age-ms A]`:
 * N mixed calls (default 1 000 000) through real gRPC against a server in this process: single-shot and
 * turn-by-turn on every primitive, event streams opening and closing, and a slice of bad requests.
 * Reports errors by code (expected or not), p50/p99 per time window and RSS over time (start after
 * warm-up, middle, end, slope). Exits non-zero on an unexpected error or RSS growing more than 10 %
 * after warm-up. Not part of CI. `npm run soak` runs node with `--expose-gc`: each of the S memory samples
 * (default 20) follows a full GC and prints at once, with process.memoryUsage() in full (rss, heapTotal,
 * heapUsed, external, arrayBuffers) and V8's heap spaces, so that a run stopped early still has its figures
 * and a step in RSS can be told apart: JS heap, buffers, or native memory outside both.
 *
 * The workers share K channels (default: one each, each its own connection), as independent callers would. All of them on one
 * connection would cancel about 200 event streams a second on it, and HTTP/2 servers take a sustained
 * stream-reset rate like that for a rapid-reset attack (CVE-2023-44487): nghttp2, in Node, allows a
 * burst of 1 000 resets and then 33 a second, and past that closes the connection with GOAWAY
 * INTERNAL_ERROR, failing every call on it ("RST_STREAM with code 2").
 *
 * Warm-up lasts until the in-memory event log holds its cap of conversations (each unit here starts a
 * new one; `--max-conversations`, default the server's 10 000) and at least a tenth of the calls.
 */
import { createChannel, createClient, ClientError, Status, type Client } from 'nice-grpc';
import { VoiceCoreServiceDefinition, ErrorCode } from '../generated/voice_core/voice_core';
import * as v8 from 'node:v8';
import { DEFAULT_EVENT_LOG_OPTIONS, MemoryEventLog } from '../src/runtime/event-log';
import { MemorySessionStore } from '../src/runtime/session-store';
import { silentLogger } from '../src/runtime/logger';
import { DEFAULT_MAX_CONNECTION_AGE_MS, startVoiceCoreServer } from '../src/server/server';

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? NaN : Number(process.argv[at + 1]);
  return Number.isFinite(value) ? value : fallback;
}

type VoiceClient = Client<typeof VoiceCoreServiceDefinition>;

/** One memory sample (MiB): process.memoryUsage() in full, V8's heap spaces (committed), and what the stores hold. */
interface Sample {
  at: number;
  seconds: number;
  mb: number;
  /** The largest RSS so far (getrusage): an RSS that stays at its peak is memory kept by the allocator, not data. */
  maxRssMb: number;
  heapTotalMb: number;
  heapMb: number;
  externalMb: number;
  arrayBuffersMb: number;
  spaces: Record<string, number>;
  conversations: number;
  eventLog: number;
  sessions: number;
}

const mib = (bytes: number): number => bytes / 2 ** 20;

const UTTERANCES: Record<string, [string, string]> = {
  capture_email_au: ['jane dot smith at gmail dot com', 'yes'],
  capture_phone_au: ['oh four one two three four five six seven eight', 'yes'],
  capture_address_au: ['12 smith street fitzroy vic 3065', 'yes'],
  capture_name_au: ['jane smith', 'yes'],
  capture_date_au: ['the fifth of december', 'yes'],
  capture_time_au: ['half past three in the afternoon', 'yes'],
  capture_datetime_au: ['tomorrow at 3 pm', 'yes'],
  capture_yes_no: ['yes please', 'yes'],
  capture_number: ['forty two', 'yes'],
  capture_alphanumeric: ['a b one two c d', 'yes'],
};
const TYPES = Object.keys(UTTERANCES);

/** Bad requests and the status each must get: anything else is an unexpected error. */
const BAD: Array<{ request: Parameters<VoiceClient['executePrimitive']>[0]; status: Status }> = [
  { request: { objectiveType: '', conversationId: 'bad' }, status: Status.INVALID_ARGUMENT },
  { request: { objectiveType: 'capture_nothing', conversationId: 'bad' }, status: Status.NOT_FOUND },
  { request: { objectiveType: 'capture_number', conversationId: 'bad', params: { colour: 'red' } }, status: Status.INVALID_ARGUMENT },
  { request: { objectiveType: 'capture_number', conversationId: 'bad', params: { confidence: '0x1' } }, status: Status.INVALID_ARGUMENT },
  { request: { objectiveType: 'capture_number', conversationId: 'bad', traceId: 'caf\u00e9' }, status: Status.INVALID_ARGUMENT },
  { request: { objectiveType: 'capture_number', conversationId: 'x'.repeat(300) }, status: Status.INVALID_ARGUMENT },
];

/** One sample on one line: process.memoryUsage() in full, then V8's heap spaces (committed, 1 MiB and up). */
function describe(r: Sample): string {
  const spaces = Object.entries(r.spaces)
    .filter(([, size]) => size >= 1)
    .map(([name, size]) => `${name.replace(/_space$/, '')} ${size.toFixed(0)}`)
    .join(', ');
  return (
    `at ${r.at} calls, ${r.seconds.toFixed(0)} s: RSS ${r.mb.toFixed(0)} (peak ${r.maxRssMb.toFixed(0)}), heapTotal ${r.heapTotalMb.toFixed(0)}, ` +
    `heapUsed ${r.heapMb.toFixed(0)}, external ${r.externalMb.toFixed(1)}, arrayBuffers ${r.arrayBuffersMb.toFixed(1)} ` +
    `(spaces: ${spaces}); event logs ${r.eventLog}, sessions ${r.sessions}`
  );
}

function percentile(sorted: ArrayLike<number>, p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

async function main(): Promise<void> {
  const calls = arg('calls', 1_000_000);
  const concurrency = arg('concurrency', 32);
  const channelCount = Math.max(1, Math.min(concurrency, arg('channels', concurrency)));
  const maxConversations = arg('max-conversations', DEFAULT_EVENT_LOG_OPTIONS.maxConversations);
  const windows = 10;
  const samples = arg('samples', 20);
  const maxConnectionAgeMs = arg('max-connection-age-ms', DEFAULT_MAX_CONNECTION_AGE_MS);
  const server = await startVoiceCoreServer({
    address: '127.0.0.1:0',
    logger: silentLogger,
    core: { eventLog: { maxEventsPerConversation: 64, maxConversations } },
    maxConnectionAgeMs,
  });
  // A local subchannel pool each: grpc-js otherwise shares one connection between channels to the same target.
  const channels = Array.from({ length: channelCount }, () =>
    createChannel(`127.0.0.1:${server.port}`, undefined, { 'grpc.use_local_subchannel_pool': 1 }),
  );
  const clients: VoiceClient[] = channels.map((channel) => createClient(VoiceCoreServiceDefinition, channel));
  /** `--expose-gc`: a full collection before each sample, so that the heap figure is live data only. */
  const gc = (globalThis as { gc?: () => void }).gc;

  const errors = new Map<string, { expected: boolean; count: number }>();
  const count = (key: string, expected: boolean) => {
    const seen = errors.get(key);
    if (seen === undefined) errors.set(key, { expected, count: 1 });
    else seen.count++;
  };
  const tally = (expected: boolean) => [...errors.values()].filter((e) => e.expected === expected).reduce((n, e) => n + e.count, 0);
  const expectedErrors = () => tally(true);
  const unexpectedErrors = () => tally(false);
  // Every call's latency, by tenth, in buffers allocated up front: growing JS arrays put 8 bytes a call
  // on the JS heap (large-object space), which showed as heapUsed creeping 106 -> 113 MiB over 580 000
  // calls of the harness's own bookkeeping, not the server's. A tenth holds at most its share of call
  // numbers plus the second calls of two-call units started just before its end.
  const latencies = Array.from({ length: windows }, () => ({
    values: new Float64Array(Math.ceil(calls / windows) + 2 * concurrency + 16),
    length: 0,
  }));
  /** Latencies since the last sample, printed with it: a run stopped early still leaves its figures. */
  let recent: number[] = [];
  const rss: Sample[] = [];
  const sample = (): void => {
    const sorted = recent.sort((a, b) => a - b);
    const since = rss[rss.length - 1];
    const rate = since === undefined ? NaN : (issued - since.at) / ((performance.now() - started) / 1000 - since.seconds);
    recent = [];
    gc?.();
    const memory = process.memoryUsage();
    const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, mib(s.space_size)]));
    rss.push({
      at: issued,
      seconds: (performance.now() - started) / 1000,
      mb: mib(memory.rss),
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      heapTotalMb: mib(memory.heapTotal),
      heapMb: mib(memory.heapUsed),
      externalMb: mib(memory.external),
      arrayBuffersMb: mib(memory.arrayBuffers),
      spaces,
      conversations,
      eventLog: server.core.events instanceof MemoryEventLog ? server.core.events.conversationCount : NaN,
      sessions: server.core.sessions instanceof MemorySessionStore ? server.core.sessions.size : NaN,
    });
    const r = rss[rss.length - 1];
    console.log(
      `${describe(r)}; since the last sample ${rate.toFixed(0)} calls/s, ` +
        `p50 ${percentile(sorted, 50).toFixed(2)} ms, p99 ${percentile(sorted, 99).toFixed(2)} ms; ` +
        `errors so far: ${expectedErrors()} expected, ${unexpectedErrors()} unexpected`,
    );
  };
  let issued = 0;
  let conversations = 0;
  let units = 0;
  let started = performance.now();

  /** One unit of work: a single-shot call, a two-turn conversation with a stream, or a bad request. */
  async function unit(n: number, u: number, client: VoiceClient): Promise<number> {
    const window = Math.min(windows - 1, Math.floor((n / calls) * windows));
    const timed = async <T>(call: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      try {
        return await call();
      } finally {
        const ms = performance.now() - started;
        const record = latencies[window];
        if (record.length < record.values.length) record.values[record.length++] = ms;
        recent.push(ms);
      }
    };
    // By unit, not by call number: units of two calls make call numbers skip, and with few workers the
    // skips fell into a pattern that left out whole kinds (1 bad request in 2 000 calls at concurrency 4).
    // Each block of 20 units is one primitive, so that every primitive runs every kind, turn by turn too.
    const kind = u % 20;
    const block = Math.floor(u / 20);
    const objectiveType = TYPES[block % TYPES.length];
    const [transcription, confirmation] = UTTERANCES[objectiveType];
    const conversationId = `soak-${++conversations}`;
    try {
      if (kind === 0) {
        const bad = BAD[block % BAD.length];
        try {
          await timed(() => client.executePrimitive(bad.request));
          count('OK for a bad request', false);
        } catch (error) {
          const code = error instanceof ClientError ? error.code : -1;
          count(`${Status[code] ?? code} (bad request)`, code === bad.status);
        }
        return 1;
      }
      if (kind < 14) {
        const response = await timed(() =>
          client.executePrimitive({ objectiveType, conversationId, params: { transcription, confirmation } }),
        );
        if (response.error?.code === ErrorCode.ERROR_CODE_INTERNAL) count('ERROR_CODE_INTERNAL outcome', false);
        return 1;
      }
      // Turn by turn with an event stream open on the conversation, closed when the objective ends.
      const controller = new AbortController();
      const stream = (async () => {
        try {
          for await (const _ of client.streamEvents({ conversationId }, { signal: controller.signal })) {
            // events are read and dropped
          }
        } catch (error) {
          if (!(error instanceof Error && error.name === 'AbortError')) {
            count(`StreamEvents ${error instanceof ClientError ? `${Status[error.code]}: ${error.details}` : String(error)}`, false);
          }
        }
      })();
      await timed(() => client.executePrimitive({ objectiveType, conversationId, params: { transcription } }));
      await timed(() =>
        client.executePrimitive({ objectiveType, conversationId, params: { confirmation } }).catch((error: unknown) => {
          // yes/no and numbers may be done after one turn: a confirmation then has nothing to confirm.
          if (error instanceof ClientError && error.code === Status.FAILED_PRECONDITION) return undefined;
          throw error;
        }),
      );
      controller.abort();
      await stream;
      return 2;
    } catch (error) {
      count(
        error instanceof ClientError ? `${Status[error.code]}: ${error.details}` : error instanceof Error ? error.name : String(error),
        false,
      );
      return 1;
    }
  }

  started = performance.now();
  let nextSample = 0;
  const worker = async (client: VoiceClient): Promise<void> => {
    while (issued < calls) {
      // Counted before the call, so that concurrent workers never share a call number.
      const n = issued++;
      // Awaited first: `issued += await …` would read `issued` before the await and lose the other workers' counts.
      const used = await unit(n, units++, client);
      issued += used - 1;
      if (issued >= nextSample) {
        nextSample += calls / samples;
        sample();
      }
    }
  };
  /** Everything so far; also on SIGINT/SIGTERM, so that a run stopped early still reports its errors and figures. */
  const report = (stoppedEarly: boolean): void => {
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${issued} calls in ${seconds.toFixed(1)} s (${(issued / seconds).toFixed(0)} calls/s), concurrency ${concurrency}, ` +
        `${channelCount} channels, event log cap ${maxConversations} conversations` +
        (stoppedEarly ? ` (stopped early, of ${calls})` : ''),
    );
    console.log('latency by window (ms):');
    latencies.forEach((l, i) => {
      const sorted = l.values.subarray(0, l.length).sort();
      console.log(
        `  ${i + 1}/${windows}: p50 ${percentile(sorted, 50).toFixed(2)}  p99 ${percentile(sorted, 99).toFixed(2)}  (${l.length} calls)`,
      );
    });
    console.log(
      `memory over time (MiB${gc === undefined ? '; run with node --expose-gc for figures after a full GC' : ', after a full GC'}):`,
    );
    for (const r of rss) console.log(`  ${describe(r)}`);
    // Warm-up: JIT and pools (the first tenth of the run), and the event log filling to its cap.
    const warm = rss.filter((r) => r.at >= calls / 10 && r.conversations >= maxConversations);
    // A run too short to fill the event log never leaves its warm-up: its growth says nothing.
    const warmedUp = warm.length >= 2;
    if (!warmedUp)
      console.log(`the run ended inside its warm-up (event log below ${maxConversations} conversations): RSS growth not judged`);
    const start = warm[0] ?? rss[0];
    const middle = warm[Math.floor(warm.length / 2)] ?? start;
    const end = rss[rss.length - 1];
    const slope = ((end.mb - start.mb) / Math.max(1, end.at - start.at)) * 100_000;
    const growth = (end.mb - start.mb) / start.mb;
    const at = (r: Sample) => `${r.mb.toFixed(0)} (heapTotal ${r.heapTotalMb.toFixed(0)}, heapUsed ${r.heapMb.toFixed(0)})`;
    console.log(
      `RSS after warm-up, MiB: start ${at(start)} at ${start.at} calls, middle ${at(middle)}, end ${at(end)}; ` +
        `slope ${slope.toFixed(1)} MiB per 100 000 calls; growth ${(growth * 100).toFixed(1)} %`,
    );
    console.log('errors by code:');
    for (const [key, { expected, count: n }] of errors) console.log(`  ${key}: ${n} (${expected ? 'expected' : 'UNEXPECTED'})`);
    console.log(`unexpected errors: ${unexpectedErrors()}`);
    if (unexpectedErrors() > 0 || (warmedUp && growth > 0.1)) process.exitCode = 1;
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      sample();
      report(true);
      process.exit(process.exitCode ?? 0);
    });
  }

  await Promise.all(Array.from({ length: concurrency }, (_, i) => worker(clients[i % clients.length])));
  sample();
  for (const channel of channels) channel.close();
  await server.shutdown();
  report(false);
}

void main();
