/**
 * The names, label sets and buckets of Voice Core's server metrics: data, kept
 * apart from the code that updates them (README "Observability" lists them).
 * Every label is bounded: objective types come from the registry (an unknown
 * type is refused before it is counted), error codes and states are enums.
 * A conversation id, a value or a transcription is never a label.
 */
export const METRIC = {
  capturesStarted: 'voice_core_captures_started_total',
  capturesCompleted: 'voice_core_captures_completed_total',
  capturesFailed: 'voice_core_captures_failed_total',
  capturesDeclined: 'voice_core_captures_declined_total',
  turnErrors: 'voice_core_turn_errors_total',
  turnsPerCapture: 'voice_core_turns_per_capture',
  confirmationsRejected: 'voice_core_confirmations_rejected_total',
  repairs: 'voice_core_repairs_total',
  primitiveRunSeconds: 'voice_core_primitive_run_seconds',
  stateTransitions: 'voice_core_state_transitions_total',
  openSessions: 'voice_core_open_sessions',
  openEventStreams: 'voice_core_open_event_streams',
  eventLogEvents: 'voice_core_event_log_events',
  eventLogConversations: 'voice_core_event_log_conversations',
  storeErrors: 'voice_core_store_errors_total',
  storeUp: 'voice_core_store_up',
  redisCommandSeconds: 'voice_core_redis_command_seconds',
  redisCommandErrors: 'voice_core_redis_command_errors_total',
  redisCommandsInFlight: 'voice_core_redis_commands_in_flight',
  redisFollowedStreams: 'voice_core_redis_followed_streams',
  redisFollowerConnections: 'voice_core_redis_follower_connections',
} as const;

/** 10 µs to 100 ms: the built-in primitives take 5 µs to 100 µs, a custom or slow one up to the time budget. */
export const PRIMITIVE_RUN_BUCKETS = [
  0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1,
];

/**
 * gRPC handling time. nice-grpc-prometheus's default starts at 1 ms, above a
 * whole ExecutePrimitive call (about 0.1-0.3 ms), so p50 would be unreadable.
 */
export const GRPC_HANDLING_BUCKETS = [
  0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 600,
];

/** Turns (calls) one capture took from start to completion. */
export const TURNS_BUCKETS = [1, 2, 3, 4, 5, 6, 8, 10, 15];
