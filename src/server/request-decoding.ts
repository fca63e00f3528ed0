import { BinaryReader } from '@bufbuild/protobuf/wire';
import {
  ExecutePrimitiveRequest,
  ExecutePrimitiveRequest_ParamsEntry,
  StreamEventsRequest,
  VoiceCoreServiceDefinition,
} from '../../generated/voice_core/voice_core';

/**
 * Request decoders the server uses in place of the generated ones, for two things ts-proto's
 * decode gets wrong on hostile input (generated/ is never edited by hand):
 *
 * - it fills the params map by assignment on a plain object, so a key named `__proto__` sets the
 *   object's prototype instead of adding a param: the param vanishes, past the unknown-param check
 *   and the size limit. Here such a key is kept as an ordinary own key, and refused as unknown.
 * - it throws on a uint64 past 2^53, which grpc-js reports as INTERNAL. Here from_sequence is read
 *   as an (unsafe) number, and the runtime refuses it with INVALID_ARGUMENT naming the field.
 */

const PROTO_KEY = Buffer.from('__proto__');
const PARAMS_TAG = (5 << 3) | 2;

export function decodeExecutePrimitiveRequest(input: BinaryReader | Uint8Array, length?: number): ExecutePrimitiveRequest {
  const request = ExecutePrimitiveRequest.decode(input, length);
  // Only a request whose bytes spell __proto__ can have lost a param: the common case pays one scan.
  if (input instanceof BinaryReader || Buffer.from(input.buffer, input.byteOffset, input.byteLength).indexOf(PROTO_KEY) === -1) {
    return request;
  }
  request.params = ownParams(input);
  return request;
}

/** The params map with every key an own property, `__proto__` included. */
function ownParams(bytes: Uint8Array): Record<string, string> {
  const params: Record<string, string> = {};
  const reader = new BinaryReader(bytes);
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag === PARAMS_TAG) {
      const entry = ExecutePrimitiveRequest_ParamsEntry.decode(reader, reader.uint32());
      Object.defineProperty(params, entry.key, { value: entry.value, enumerable: true, writable: true, configurable: true });
      continue;
    }
    if ((tag & 7) === 4 || tag === 0) break;
    reader.skip(tag & 7);
  }
  return params;
}

export function decodeStreamEventsRequest(input: BinaryReader | Uint8Array, length?: number): StreamEventsRequest {
  try {
    return StreamEventsRequest.decode(input, length);
  } catch (error) {
    if (input instanceof BinaryReader || !(error instanceof Error) || !error.message.includes('MAX_SAFE_INTEGER')) throw error;
    return decodeWithUnsafeSequence(input);
  }
}

/** StreamEventsRequest read field by field, from_sequence as a plain (possibly unsafe) number. */
function decodeWithUnsafeSequence(bytes: Uint8Array): StreamEventsRequest {
  const request: StreamEventsRequest = { conversationId: '', fromSequence: 0, epoch: '', lastEventId: '' };
  const reader = new BinaryReader(bytes);
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag === 10) request.conversationId = reader.string();
    else if (tag === 16) request.fromSequence = Number(reader.uint64());
    else if (tag === 26) request.epoch = reader.string();
    else if (tag === 34) request.lastEventId = reader.string();
    else if ((tag & 7) === 4 || tag === 0) break;
    else reader.skip(tag & 7);
  }
  return request;
}

const { executePrimitive, streamEvents } = VoiceCoreServiceDefinition.methods;

/** The service's methods with the decoders above. */
export const safeExecutePrimitive = {
  ...executePrimitive,
  requestType: { ...executePrimitive.requestType, decode: decodeExecutePrimitiveRequest },
};
export const safeStreamEvents = {
  ...streamEvents,
  requestType: { ...streamEvents.requestType, decode: decodeStreamEventsRequest },
};
