import { createVoiceCoreClient, type VoiceCoreClient } from '../../src';
import type { RunningServer, VoiceCoreServerOptions } from '../../src/server/server';
import { startTestServer, type TestClient, type TestServer } from './test-server';

/** A suite's server (as startTestServer gives it) and an SDK client of it, over real gRPC. */
export interface ServerWithSdk {
  readonly server: RunningServer;
  readonly address: string;
  /** A plain nice-grpc client: the wire as any caller sees it. */
  readonly client: TestClient;
  /** JSON log lines the server wrote. */
  readonly logs: Array<Record<string, unknown>>;
  /** The SDK (`createVoiceCoreClient`, gRPC) connected to the server. */
  readonly sdk: VoiceCoreClient;
}

/**
 * Starts a real server on a random port and an SDK client of it before the suite's tests
 * (beforeAll), and closes both after them (afterAll). Call it in a describe block; what it
 * returns may be used inside the tests only.
 */
export function serverWithSdk(options: Partial<VoiceCoreServerOptions> = {}): ServerWithSdk {
  let started: { server: TestServer; sdk: VoiceCoreClient } | undefined;
  beforeAll(async () => {
    const server = await startTestServer(options);
    started = { server, sdk: createVoiceCoreClient({ useGrpc: true, endpoint: server.address }) };
  });
  afterAll(async () => {
    const done = started;
    started = undefined;
    done?.sdk.close();
    await done?.server.close();
  });
  const live = (): { server: TestServer; sdk: VoiceCoreClient } => {
    if (started === undefined) throw new Error('serverWithSdk: the server runs only during the suite’s tests');
    return started;
  };
  return {
    get server() {
      return live().server.server;
    },
    get address() {
      return live().server.address;
    },
    get client() {
      return live().server.client;
    },
    get logs() {
      return live().server.logs;
    },
    get sdk() {
      return live().sdk;
    },
  };
}
