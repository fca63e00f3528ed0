import type { ChannelOptions } from '@grpc/grpc-js';
import type { Settings } from 'node:http2';
import { wholeNumbersFromEnv } from './env-numbers';

/**
 * HTTP/2 and gRPC limits of the server's connections (finding 3): how many streams one connection
 * may run, how large a message may be, how much memory one HTTP/2 session may hold,
 * and when idle, aged or dead connections are closed. Every one has a default and an environment
 * variable (README, "Limits and quotas").
 */
export interface ChannelLimits {
  /** HTTP/2 SETTINGS_MAX_CONCURRENT_STREAMS: calls one connection may run at once; more are refused by HTTP/2. */
  maxConcurrentStreams: number;
  /** Largest request message (bytes); a larger one is refused with RESOURCE_EXHAUSTED before it is decoded. */
  maxReceiveMessageBytes: number;
  /** Memory one HTTP/2 session may hold (MB) before Node refuses new streams on it. */
  maxSessionMemoryMb: number;
  /** A connection with no call for this long is closed (GOAWAY). */
  maxConnectionIdleMs: number;
  /**
   * A connection is closed (GOAWAY) after this long, so that long-lived client channels spread again
   * over replicas added since; the SDK resumes its event streams elsewhere.
   */
  maxConnectionAgeMs: number;
  /** How long calls on an aged connection may still run before it is cut. */
  maxConnectionAgeGraceMs: number;
  /** The server pings a connection quiet for this long, to notice a dead peer. */
  keepaliveTimeMs: number;
  /** ... and closes it when the ping is not answered within this. */
  keepaliveTimeoutMs: number;
}

export const DEFAULT_CHANNEL_LIMITS: ChannelLimits = {
  maxConcurrentStreams: 100,
  maxReceiveMessageBytes: 64 * 1024,
  maxSessionMemoryMb: 10,
  maxConnectionIdleMs: 5 * 60_000,
  maxConnectionAgeMs: 10 * 60_000,
  maxConnectionAgeGraceMs: 30_000,
  keepaliveTimeMs: 60_000,
  keepaliveTimeoutMs: 20_000,
};

export const CHANNEL_LIMIT_ENV: Record<keyof ChannelLimits, string> = {
  maxConcurrentStreams: 'VOICE_CORE_MAX_CONCURRENT_STREAMS',
  maxReceiveMessageBytes: 'VOICE_CORE_MAX_RECEIVE_MESSAGE_BYTES',
  maxSessionMemoryMb: 'VOICE_CORE_MAX_SESSION_MEMORY_MB',
  maxConnectionIdleMs: 'VOICE_CORE_MAX_CONNECTION_IDLE_MS',
  maxConnectionAgeMs: 'VOICE_CORE_MAX_CONNECTION_AGE_MS',
  maxConnectionAgeGraceMs: 'VOICE_CORE_MAX_CONNECTION_AGE_GRACE_MS',
  keepaliveTimeMs: 'VOICE_CORE_KEEPALIVE_TIME_MS',
  keepaliveTimeoutMs: 'VOICE_CORE_KEEPALIVE_TIMEOUT_MS',
};

/** The channel limits the environment sets; a variable that is absent or empty keeps its default. */
export function channelLimitsFromEnv(env: NodeJS.ProcessEnv): Partial<ChannelLimits> {
  return wholeNumbersFromEnv(env, CHANNEL_LIMIT_ENV);
}

/** grpc-js server options for these limits. Metadata size is checked per call (Limits): grpc-js's server has no option for it. */
export function grpcServerOptions(limits: ChannelLimits): ChannelOptions {
  return {
    'grpc.max_concurrent_streams': limits.maxConcurrentStreams,
    'grpc.max_receive_message_length': limits.maxReceiveMessageBytes,
    'grpc-node.max_session_memory': limits.maxSessionMemoryMb,
    'grpc.max_connection_idle_ms': limits.maxConnectionIdleMs,
    'grpc.max_connection_age_ms': limits.maxConnectionAgeMs,
    'grpc.max_connection_age_grace_ms': limits.maxConnectionAgeGraceMs,
    'grpc.keepalive_time_ms': limits.keepaliveTimeMs,
    'grpc.keepalive_timeout_ms': limits.keepaliveTimeoutMs,
  };
}

/**
 * Room for what HTTP/2 counts in a header list besides our metadata: 32 bytes per field (RFC 9113,
 * 6.5.2) over Node's default of at most 128 fields is 4 KiB, plus the pseudo-headers and gRPC's own
 * (content-type, te, grpc-timeout, user-agent), well under 1 KiB. With it, metadata just over our
 * limit still gets RESOURCE_EXHAUSTED with a message rather than an HTTP/2 stream reset.
 */
export const HEADER_LIST_OVERHEAD_BYTES = 8 * 1024;

/**
 * The HTTP/2 SETTINGS the server should advertise: its stream limit and SETTINGS_MAX_HEADER_LIST_SIZE
 * (our metadata limit plus HTTP/2's own overhead; Node also enforces it on what it receives, with a
 * stream reset). grpc-js 1.14.7 builds its settings from `grpc.max_concurrent_streams` alone
 * (server.js: `this.commonServerOptions.settings = { maxConcurrentStreams }`) and has no option for
 * the header list, so it advertises 4 294 967 295. Only TLS credentials can add HTTP/2 options
 * (`_getConstructorOptions()`, merged over the server's own): see ReloadingTlsCredentials. A plaintext
 * server still advertises no limit (the per-call metadata check in Limits holds regardless).
 */
export function http2Settings(limits: ChannelLimits, maxMetadataBytes: number): Settings {
  return { maxConcurrentStreams: limits.maxConcurrentStreams, maxHeaderListSize: maxMetadataBytes + HEADER_LIST_OVERHEAD_BYTES };
}
