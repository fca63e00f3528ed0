import type {
  Event,
  ExecutePrimitiveRequest,
  ExecutePrimitiveResponse,
  HealthCheckResponse,
  StreamEventsRequest,
} from '../../generated/voice_core/voice_core';

/** One call's context as the client hands it to a transport. */
export interface TransportCall {
  traceId: string;
  /** Absolute deadline (ms since the epoch). */
  deadline: number;
  signal?: AbortSignal;
  /**
   * Wait for the connection to be ready, within the deadline, instead of failing at once while the
   * channel is between reconnect attempts. The breaker's half-open probes set it: a probe that fails
   * fast during grpc-js's reconnect backoff would re-open the circuit against a server already back.
   */
  waitForReady?: boolean;
}

export interface StreamCall {
  traceId: string;
  signal: AbortSignal;
  /** Receives the log's epoch as soon as the server sends it, before any event. */
  onEpoch(epoch: string): void;
}

/**
 * How the client reaches Voice Core: over gRPC, or in-process (embedded).
 * Transports throw what their layer throws (ClientError, VoiceCoreRequestError,
 * AbortError); the client turns it into a VoiceCoreError.
 */
export interface Transport {
  readonly mode: 'grpc' | 'embedded';
  execute(request: ExecutePrimitiveRequest, call: TransportCall): Promise<ExecutePrimitiveResponse>;
  subscribe(request: StreamEventsRequest, call: StreamCall): AsyncIterable<Event>;
  health(call: TransportCall): Promise<HealthCheckResponse>;
  close(): void;
}
