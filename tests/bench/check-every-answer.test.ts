import { checkEveryAnswer, type LoadResult } from '../../bench/lib';

/** h2load sees a gRPC error (a call shed by a quota) as HTTP 200: the bench finds it by the DATA it lacks. */
const run = (requests: number, ok: number, dataBytes: number): LoadResult => ({
  requests,
  ok,
  dataBytes,
  rps: 1,
  p50Ms: 1,
  p99Ms: 1,
  meanMs: 1,
});

describe('checkEveryAnswer', () => {
  test('every call answered in full passes', () => {
    expect(() => checkEveryAnswer('voice-core', run(1000, 1000, 104_000), 104)).not.toThrow();
  });

  test('calls answered with trailers only (shed, or any gRPC error) fail the run, counted', () => {
    expect(() => checkEveryAnswer('voice-core', run(1000, 1000, 104_000 - 3 * 104), 104)).toThrow(
      'voice-core: about 3 of 1000 calls got no full answer',
    );
  });

  test('a response that is not HTTP 200 fails the run', () => {
    expect(() => checkEveryAnswer('voice-core', run(1000, 999, 104_000), 104)).toThrow('voice-core: 1 responses were not HTTP 200');
  });
});
