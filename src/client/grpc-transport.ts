import { ClientError, Status } from 'nice-grpc-common';
import {
  createChannel,
  createClientFactory,
  waitForChannelReady,
  type Channel,
  type ChannelCredentials,
  type ChannelOptions,
  type Client,
} from 'nice-grpc';
import { deadlineMiddleware, type DeadlineOptions } from 'nice-grpc-client-middleware-deadline';
import {
  VoiceCoreServiceDefinition,
  type Event,
  type ExecutePrimitiveRequest,
  type StreamEventsRequest,
} from '../../generated/voice_core/voice_core';
import { EPOCH_HEADER, RETRY_PUSHBACK_HEADER } from '../headers';
import { recordPushback } from './errors';
import { callContextMiddleware, type TraceOptions } from './middleware';
import type { StreamCall, Transport, TransportCall } from './transport';
import { clientTracingMiddleware } from './tracing';
import { bearerMiddleware, type ClientCredentials } from './credentials';

type GrpcClient = Client<typeof VoiceCoreServiceDefinition, TraceOptions & DeadlineOptions>;

export interface GrpcTransportOptions {
  endpoint: string;
  /** TLS and other channel credentials; insecure when absent. */
  credentials?: ChannelCredentials;
  channelOptions?: ChannelOptions;
  /** A client span per call, and `traceparent` sent from the active context (OpenTelemetry). */
  tracing?: boolean;
  /** Sent as `authorization: Bearer …` on every call. */
  auth?: ClientCredentials;
}

/**
 * Round robin over every address the target resolves to (several replicas behind `dns:///` or an
 * `ipv4:` list), instead of grpc-js's default pick_first, which sends everything to one. A service
 * config the caller sets wins.
 */
export const ROUND_ROBIN_SERVICE_CONFIG = JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] });

/** Targets that may name several replicas; a plain host:port keeps grpc-js's defaults. */
const MULTI_ADDRESS_TARGET = /^(dns|ipv4|ipv6):/;

function withRoundRobin(endpoint: string, options: ChannelOptions | undefined): ChannelOptions | undefined {
  if (!MULTI_ADDRESS_TARGET.test(endpoint)) return options;
  return { 'grpc.service_config': ROUND_ROBIN_SERVICE_CONFIG, ...options };
}

/** Voice Core over gRPC, with trace and deadline propagation on every call. */
export class GrpcTransport implements Transport {
  readonly mode = 'grpc';
  private readonly channel: Channel;
  private readonly client: GrpcClient;

  constructor(options: GrpcTransportOptions) {
    this.channel = createChannel(options.endpoint, options.credentials, withRoundRobin(options.endpoint, options.channelOptions));
    // A client middleware attached later runs first: the call context must see the deadline
    // before the deadline middleware takes it out of the options.
    // The tracing middleware goes last, so it runs first: the call's span covers the whole call.
    const base = createClientFactory().use(deadlineMiddleware).use(callContextMiddleware);
    const factory = options.auth === undefined ? base : base.use(bearerMiddleware(options.auth));
    this.client = (options.tracing === true ? factory.use(clientTracingMiddleware()) : factory).create(
      VoiceCoreServiceDefinition,
      this.channel,
    );
  }

  async execute(request: ExecutePrimitiveRequest, call: TransportCall) {
    let pushback: string | undefined;
    if (call.waitForReady === true) await this.ready(call);
    try {
      // A relative deadline (ms) spares a Date per call; the middleware reads either form.
      return await this.client.executePrimitive(request, {
        traceId: call.traceId,
        deadline: call.deadline - Date.now(),
        signal: call.signal,
        onTrailer: (trailer) => (pushback = trailer.get(RETRY_PUSHBACK_HEADER)),
      });
    } catch (error) {
      recordPushback(error, pushback);
      throw error;
    }
  }

  async *subscribe(request: StreamEventsRequest, call: StreamCall): AsyncIterable<Event> {
    let pushback: string | undefined;
    const stream = this.client.streamEvents(request, {
      traceId: call.traceId,
      signal: call.signal,
      onHeader: (header) => {
        const epoch = header.get(EPOCH_HEADER);
        if (epoch !== undefined) call.onEpoch(epoch);
      },
      onTrailer: (trailer) => (pushback = trailer.get(RETRY_PUSHBACK_HEADER)),
    });
    try {
      for await (const { event } of stream) {
        if (event !== undefined) yield event;
      }
    } catch (error) {
      recordPushback(error, pushback);
      throw error;
    }
  }

  /**
   * Waits until the channel is connected, or fails as the call would have at its deadline. nice-grpc
   * does not pass grpc-js's waitForReady call option through, so the wait is on the channel itself.
   */
  private async ready(call: TransportCall): Promise<void> {
    const path = '/voice_core.VoiceCoreService/ExecutePrimitive';
    call.signal?.throwIfAborted();
    let onAbort: (() => void) | undefined;
    try {
      await Promise.race([
        waitForChannelReady(this.channel, new Date(call.deadline)),
        new Promise<never>((_, reject) => {
          onAbort = () => reject(call.signal?.reason);
          call.signal?.addEventListener('abort', onAbort, { once: true });
        }),
      ]);
    } catch (error) {
      if (call.signal?.aborted === true) throw error;
      throw new ClientError(path, Status.DEADLINE_EXCEEDED, 'the connection was not ready before the deadline');
    } finally {
      if (onAbort !== undefined) call.signal?.removeEventListener('abort', onAbort);
    }
  }

  health(call: TransportCall) {
    return this.client.healthCheck({}, { traceId: call.traceId, deadline: call.deadline - Date.now(), signal: call.signal });
  }

  close(): void {
    this.channel.close();
  }
}
