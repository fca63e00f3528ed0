/**
 * The voice-core package: the server, the runtime it is built on, and the
 * primitive registry for custom primitives.
 */
export { startVoiceCoreServer, DEFAULT_PORT, type RunningServer, type VoiceCoreServerOptions } from './server/server';
export type { AuthOptions } from './server/auth/authenticator';
export type { JwtOptions } from './server/auth/jwt';
export type { TlsFiles } from './server/auth/tls-files';
export { VoiceCore, type VoiceCoreOptions, type ExecuteOptions } from './runtime/voice-core';
export { VoiceCoreRequestError, type RequestErrorStatus } from './runtime/errors';
export type { SessionStore, EventLog, Stores, StoreStatus, VersionedSession } from './runtime/stores';
export { createRedisStores, type RedisStoreOptions, type RedisStores } from './runtime/redis/redis-stores';
export type { SentinelOptions } from './runtime/redis/sentinel-options';
export { createLogger, silentLogger, type Logger } from './runtime/logger';
export { PrimitiveRegistry } from './primitives/registry';
export { createDefaultRegistry, BUILT_IN_CAPTURES } from './primitives/defaults';
export { captureHandler, DEFAULT_STATE_MACHINE_OPTIONS, type StateMachineOptions } from './primitives/objective/state-machine';
export type { CaptureSpec, Captured, Reading, CapturePrompts, ConfirmationPolicy, PartialValue } from './primitives/objective/capture-spec';
export { declareParams, type ParamDeclaration, type ParamDeclarations, type ParamValues } from './primitives/params/declaration';
export {
  InvalidParamsError,
  ObjectivePreconditionError,
  type ObjectiveState,
  type PrimitiveHandler,
  type PrimitiveInput,
  type PrimitiveContext,
  type PrimitiveResult,
  type PrimitiveOutcome,
  type Transition,
} from './primitives/types';

// The orchestration SDK.
export * from './client';
export { ChannelCredentials, type ChannelOptions } from 'nice-grpc';
