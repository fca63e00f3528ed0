export { createVoiceCoreClient, VoiceCoreClient, DEFAULT_ENDPOINT, type VoiceCoreClientOptions } from './client';
export type { ClientCredentials, ClientTlsOptions } from './credentials';
export { VoiceCoreError, isVoiceCoreError, type VoiceCoreErrorCode } from './errors';
export {
  CircuitBreaker,
  DEFAULT_CIRCUIT_BREAKER_OPTIONS,
  type CircuitBreakerOptions,
  type CircuitSnapshot,
  type CircuitStateChange,
  type CircuitStateName,
  type CircuitCounters,
  type Disposable,
} from './circuit-breaker';
export { DEFAULT_STREAM_RETRY, type StreamRetryOptions } from './event-stream';
export type {
  AddressParams,
  Alternative,
  CaptureParams,
  NameParams,
  WhenParams,
  YesNoParams,
  ExecuteOptions,
  HealthStatus,
  KnownObjectiveType,
  PrimitiveParamTypes,
  StreamOptions,
  VoiceCoreEvent,
  VoiceCoreResult,
} from './types';
