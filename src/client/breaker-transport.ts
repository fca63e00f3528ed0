import type { ExecutePrimitiveRequest } from '../../generated/voice_core/voice_core';
import { isRejection, type CircuitBreaker } from './circuit-breaker';
import { VoiceCoreError } from './errors';
import { classifyOutcome } from './failure-classifier';
import type { StreamCall, Transport, TransportCall } from './transport';

/**
 * A transport behind a circuit breaker: ExecutePrimitive asks the breaker first and reports each
 * call's outcome to it, so the client itself only maps requests and results. An open breaker
 * refuses with VoiceCoreError CIRCUIT_BREAKER_OPEN without touching the wrapped transport; every
 * error of the wrapped transport is rethrown as it came.
 *
 * A half-open probe waits for the connection to be ready within its deadline (TransportCall.waitForReady).
 *
 * Event streams and health checks pass through: a stream has its own reconnection, and a health
 * check is how a caller looks at a server the breaker may be shielding.
 */
export class BreakerTransport implements Transport {
  readonly mode: Transport['mode'];

  constructor(
    private readonly inner: Transport,
    readonly breaker: CircuitBreaker,
  ) {
    this.mode = inner.mode;
  }

  async execute(request: ExecutePrimitiveRequest, call: TransportCall) {
    const permit = this.breaker.acquire();
    if (isRejection(permit)) {
      throw new VoiceCoreError('CIRCUIT_BREAKER_OPEN', `Voice Core circuit breaker is open; retry in ${permit.retryAfterMs} ms`, {
        traceId: call.traceId,
        retryAfterMs: permit.retryAfterMs,
      });
    }
    try {
      const response = await this.inner.execute(request, permit.probe ? { ...call, waitForReady: true } : call);
      permit.release('success');
      return response;
    } catch (error) {
      permit.release(classifyOutcome(error));
      throw error;
    }
  }

  subscribe(request: Parameters<Transport['subscribe']>[0], call: StreamCall) {
    return this.inner.subscribe(request, call);
  }

  health(call: TransportCall) {
    return this.inner.health(call);
  }

  close(): void {
    this.inner.close();
  }
}
