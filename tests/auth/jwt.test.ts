import { ClientError, Status } from 'nice-grpc';
import { createVoiceCoreClient } from '../../src/client';
import { AUDIENCE, bearer, emailTurn, ISSUER, makeJwks, tempDir, TenantRecordingCore } from '../support/auth';
import { startTestServer, type TestServer } from '../support/test-server';

async function statusOf(call: Promise<unknown>): Promise<Status | 'OK'> {
  return call.then(
    () => 'OK' as const,
    (e: unknown) => {
      if (e instanceof ClientError) return e.code;
      throw e;
    },
  );
}

describe('JWT bearer tokens through real gRPC', () => {
  let t: TestServer;
  let core: TenantRecordingCore;
  let jwks: Awaited<ReturnType<typeof makeJwks>>;

  beforeAll(async () => {
    jwks = await makeJwks(tempDir('jwks'));
    core = new TenantRecordingCore();
    t = await startTestServer({ core, auth: { jwt: { jwks: jwks.jwksFile, issuer: ISSUER, audience: AUDIENCE } } });
  });

  afterAll(async () => {
    await t.close();
    await core.close();
  });

  test('a valid token is served as the tenant of its claim', async () => {
    const token = await jwks.sign({ tenant: 'acme', sub: 'orchestrator-1' });
    expect((await t.client.executePrimitive(emailTurn('j-1'), bearer(token))).success).toBe(true);
    expect(core.tenants.at(-1)).toEqual({ method: 'execute', conversationId: 'j-1', tenant: 'acme' });
  });

  test('wrong issuer, wrong audience, expired, no tenant claim, another key: PERMISSION_DENIED', async () => {
    const before = core.tenants.length;
    const other = await makeJwks(tempDir('jwks-other'));
    const refused = {
      issuer: await jwks.sign({ tenant: 'acme' }, { issuer: 'https://elsewhere.test' }),
      audience: await jwks.sign({ tenant: 'acme' }, { audience: 'someone-else' }),
      expired: await jwks.sign({ tenant: 'acme' }, { expiresAt: Math.floor(Date.now() / 1000) - 120 }),
      noTenant: await jwks.sign({ sub: 'x' }),
      badTenant: await jwks.sign({ tenant: 'a:b{c}' }),
      otherKey: await other.sign({ tenant: 'acme' }),
      garbage: 'aaa.bbb.ccc',
    };
    for (const [why, token] of Object.entries(refused)) {
      expect([why, await statusOf(t.client.executePrimitive(emailTurn(`j-${why}`), bearer(token)))]).toEqual([
        why,
        Status.PERMISSION_DENIED,
      ]);
    }
    expect(await statusOf(t.client.executePrimitive(emailTurn('j-none')))).toBe(Status.UNAUTHENTICATED);
    expect(core.tenants.length).toBe(before);
    // The reason is in the server log, the token is not.
    expect(t.logs.some((l) => l.msg === 'credential refused' && /ERR_JWT_EXPIRED/.test(String(l.reason)))).toBe(true);
    expect(JSON.stringify(t.logs)).not.toContain(refused.expired);
  });

  test('another tenant claim can be configured', async () => {
    const custom = await startTestServer({
      core,
      auth: { jwt: { jwks: jwks.jwksFile, issuer: ISSUER, audience: AUDIENCE, tenantClaim: 'https://voice-core/tenant' } },
    });
    try {
      const token = await jwks.sign({ 'https://voice-core/tenant': 'globex', tenant: 'acme' });
      await custom.client.executePrimitive(emailTurn('j-claim'), bearer(token));
      expect(core.tenants.at(-1)).toMatchObject({ conversationId: 'j-claim', tenant: 'globex' });
    } finally {
      custom.channel.close();
      await custom.server.shutdown();
    }
  });

  test('the SDK token provider is called per call, so a refreshed token is used', async () => {
    const tokens = [await jwks.sign({ tenant: 'acme' }), await jwks.sign({ tenant: 'globex' })];
    let next = 0;
    const client = createVoiceCoreClient({ useGrpc: true, endpoint: t.address, credentials: { token: () => tokens[next++ % 2] } });
    try {
      await client.executePrimitive(
        'capture_email_au',
        { transcription: 'jane@gmail.com', confirmation: 'yes' },
        { conversationId: 'j-sdk-1' },
      );
      await client.executePrimitive(
        'capture_email_au',
        { transcription: 'jane@gmail.com', confirmation: 'yes' },
        { conversationId: 'j-sdk-2' },
      );
      expect(core.tenants.slice(-2).map((r) => r.tenant)).toEqual(['acme', 'globex']);
    } finally {
      client.close();
    }
  });
});
