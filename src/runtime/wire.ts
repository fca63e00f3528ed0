/**
 * The one mapping between the wire (the proto, gRPC status names) and the domain, shared by the
 * runtime, the server and the SDK.
 *
 * It stays gRPC-free because the embedded SDK runs the runtime without a network: gRPC statuses
 * appear here only by name. The server and the SDK turn a name into nice-grpc's `Status` with
 * `Status[name]`, so no numeric status table is kept anywhere; a name that is not a gRPC status
 * does not compile there.
 */
import { ErrorCode } from '../../generated/voice_core/voice_core';
import type { PrimitiveErrorCode } from '../primitives/types';

/** Each domain error code and its proto value; a Record, so a code missing here is a compile error. */
const PROTO_ERROR_CODES: Readonly<Record<PrimitiveErrorCode, ErrorCode>> = {
  TIMEOUT: ErrorCode.ERROR_CODE_TIMEOUT,
  MAX_RETRIES_EXCEEDED: ErrorCode.ERROR_CODE_MAX_RETRIES_EXCEEDED,
  INTERNAL: ErrorCode.ERROR_CODE_INTERNAL,
  CANCELLED: ErrorCode.ERROR_CODE_CANCELLED,
  LOW_CONFIDENCE: ErrorCode.ERROR_CODE_LOW_CONFIDENCE,
  NO_VALUE: ErrorCode.ERROR_CODE_NO_VALUE,
  AMBIGUOUS: ErrorCode.ERROR_CODE_AMBIGUOUS,
  NOT_CONFIRMED: ErrorCode.ERROR_CODE_NOT_CONFIRMED,
  DECLINED: ErrorCode.ERROR_CODE_DECLINED,
};

/** Every domain error code, in the proto's order. */
export const PRIMITIVE_ERROR_CODES = Object.keys(PROTO_ERROR_CODES) as readonly PrimitiveErrorCode[];

/** The reverse of PROTO_ERROR_CODES, derived from it so the two directions cannot disagree. */
const DOMAIN_ERROR_CODES: ReadonlyMap<ErrorCode, PrimitiveErrorCode> = new Map(
  PRIMITIVE_ERROR_CODES.map((code) => [PROTO_ERROR_CODES[code], code]),
);

export function toProtoErrorCode(code: PrimitiveErrorCode): ErrorCode {
  return PROTO_ERROR_CODES[code];
}

/** The domain code of a proto error code; 'UNSPECIFIED' for ERROR_CODE_UNSPECIFIED and for values a newer server may send. */
export function fromProtoErrorCode(code: ErrorCode): PrimitiveErrorCode | 'UNSPECIFIED' {
  return DOMAIN_ERROR_CODES.get(code) ?? 'UNSPECIFIED';
}

/**
 * Whether an error is a cancellation (an AbortSignal fired). abort-controller-x's check, which
 * nice-grpc uses for the same purpose, so the runtime, the server and the SDK agree on what an
 * abort is.
 */
export { isAbortError } from 'abort-controller-x';
