/**
 * A reference point between the floor and Voice Core: a nice-grpc server with no middleware
 * answering ExecutePrimitive with a canned response. It shows what nice-grpc itself costs per call.
 * Usage: node dist-bench/bench/nice-grpc-bare-server.js <port> (or through ts-node)
 */
import { createServer } from 'nice-grpc';
import { VoiceCoreServiceDefinition, type ExecutePrimitiveResponse } from '../generated/voice_core/voice_core';

const canned: ExecutePrimitiveResponse = {
  success: true,
  value: 'jane@gmail.com',
  fields: {},
  state: 'completed',
  prompt: '',
  error: undefined,
  metadata: { durationMs: 0.01, retryCount: 0, confidence: 0.85, state: 'completed' },
  traceId: 'trace-001',
  conversationId: 'test-001',
  objectiveType: 'capture_email_au',
};

const server = createServer();
server.add(
  { ...VoiceCoreServiceDefinition, methods: { executePrimitive: VoiceCoreServiceDefinition.methods.executePrimitive } },
  { executePrimitive: async () => canned },
);
void server.listen(`127.0.0.1:${process.argv[2] ?? '0'}`).then((port) => process.stdout.write(`${JSON.stringify({ msg: 'nice-grpc serving', port })}\n`));
process.on('SIGTERM', () => void server.shutdown().then(() => process.exit(0)));
