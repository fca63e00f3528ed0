import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClientError, createClient, Metadata, Status } from 'nice-grpc';
import { HealthDefinition } from 'nice-grpc-server-health';
import { createApiKey, hashApiKey } from '../../src/server/auth/api-keys';
import { createVoiceCoreClient, isVoiceCoreError } from '../../src/client';
import { bearer, emailTurn, tempDir, TenantRecordingCore } from '../support/auth';
import { eventually } from '../support/eventually';
import { startTestServer, type TestServer } from '../support/test-server';

async function refusal(call: Promise<unknown>): Promise<ClientError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ClientError)) throw new Error(`expected a ClientError, got ${String(error)}`);
  return error;
}

describe('API keys through real gRPC', () => {
  let t: TestServer;
  let core: TenantRecordingCore;
  let keysFile: string;
  let acmeKey: string;
  let globexKey: string;

  beforeEach(async () => {
    keysFile = join(tempDir('keys'), 'keys.txt');
    writeFileSync(keysFile, '# tenants of the test\n');
    acmeKey = createApiKey('acme', keysFile);
    globexKey = createApiKey('globex', keysFile);
    core = new TenantRecordingCore();
    t = await startTestServer({ core, auth: { apiKeysFile: keysFile, apiKeysPollMs: 50 } });
  });

  afterEach(async () => {
    await t.close();
    await core.close();
  });

  test('a known key is served as its tenant, on the unary call and on the stream', async () => {
    const response = await t.client.executePrimitive(emailTurn('k-1'), bearer(acmeKey));
    expect(response).toMatchObject({ success: true, state: 'completed' });
    await t.client.executePrimitive(emailTurn('k-2'), bearer(globexKey));

    const events: unknown[] = [];
    for await (const { event } of t.client.streamEvents({ conversationId: 'k-1', fromSequence: 0 }, bearer(acmeKey))) {
      events.push(event);
      break;
    }
    expect(events.length).toBe(1);
    expect(core.tenants).toEqual([
      { method: 'execute', conversationId: 'k-1', tenant: 'acme' },
      { method: 'execute', conversationId: 'k-2', tenant: 'globex' },
      { method: 'streamEvents', conversationId: 'k-1', tenant: 'acme' },
    ]);
  });

  test('no credential is UNAUTHENTICATED; a wrong or malformed one PERMISSION_DENIED, with nothing that helps guessing', async () => {
    const missing = await refusal(t.client.executePrimitive(emailTurn('k-3')));
    expect(missing.code).toBe(Status.UNAUTHENTICATED);
    const wrong = await refusal(t.client.executePrimitive(emailTurn('k-3'), bearer(`${acmeKey}x`)));
    expect(wrong.code).toBe(Status.PERMISSION_DENIED);
    const basic = await refusal(t.client.executePrimitive(emailTurn('k-3'), { metadata: Metadata({ authorization: `Basic ${acmeKey}` }) }));
    expect(basic.code).toBe(Status.PERMISSION_DENIED);
    // The hash itself is not a key.
    const hash = await refusal(t.client.executePrimitive(emailTurn('k-3'), bearer(hashApiKey(acmeKey).toString('hex'))));
    expect(hash.code).toBe(Status.PERMISSION_DENIED);
    expect(new Set([wrong.details, basic.details, hash.details])).toEqual(new Set(['credential refused']));
    expect((await refusal(t.client.healthCheck({}))).code).toBe(Status.UNAUTHENTICATED);
    const stream = t.client.streamEvents({ conversationId: 'k-3', fromSequence: 0 });
    expect(
      (
        await refusal(
          (async () => {
            for await (const _ of stream) break;
          })(),
        )
      ).code,
    ).toBe(Status.UNAUTHENTICATED);
    // Nothing refused reached the core, and no key reached the log.
    expect(core.tenants).toEqual([]);
    expect(JSON.stringify(t.logs)).not.toContain(acmeKey);
  });

  test('grpc.health.v1 stays open for probes, and the Voice Core HealthCheck answers with a key', async () => {
    const health = createClient(HealthDefinition, t.channel);
    expect(await health.check({ service: '' })).toEqual({ status: 1 });
    expect((await t.client.healthCheck({}, bearer(globexKey))).version).not.toBe('');
  });

  test('a rewritten key file applies without a restart: the new key works, the removed one is refused', async () => {
    expect((await t.client.executePrimitive(emailTurn('k-4'), bearer(acmeKey))).success).toBe(true);
    const rotated = join(tempDir('rotated'), 'k.txt');
    const newKey = createApiKey('acme', rotated);
    // globex stays, acme's old key goes.
    writeFileSync(keysFile, `globex:${hashApiKey(globexKey).toString('hex')}\nacme:${hashApiKey(newKey).toString('hex')}\n`);
    await eventually(
      'the rotated key accepted',
      () =>
        t.client.executePrimitive(emailTurn('k-5'), bearer(newKey)).then(
          () => true,
          () => false,
        ),
      Boolean,
      10_000,
    );
    expect((await refusal(t.client.executePrimitive(emailTurn('k-6'), bearer(acmeKey)))).code).toBe(Status.PERMISSION_DENIED);
    expect((await t.client.executePrimitive(emailTurn('k-7'), bearer(globexKey))).success).toBe(true);
    // A broken file keeps the keys in force.
    writeFileSync(keysFile, 'not a key line\n');
    await eventually(
      'the failed reload logged',
      async () => t.logs.some((l) => l.msg === 'API key reload failed; keeping the previous keys'),
      Boolean,
      10_000,
    );
    expect((await t.client.executePrimitive(emailTurn('k-8'), bearer(newKey))).success).toBe(true);
    // reloadCredentials (SIGHUP in the CLI) reads it at once.
    writeFileSync(keysFile, `acme:${hashApiKey(acmeKey).toString('hex')}\n`);
    t.server.reloadCredentials();
    expect((await t.client.executePrimitive(emailTurn('k-9'), bearer(acmeKey))).success).toBe(true);
  });

  test('the SDK sends the key on every call; a token provider is asked per call', async () => {
    const client = createVoiceCoreClient({ useGrpc: true, endpoint: t.address, credentials: { apiKey: globexKey } });
    let asked = 0;
    const byToken = createVoiceCoreClient({
      useGrpc: true,
      endpoint: t.address,
      credentials: {
        token: async () => {
          asked += 1;
          return acmeKey;
        },
      },
    });
    try {
      expect(
        (
          await client.executePrimitive(
            'capture_email_au',
            { transcription: 'jane@gmail.com', confirmation: 'yes' },
            { conversationId: 's-1' },
          )
        ).success,
      ).toBe(true);
      expect((await client.healthCheck()).serving).toBe(true);
      await byToken.executePrimitive(
        'capture_email_au',
        { transcription: 'jane@gmail.com', confirmation: 'yes' },
        { conversationId: 's-2' },
      );
      await byToken.healthCheck();
      expect(asked).toBe(2);
      expect(core.tenants.map((r) => r.tenant)).toEqual(['globex', 'acme']);
    } finally {
      client.close();
      byToken.close();
    }
  });

  test('the SDK breaker stays closed after many UNAUTHENTICATED and PERMISSION_DENIED answers', async () => {
    const anonymous = createVoiceCoreClient({ useGrpc: true, endpoint: t.address, circuitBreaker: { failureThreshold: 3 } });
    const wrong = createVoiceCoreClient({
      useGrpc: true,
      endpoint: t.address,
      credentials: { apiKey: 'nope' },
      circuitBreaker: { failureThreshold: 3 },
    });
    try {
      for (let i = 0; i < 20; i += 1) {
        for (const [client, code] of [
          [anonymous, 'UNAUTHENTICATED'],
          [wrong, 'PERMISSION_DENIED'],
        ] as const) {
          const error = await client
            .executePrimitive('capture_email_au', { transcription: 'jane@gmail.com' }, { conversationId: `b-${i}` })
            .then(
              () => undefined,
              (e: unknown) => e,
            );
          expect(isVoiceCoreError(error) && error.code).toBe(code);
        }
      }
      // The event stream is not retried against a refusal: it ends at once with the same code.
      const streamError = await (async () => {
        for await (const _ of anonymous.streamEvents('b-0')) break;
      })().catch((e: unknown) => e);
      expect(isVoiceCoreError(streamError) && streamError.code).toBe('UNAUTHENTICATED');
      expect(anonymous.circuitState().state).toBe('closed');
      expect(wrong.circuitState().state).toBe('closed');
    } finally {
      anonymous.close();
      wrong.close();
    }
  });
});

describe('without a credential source', () => {
  test('calls are tenant "default" and need no credential, on loopback', async () => {
    const core = new TenantRecordingCore();
    const t = await startTestServer({ core });
    try {
      await t.client.executePrimitive(emailTurn('d-1'));
      expect(core.tenants).toEqual([{ method: 'execute', conversationId: 'd-1', tenant: 'default' }]);
      expect(t.logs.find((l) => l.msg === 'Voice Core serving')).toMatchObject({ authentication: false });
    } finally {
      await t.close();
      await core.close();
    }
  });

  test('a non-loopback address is refused at startup unless unauthenticated serving is allowed', async () => {
    await expect(startTestServer({ address: '0.0.0.0:0' })).rejects.toThrow(/refusing to listen on 0\.0\.0\.0:0 without authentication/);
    const t = await startTestServer({ address: '0.0.0.0:0', allowUnauthenticated: true });
    try {
      expect(t.logs.some((l) => l.level === 40 && /WITHOUT authentication/.test(String(l.msg)))).toBe(true);
      expect((await t.client.executePrimitive(emailTurn('d-2'))).success).toBe(true);
    } finally {
      await t.close();
    }
  });

  test('a non-loopback address is fine once a credential source is configured', async () => {
    const keysFile = join(tempDir('keys'), 'keys.txt');
    const key = createApiKey('acme', keysFile);
    const t = await startTestServer({ address: '0.0.0.0:0', auth: { apiKeysFile: keysFile } });
    try {
      expect((await t.client.executePrimitive(emailTurn('d-3'), bearer(key))).success).toBe(true);
    } finally {
      await t.close();
    }
  });
});

describe('credential files that do not load', () => {
  test('fail startup with a message naming the file or the setting', async () => {
    const dir = tempDir('bad');
    await expect(startTestServer({ auth: { apiKeysFile: join(dir, 'missing.txt') } })).rejects.toThrow(/missing\.txt/);
    writeFileSync(join(dir, 'bad.txt'), 'acme:1234\n');
    await expect(startTestServer({ auth: { apiKeysFile: join(dir, 'bad.txt') } })).rejects.toThrow(
      /bad\.txt: line 1 is not TENANT_ID:SHA256_HEX/,
    );
    await expect(
      startTestServer({ auth: { jwt: { jwks: join(dir, 'no-jwks.json'), issuer: 'https://i', audience: 'a' } } }),
    ).rejects.toThrow(/cannot read the JWKS file .*no-jwks\.json/);
    await expect(startTestServer({ auth: { jwt: { jwks: 'http://insecure/jwks', issuer: 'https://i', audience: 'a' } } })).rejects.toThrow(
      /must be a file or an https:\/\/ URL/,
    );
  });
});
