import type { ServiceImplementation } from 'nice-grpc';
import { ServerError, Status, type CallContext } from 'nice-grpc-common';
import {
  HealthCheckResponse_ServingStatus,
  type VoiceCoreServiceDefinition,
  errorCodeToJSON,
  type ExecutePrimitiveRequest,
  type ExecutePrimitiveResponse,
  type HealthCheckResponse,
  type StreamEventsRequest,
  type StreamEventsResponse,
} from '../../generated/voice_core/voice_core';
import { VoiceCoreRequestError } from '../runtime/errors';
import type { Logger } from '../runtime/logger';
import { resolveTraceId, type VoiceCore } from '../runtime/voice-core';
import { isAbortError } from '../runtime/wire';
import { runtimeHealth } from '../runtime/health';
import type { TerminatorContext } from './terminator';
import { VERSION } from '../version';
import { EPOCH_HEADER, TRACE_ID_HEADER } from '../headers';
import { MAX_ID_LENGTH, checkTraceId } from '../runtime/request-bounds';
import type { TraceIdBridge } from './observability/tracing';
import { tenantOf } from './tenant';

export interface ServiceState {
  /** False once shutdown has begun: HealthCheck then reports NOT_SERVING. */
  serving: boolean;
  startedAt: number;
  /** False while the stores (Redis) cannot serve: HealthCheck then reports NOT_SERVING. */
  storeAvailable: () => boolean;
}

type Implementation<Context = object> = ServiceImplementation<typeof VoiceCoreServiceDefinition, Context>;

/**
 * The methods of VoiceCoreService, typed by nice-grpc from the service definition. Only the
 * stream is given the terminator's context: the server registers the unary methods without
 * middleware, so their context is the bare CallContext.
 */
export type VoiceCoreService = Pick<Implementation, 'executePrimitive' | 'healthCheck'> &
  Pick<Implementation<TerminatorContext>, 'streamEvents'>;

/** VoiceCoreService on top of the runtime: maps requests, errors and trace ids to gRPC. */
export function createVoiceCoreService(core: VoiceCore, logger: Logger, state: ServiceState, traceIds?: TraceIdBridge): VoiceCoreService {
  const accessLog = logger.isLevelEnabled?.('debug') ?? true;
  /** The trace-id header, else (tracing on) the OpenTelemetry trace id, so that both agree. */
  const fromMetadata = (context: CallContext): string | undefined => {
    const header = context.metadata.get(TRACE_ID_HEADER);
    return traceIds === undefined || (header !== undefined && header !== '') ? header : traceIds.fallback(context);
  };
  return {
    async executePrimitive(request: ExecutePrimitiveRequest, context: CallContext): Promise<ExecutePrimitiveResponse> {
      // The request's trace_id wins over the header: it is what the application chose; the header is
      // usually set by a transport middleware. A trace id is generated when neither is present.
      let traceId: string;
      try {
        // Checked before it goes into the response header, where grpc-js would refuse it with UNKNOWN.
        traceId = checkedTraceId(request.traceId, fromMetadata(context));
      } catch (error) {
        throw toServerError(error, logger, { conversation_id: request.conversationId, method: 'ExecutePrimitive' });
      }
      traceIds?.record(context, traceId);
      context.header.set(TRACE_ID_HEADER, traceId);
      let response: ExecutePrimitiveResponse;
      try {
        response = await core.execute(request, {
          signal: context.signal,
          traceId,
          scope: traceIds?.scope(context),
          tenant: tenantOf(context),
        });
      } catch (error) {
        throw toServerError(error, logger, {
          trace_id: traceId,
          ...traceIds?.logFields(context),
          conversation_id: request.conversationId,
          method: 'ExecutePrimitive',
        });
      }
      // One line per call is an access log: at debug, because at thousands of calls a second its
      // formatting and writing cost more than the call itself (see the README's benchmark section).
      if (accessLog) {
        logger.debug(
          {
            trace_id: response.traceId,
            ...traceIds?.logFields(context),
            conversation_id: response.conversationId,
            objective_type: response.objectiveType,
            state: response.state,
            success: response.success,
            error_code: response.error === undefined ? undefined : errorCodeToJSON(response.error.code),
            duration_ms: response.metadata?.durationMs,
          },
          'ExecutePrimitive',
        );
      }
      return response;
    },

    async *streamEvents(request: StreamEventsRequest, context: CallContext & TerminatorContext): AsyncIterable<StreamEventsResponse> {
      context.abortOnTerminate();
      const header = fromMetadata(context);
      const fields = {
        trace_id: resolveTraceId('', header),
        ...traceIds?.logFields(context),
        conversation_id: request.conversationId,
        from_sequence: request.fromSequence,
        method: 'StreamEvents',
      };
      try {
        checkedTraceId('', header);
      } catch (error) {
        throw toServerError(error, logger, { ...fields, trace_id: undefined });
      }
      traceIds?.record(context, fields.trace_id);
      logger.info(boundedFields(fields), 'StreamEvents subscribed');
      try {
        const subscription = await core.streamEvents(request, context.signal, { tenant: tenantOf(context) });
        // The epoch goes out before any event, so a subscriber that sees none can still resume safely.
        context.header.set(EPOCH_HEADER, subscription.epoch);
        context.sendHeader();
        for await (const event of subscription.events) {
          yield { event };
        }
      } catch (error) {
        throw toServerError(error, logger, fields);
      } finally {
        logger.info(boundedFields(fields), 'StreamEvents ended');
      }
    },

    async healthCheck(): Promise<HealthCheckResponse> {
      const detail = await runtimeHealth(core);
      return {
        ...detail,
        status:
          state.serving && state.storeAvailable()
            ? HealthCheckResponse_ServingStatus.SERVING_STATUS_SERVING
            : HealthCheckResponse_ServingStatus.SERVING_STATUS_NOT_SERVING,
        version: VERSION,
        uptimeSeconds: (Date.now() - state.startedAt) / 1000,
      };
    },
  };
}

/** The trace id of a call: the request's field, else the header, else a new one; a malformed one is refused. */
function checkedTraceId(fromRequest: string, fromHeader: string | undefined): string {
  checkTraceId('trace_id', fromRequest);
  if (fromRequest === '' && fromHeader !== undefined) checkTraceId(`${TRACE_ID_HEADER} header`, fromHeader);
  return resolveTraceId(fromRequest, fromHeader);
}

/** Log fields with the caller's strings cut to the id bound: a refused request may carry megabytes in any of them. */
function boundedFields(fields: Record<string, unknown>): Record<string, unknown> {
  const bounded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    bounded[key] = typeof value === 'string' && value.length > MAX_ID_LENGTH ? `${value.slice(0, MAX_ID_LENGTH)}…` : value;
  }
  return bounded;
}

/** Caller errors keep their status and message; anything else is logged and hidden behind INTERNAL. */
function toServerError(error: unknown, logger: Logger, unbounded: Record<string, unknown>): unknown {
  const fields = boundedFields(unbounded);
  if (error instanceof VoiceCoreRequestError) {
    logger.warn({ ...fields, status: error.status, field: error.field, reason: error.message }, 'request refused');
    return new ServerError(Status[error.status], error.message);
  }
  if (error instanceof ServerError || isAbortError(error)) return error;
  logger.error({ ...fields, err: error }, 'unexpected error');
  return new ServerError(Status.INTERNAL, 'Voice Core failed unexpectedly; the server log has the details');
}
