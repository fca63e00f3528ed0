/** Metadata headers of the Voice Core protocol, shared by the server and the SDK. */

/** Carries the trace id: in requests (when the trace_id field is empty) and in every response header. */
export const TRACE_ID_HEADER = 'trace-id';

/** StreamEvents response header naming the epoch of the conversation's event log, sent before any event. */
export const EPOCH_HEADER = 'event-log-epoch';

/** gRFC A6: how long (ms) the server asks a refused caller (RESOURCE_EXHAUSTED) to wait before retrying. */
export const RETRY_PUSHBACK_HEADER = 'grpc-retry-pushback-ms';
