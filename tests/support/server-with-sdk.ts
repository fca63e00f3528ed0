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
  /** The SDK (`createVoiceCoreClient`, gRPC) connected to the server: `sdks[0]`. */
  readonly sdk: VoiceCoreClient;
  /** Every SDK client asked for, each with its own channel and memory (two callers' read-back tokens, say). */
  readonly sdks: readonly VoiceCoreClient[];
}

/**
 * Starts a real server on a random port and `sdkCount` SDK clients of it before the suite's
 * tests (beforeAll), and closes them all after them (afterAll). Call it in a describe block;
 * what it returns may be used inside the tests only.
 */
export function serverWithSdk(options: Partial<VoiceCoreServerOptions> = {}, sdkCount = 1): ServerWithSdk {
  let started: { server: TestServer; sdks: VoiceCoreClient[] } | undefined;
  beforeAll(async () => {
    const server = await startTestServer(options);
    const sdks = Array.from({ length: sdkCount }, () => createVoiceCoreClient({ useGrpc: true, endpoint: server.address }));
    started = { server, sdks };
  });
  afterAll(async () => {
    const done = started;
    started = undefined;
    for (const sdk of done?.sdks ?? []) sdk.close();
    await done?.server.close();
  });
  const live = (): { server: TestServer; sdks: VoiceCoreClient[] } => {
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
      return live().sdks[0];
    },
    get sdks() {
      return live().sdks;
    },
  };
}
