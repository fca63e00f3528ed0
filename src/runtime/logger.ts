import { isSpanContextValid, trace } from '@opentelemetry/api';
import pino from 'pino';

/**
 * The slice of a pino logger the runtime uses, so that callers of the
 * embedded SDK can pass their own (or `silentLogger`).
 */
export interface Logger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
  isLevelEnabled?(level: string): boolean;
}

/**
 * Structured JSON logs. Captured values and transcriptions are removed by
 * redaction as a second line of defence: the code never logs them in clear.
 */
export function createLogger(
  level: string = process.env.VOICE_CORE_LOG_LEVEL ?? 'info',
  destination?: pino.DestinationStream,
): pino.Logger {
  const options: pino.LoggerOptions = {
    name: 'voice-core',
    level,
    base: { pid: process.pid },
    redact: {
      paths: [
        'value',
        'params.transcription',
        'params.confirmation',
        'params.alternatives',
        'params.dtmf',
        '*.value',
        'transcription',
        'confirmation',
        'alternatives',
        'dtmf',
      ],
      censor: '[redacted]',
    },
    timestamp: pino.stdTimeFunctions.isoTime,
    // A line logged inside a traced call carries the OpenTelemetry ids beside our trace_id. With no
    // OpenTelemetry SDK registered there is no active span, and this adds nothing.
    mixin: otelLogFields,
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}

function otelLogFields(): object {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext !== undefined && isSpanContextValid(spanContext)
    ? { otel_trace_id: spanContext.traceId, otel_span_id: spanContext.spanId }
    : {};
}

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  isLevelEnabled: () => false,
};
