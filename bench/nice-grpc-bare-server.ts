/**
 * A reference point between the floor and Voice Core: a nice-grpc server with no middleware
 * answering ExecutePrimitive with a canned response. It shows what nice-grpc itself costs per call.
 * Usage: node dist-bench/bench/nice-grpc-bare-server.js <port> (or through ts-node)
 */
import { createServer } from 'nice-grpc';
import { VoiceCoreServiceDefinition } from '../generated/voice_core/voice_core';
import { CANNED_RESPONSE } from './canned-response';

const server = createServer();
server.add(
  { ...VoiceCoreServiceDefinition, methods: { executePrimitive: VoiceCoreServiceDefinition.methods.executePrimitive } },
  { executePrimitive: async () => CANNED_RESPONSE },
);
void server
  .listen(`127.0.0.1:${process.argv[2] ?? '0'}`)
  .then((port) => process.stdout.write(`${JSON.stringify({ msg: 'nice-grpc serving', port })}\n`));
process.on('SIGTERM', () => void server.shutdown().then(() => process.exit(0)));
