import { ClientError, Status } from 'nice-grpc-common';
import type { Event } from '../../generated/voice_core/voice_core';
import { isAbortError } from '../runtime/wire';
import { exponentialBackoff } from './backoff';
import { pushbackOf, toVoiceCoreError, VoiceCoreError } from './errors';
import type { Transport } from './transport';
import type { StreamOptions, VoiceCoreEvent } from './types';

export interface StreamRetryOptions {
  /** Consecutive failed (re)connections before giving up (default 5). A delivered event resets the count. */
  maxAttempts: number;
  /** First wait before reconnecting (default 100 ms); doubles per attempt, with jitter. */
  initialDelayMs: number;
  /** Longest wait between attempts (default 5 s). */
  maxDelayMs: number;
}

export const DEFAULT_STREAM_RETRY: StreamRetryOptions = { maxAttempts: 5, initialDelayMs: 100, maxDelayMs: 5000 };

/** Statuses after which reconnecting can help: the connection or the server went away. */
const RESUMABLE = new Set<Status>([
  Status.UNAVAILABLE,
  Status.INTERNAL,
  Status.UNKNOWN,
  Status.DEADLINE_EXCEEDED,
  Status.RESOURCE_EXHAUSTED,
  Status.CANCELLED,
  Status.ABORTED,
]);

class StreamEnded extends Error {
  override readonly name = 'StreamEnded';
}

/**
 * Follows a conversation's events across dropped connections. It remembers
 * the last sequence, epoch and event id it delivered and resumes from them, so
 * nothing is lost or repeated; a gap, an epoch change or another event at the
 * last sequence means events are gone, and is reported as EVENTS_LOST rather
 * than skipped.
 */
export async function* resumableEvents(
  transport: Transport,
  conversationId: string,
  options: StreamOptions & { traceId: string },
  retry: Partial<StreamRetryOptions>,
  toEvent: (event: Event) => VoiceCoreEvent,
  onReconnect?: () => void,
): AsyncGenerator<VoiceCoreEvent> {
  const { maxAttempts, initialDelayMs, maxDelayMs } = { ...DEFAULT_STREAM_RETRY, ...retry };
  const backoff = exponentialBackoff({ initialMs: initialDelayMs, maxMs: maxDelayMs, multiplier: 2, jitter: 'half' });
  const { traceId, signal: outer } = options;
  let cursor = options.fromSequence ?? 0;
  let epoch = options.epoch ?? '';
  // Sent on resuming, so that a log that lost its last events and gave their sequences again is told apart.
  let lastEventId = options.lastEventId ?? '';
  let failures = 0;

  while (!aborted(outer)) {
    const controller = new AbortController();
    const forward = (): void => controller.abort();
    outer?.addEventListener('abort', forward, { once: true });
    try {
      const events = transport.subscribe(
        { conversationId, fromSequence: cursor, epoch, lastEventId },
        {
          traceId,
          signal: controller.signal,
          onEpoch: (announced) => {
            if (epoch === '') epoch = announced;
          },
        },
      );
      for await (const event of events) {
        if (event.epoch !== epoch || event.sequence !== cursor + 1) {
          throw new VoiceCoreError(
            'EVENTS_LOST',
            `expected event ${cursor + 1} of epoch ${epoch} for conversation ${conversationId}, ` +
              `got event ${event.sequence} of epoch ${event.epoch}: events in between are lost`,
            { traceId },
          );
        }
        cursor = event.sequence;
        lastEventId = event.eventId;
        failures = 0;
        yield toEvent(event);
      }
      // A live stream only ends when something cut it: resume.
      throw new StreamEnded('the server ended the event stream');
    } catch (error) {
      if (aborted(outer) && (isAbortError(error) || error instanceof ClientError)) return;
      if (error instanceof VoiceCoreError) throw error;
      const resumable = error instanceof StreamEnded || (error instanceof ClientError && RESUMABLE.has(error.code));
      if (!resumable) throw toVoiceCoreError(error, traceId, 'stream');
      failures++;
      if (failures > maxAttempts) {
        throw new VoiceCoreError(
          'STREAM_RETRIES_EXHAUSTED',
          `event stream for conversation ${conversationId} could not be resumed after ${maxAttempts} attempts ` +
            `(last delivered: ${cursor}): ${error instanceof Error ? error.message : String(error)}`,
          { traceId, grpcStatus: error instanceof ClientError ? error.code : undefined, cause: error },
        );
      }
      onReconnect?.();
      // A server over its stream limits says how long to wait (grpc-retry-pushback-ms): never sooner.
      await pause(Math.max(backoff.delay(failures), pushbackOf(error) ?? 0), outer);
    } finally {
      outer?.removeEventListener('abort', forward);
      controller.abort();
    }
  }
}

/** A function, so that TypeScript does not narrow `signal.aborted` across awaits. */
function aborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted === true) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
