/**
 * The floor: a bare @grpc/grpc-js server answering
 * voice_core.VoiceCoreService/ExecutePrimitive with a canned response. Like
 * any real server it decodes the request and encodes the response, with the
 * same generated codec as Voice Core; it does nothing else.
 * Usage: node dist-bench/bench/bare-server.js <port> (or through ts-node)
 */
import { Server, ServerCredentials, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import { ExecutePrimitiveRequest, ExecutePrimitiveResponse } from '../generated/voice_core/voice_core';
import { CANNED_RESPONSE } from './canned-response';

const server = new Server();
server.addService(
  {
    executePrimitive: {
      path: '/voice_core.VoiceCoreService/ExecutePrimitive',
      requestStream: false,
      responseStream: false,
      requestDeserialize: (bytes: Buffer) => ExecutePrimitiveRequest.decode(bytes),
      requestSerialize: (request: ExecutePrimitiveRequest) => Buffer.from(ExecutePrimitiveRequest.encode(request).finish()),
      responseSerialize: (response: ExecutePrimitiveResponse) => {
        const bytes = ExecutePrimitiveResponse.encode(response).finish();
        return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      },
      responseDeserialize: (bytes: Buffer) => ExecutePrimitiveResponse.decode(bytes),
    },
  },
  {
    executePrimitive: (
      _call: ServerUnaryCall<ExecutePrimitiveRequest, ExecutePrimitiveResponse>,
      callback: sendUnaryData<ExecutePrimitiveResponse>,
    ) => callback(null, CANNED_RESPONSE),
  },
);
server.bindAsync(`127.0.0.1:${process.argv[2] ?? '0'}`, ServerCredentials.createInsecure(), (error, port) => {
  if (error) throw error;
  process.stdout.write(`${JSON.stringify({ msg: 'bare serving', port })}\n`);
});
process.on('SIGTERM', () => server.tryShutdown(() => process.exit(0)));
