import { readFileSync, writeFileSync } from 'node:fs';
import http2 from 'node:http2';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { ChannelCredentials, createChannel, createClient, Metadata, Status } from 'nice-grpc';
import { HealthDefinition } from 'nice-grpc-server-health';
import { createVoiceCoreClient, isVoiceCoreError, type VoiceCoreClient } from '../../src/client';
import { createApiKey } from '../../src/server/auth/api-keys';
import { PEER_TENANT_HEADER } from '../../src/server/auth/peer-certificate';
import { makePki, tempDir, TenantRecordingCore, type TestPki } from '../support/auth';
import { startTestServer, type TestServer } from '../support/test-server';

const turn = { transcription: 'jane@gmail.com', confirmation: 'yes' } as const;

/** The serial of the certificate the server presents to a new connection. */
function serverSerial(port: number, pki: TestPki, client: { cert: string; key: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(
      {
        host: '127.0.0.1',
        port,
        servername: 'localhost',
        ca: readFileSync(pki.caCert),
        cert: readFileSync(client.cert),
        key: readFileSync(client.key),
        ALPNProtocols: ['h2'],
      },
      () => {
        const serial = socket.getPeerCertificate().serialNumber;
        socket.destroy();
        resolve(serial);
      },
    );
    socket.once('error', reject);
  });
}

describe('mTLS through real gRPC', () => {
  let pki: TestPki;
  let core: TenantRecordingCore;
  let t: TestServer;
  let keysFile: string;
  let globexKey: string;
  const clients: VoiceCoreClient[] = [];

  const sdk = (tls: { cert?: string; key?: string }, extra: Parameters<typeof createVoiceCoreClient>[0] = {}): VoiceCoreClient => {
    const client = createVoiceCoreClient({
      useGrpc: true,
      endpoint: `localhost:${t.server.port}`,
      tls: {
        ca: readFileSync(pki.caCert),
        cert: tls.cert === undefined ? undefined : readFileSync(tls.cert),
        key: tls.key === undefined ? undefined : readFileSync(tls.key),
      },
      ...extra,
    });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    pki = makePki(tempDir('pki'));
    keysFile = join(pki.dir, 'keys.txt');
    globexKey = createApiKey('globex', keysFile);
    core = new TenantRecordingCore();
    t = await startTestServer({
      core,
      tls: { certFile: pki.serverCert, keyFile: pki.serverKey, clientCaFile: pki.caCert, pollMs: 50 },
      auth: { apiKeysFile: keysFile },
    });
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await t.close();
    await core.close();
  });

  test("the client certificate's CN names the tenant", async () => {
    const acme = pki.client('acme');
    const result = await sdk(acme).executePrimitive('capture_email_au', turn, { conversationId: 'm-1' });
    expect(result.success).toBe(true);
    expect(core.tenants.at(-1)).toEqual({ method: 'execute', conversationId: 'm-1', tenant: 'acme' });
  });

  test('a bearer credential wins over the certificate', async () => {
    const acme = pki.client('acme');
    await sdk(acme, { credentials: { apiKey: globexKey } }).executePrimitive('capture_email_au', turn, { conversationId: 'm-2' });
    expect(core.tenants.at(-1)).toMatchObject({ conversationId: 'm-2', tenant: 'globex' });
  });

  test('a caller cannot name its tenant by sending the internal header itself', async () => {
    const acme = pki.client('acme');
    const channel = createChannel(
      `localhost:${t.server.port}`,
      ChannelCredentials.createSsl(readFileSync(pki.caCert), readFileSync(acme.key), readFileSync(acme.cert)),
    );
    try {
      const { VoiceCoreServiceDefinition } = await import('../../generated/voice_core/voice_core');
      const raw = createClient(VoiceCoreServiceDefinition, channel);
      await raw.executePrimitive(
        { objectiveType: 'capture_email_au', conversationId: 'm-3', traceId: '', purpose: '', params: turn, timeoutSeconds: 0 },
        { metadata: Metadata({ [PEER_TENANT_HEADER]: 'globex' }) },
      );
      expect(core.tenants.at(-1)).toMatchObject({ conversationId: 'm-3', tenant: 'acme' });
    } finally {
      channel.close();
    }
  });

  test('a client without a certificate is refused, even for health', async () => {
    const before = core.tenants.length;
    const anonymous = sdk({}, { circuitBreaker: { failureThreshold: 100 } });
    const error = await anonymous.executePrimitive('capture_email_au', turn, { conversationId: 'm-4' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isVoiceCoreError(error) && error.code).toBe('UNAVAILABLE');
    expect(core.tenants.length).toBe(before);
    // A certificate from another CA is refused the same way.
    const strangerPki = makePki(tempDir('pki-other'));
    const stranger = sdk(strangerPki.client('acme'), { circuitBreaker: { failureThreshold: 100 } });
    const refused = await stranger.healthCheck().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isVoiceCoreError(refused) && refused.code).toBe('UNAVAILABLE');
  });

  test('grpc.health.v1 answers a client with a certificate and no other credential', async () => {
    const acme = pki.client('acme');
    const channel = createChannel(
      `localhost:${t.server.port}`,
      ChannelCredentials.createSsl(readFileSync(pki.caCert), readFileSync(acme.key), readFileSync(acme.cert)),
    );
    try {
      expect(await createClient(HealthDefinition, channel).check({ service: '' })).toEqual({ status: 1 });
    } finally {
      channel.close();
    }
  });

  test('a renewed server certificate is served to new connections without a restart; a broken one is not taken', async () => {
    const acme = pki.client('acme');
    const before = await serverSerial(t.server.port, pki, acme);
    pki.renewServer();
    const until = Date.now() + 10_000;
    let after = before;
    while (after === before && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 100));
      after = await serverSerial(t.server.port, pki, acme);
    }
    expect(after).not.toBe(before);
    expect(t.logs.some((l) => l.msg === 'TLS certificate reloaded')).toBe(true);

    // A key that does not match: the server keeps the certificate it has.
    const goodKey = readFileSync(pki.serverKey);
    writeFileSync(pki.serverKey, readFileSync(acme.key));
    t.server.reloadCredentials();
    expect(t.logs.some((l) => l.msg === 'TLS files reload failed; keeping the previous certificate')).toBe(true);
    expect(await serverSerial(t.server.port, pki, acme)).toBe(after);
    writeFileSync(pki.serverKey, goodKey);
    const result = await sdk(acme).executePrimitive('capture_email_au', turn, { conversationId: 'm-5' });
    expect(result.success).toBe(true);
  });

  test('the server advertises its HTTP/2 header-list and stream limits over TLS (finding 3a)', async () => {
    const acme = pki.client('acme');
    const session = http2.connect(`https://localhost:${t.server.port}`, {
      ca: readFileSync(pki.caCert),
      cert: readFileSync(acme.cert),
      key: readFileSync(acme.key),
    });
    session.on('error', () => {});
    try {
      const settings = await new Promise<http2.Settings>((resolve) => session.once('remoteSettings', resolve));
      // 16 KiB of metadata plus HTTP/2's per-field overhead, instead of grpc-js's 4 294 967 295; the stream limit is kept.
      expect(settings.maxHeaderListSize).toBe(16 * 1024 + 8 * 1024);
      expect(settings.maxConcurrentStreams).toBe(100);
    } finally {
      session.destroy();
    }
    // Metadata just over our limit still gets our status and message, not an HTTP/2 reset; far over it, HTTP/2 resets.
    const channel = createChannel(
      `localhost:${t.server.port}`,
      ChannelCredentials.createSsl(readFileSync(pki.caCert), readFileSync(acme.key), readFileSync(acme.cert)),
    );
    try {
      const { VoiceCoreServiceDefinition } = await import('../../generated/voice_core/voice_core');
      const raw = createClient(VoiceCoreServiceDefinition, channel);
      const call = (padding: number) =>
        raw
          .executePrimitive(
            { objectiveType: 'capture_email_au', conversationId: 'm-4', traceId: '', purpose: '', params: turn, timeoutSeconds: 0 },
            { metadata: Metadata({ 'x-padding': 'x'.repeat(padding) }) },
          )
          .catch((e: unknown) => e);
      expect(await call(17 * 1024)).toMatchObject({
        code: Status.RESOURCE_EXHAUSTED,
        details: expect.stringMatching(/metadata is \d+ bytes/),
      });
      // HTTP/2 resets the stream (ENHANCE_YOUR_CALM), which grpc-js reports as RESOURCE_EXHAUSTED in its own words.
      expect(await call(30 * 1024)).toMatchObject({
        code: Status.RESOURCE_EXHAUSTED,
        details: 'Bandwidth exhausted or memory limit exceeded',
      });
    } finally {
      channel.close();
    }
  });
});
