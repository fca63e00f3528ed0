/**
 * Circuit breaker costs, in-process: the overhead per call of a closed
 * breaker, and how fast a call fails while the breaker is open.
 */
import { CircuitBreaker, isRejection } from '../src/client/circuit-breaker';
import { createVoiceCoreClient } from '../src/client';

function nsPerOp(iterations: number, fn: () => void): number {
  for (let i = 0; i < Math.min(iterations, 100_000); i++) fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn();
  return Number(process.hrtime.bigint() - start) / iterations;
}

export async function benchBreaker(): Promise<Record<string, number>> {
  const breaker = new CircuitBreaker();
  const closedNs = nsPerOp(2_000_000, () => {
    const permit = breaker.acquire();
    if (!isRejection(permit)) permit.release('success');
  });
  const open = new CircuitBreaker();
  for (let i = 0; i < 5; i++) {
    const p = open.acquire();
    if (!isRejection(p)) p.release('failure');
  }
  const openNs = nsPerOp(2_000_000, () => void open.acquire());

  // Fail-fast latency of the whole SDK call while open: an unreachable endpoint opens the breaker.
  const client = createVoiceCoreClient({ useGrpc: true, endpoint: '127.0.0.1:1', circuitBreaker: { cooldownMs: 3_600_000 } });
  for (let i = 0; i < 5; i++)
    await client.executePrimitive('capture_email_au', {}, { conversationId: 'b', timeoutSeconds: 1 }).catch(() => undefined);
  if (client.circuitState().state !== 'open') throw new Error('breaker did not open');
  const samples: number[] = [];
  for (let i = 0; i < 20_000; i++) {
    const start = process.hrtime.bigint();
    await client.executePrimitive('capture_email_au', {}, { conversationId: 'b' }).catch(() => undefined);
    samples.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  client.close();
  samples.sort((a, b) => a - b);
  return {
    closed_acquire_release_ns: closedNs,
    open_reject_ns: openNs,
    fail_fast_p50_us: samples[Math.floor(samples.length * 0.5)],
    fail_fast_p99_us: samples[Math.floor(samples.length * 0.99)],
  };
}

if (require.main === module) {
  void benchBreaker().then((r) => console.log(r));
}
