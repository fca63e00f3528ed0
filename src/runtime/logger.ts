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
export function createLogger(level: string = process.env.VOICE_CORE_LOG_LEVEL ?? 'info'): pino.Logger {
  return pino({
    name: 'voice-core',
    level,
    base: { pid: process.pid },
    redact: {
      paths: ['value', 'params.transcription', 'params.confirmation', '*.value', 'transcription', 'confirmation'],
      censor: '[redacted]',
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  isLevelEnabled: () => false,
};
