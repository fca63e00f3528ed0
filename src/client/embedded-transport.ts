import { ClientError, Status } from 'nice-grpc-common';
import {
  HealthCheckResponse_ServingStatus,
  type Event,
  type ExecutePrimitiveRequest,
  type StreamEventsRequest,
} from '../../generated/voice_core/voice_core';
import { VoiceCore, type VoiceCoreOptions } from '../runtime/voice-core';
import { runtimeHealth } from '../runtime/health';
import { VERSION } from '../version';
import type { StreamCall, Transport, TransportCall } from './transport';

/**
 * Voice Core in-process: the same registry, runtime and event log as the
 * server, without a network. For development, tests and single-process
 * deployments. Deadlines still apply: the call is aborted when they pass.
 */
export class EmbeddedTransport implements Transport {
  readonly mode = 'embedded';
  readonly core: VoiceCore;
  private readonly startedAt = Date.now();

  constructor(core: VoiceCore | Partial<VoiceCoreOptions> = {}) {
    this.core = core instanceof VoiceCore ? core : new VoiceCore(core);
  }

  async execute(request: ExecutePrimitiveRequest, call: TransportCall) {
    const remaining = call.deadline - Date.now();
    const deadline = AbortSignal.timeout(Math.max(0, remaining));
    const signal = call.signal === undefined ? deadline : AbortSignal.any([call.signal, deadline]);
    try {
      return await this.core.execute(request, { signal, traceId: call.traceId });
    } catch (error) {
      // Report a passed deadline the way gRPC would.
      if (deadline.aborted && !call.signal?.aborted) throw deadlineExceeded();
      throw error;
    }
  }

  async *subscribe(request: StreamEventsRequest, call: StreamCall): AsyncIterable<Event> {
    const subscription = await this.core.streamEvents(request, call.signal);
    call.onEpoch(subscription.epoch);
    yield* subscription.events;
  }

  async health() {
    return {
      ...(await runtimeHealth(this.core)),
      status: HealthCheckResponse_ServingStatus.SERVING_STATUS_SERVING,
      version: VERSION,
      uptimeSeconds: (Date.now() - this.startedAt) / 1000,
    };
  }

  close(): void {
    // Nothing to release: the runtime holds no timers or sockets.
  }
}

function deadlineExceeded(): ClientError {
  return new ClientError('/voice_core.VoiceCoreService/ExecutePrimitive', Status.DEADLINE_EXCEEDED, 'Deadline exceeded');
}
