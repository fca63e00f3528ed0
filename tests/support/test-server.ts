import { Writable } from 'node:stream';
import pino from 'pino';
import { createChannel, createClientFactory, type Channel, type Client } from 'nice-grpc';
import { deadlineMiddleware, type DeadlineOptions } from 'nice-grpc-client-middleware-deadline';
import { VoiceCoreServiceDefinition } from '../../generated/voice_core/voice_core';
import { startVoiceCoreServer, type RunningServer, type VoiceCoreServerOptions } from '../../src/server/server';

export type TestClient = Client<typeof VoiceCoreServiceDefinition, DeadlineOptions>;

export interface TestServer {
  server: RunningServer;
  address: string;
  channel: Channel;
  client: TestClient;
  /** JSON log lines the server wrote. */
  logs: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

/** A real Voice Core server on a random port, with a real nice-grpc client and its logs captured. */
export async function startTestServer(options: Partial<VoiceCoreServerOptions> = {}): Promise<TestServer> {
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim() !== '') logs.push(JSON.parse(line));
      done();
    },
  });
  const logger = pino({ level: 'debug' }, sink);
  const server = await startVoiceCoreServer({ address: '127.0.0.1:0', logger, drainTimeoutMs: 2000, ...options });
  const address = `127.0.0.1:${server.port}`;
  const channel = createChannel(address);
  const client = createClientFactory().use(deadlineMiddleware).create(VoiceCoreServiceDefinition, channel);
  return {
    server,
    address,
    channel,
    client,
    logs,
    async close() {
      channel.close();
      await server.shutdown();
    },
  };
}
