import { readFileSync, writeFileSync } from 'node:fs';
import { ClientError, Status } from 'nice-grpc';
import { JwtVerifier } from '../../src/server/auth/jwt';
import { VerifiedTokenCache } from '../../src/server/auth/verified-tokens';
import { AUDIENCE, bearer, emailTurn, ISSUER, makeJwks, tempDir } from '../support/auth';
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('verified JWTs are cached, never past their expiry or a JWKS reload (through real gRPC)', () => {
  let t: TestServer;
  let jwks: Awaited<ReturnType<typeof makeJwks>>;

  beforeAll(async () => {
    jwks = await makeJwks(tempDir('jwks-cache'));
    t = await startTestServer({ auth: { jwt: { jwks: jwks.jwksFile, issuer: ISSUER, audience: AUDIENCE } } });
  });

  afterAll(async () => {
    await t.close();
  });

  test('a token served from the cache is still refused once it has expired', async () => {
    // Expires within 2 s; the cache would trust a verification for 60 s.
    const exp = Math.floor(Date.now() / 1000) + 2;
    const token = await jwks.sign({ tenant: 'acme' }, { expiresAt: exp });
    expect(await statusOf(t.client.executePrimitive(emailTurn('jc-1'), bearer(token)))).toBe('OK');
    expect(await statusOf(t.client.executePrimitive(emailTurn('jc-2'), bearer(token)))).toBe('OK');
    await sleep(exp * 1000 - Date.now() + 50);
    expect(await statusOf(t.client.executePrimitive(emailTurn('jc-3'), bearer(token)))).toBe(Status.PERMISSION_DENIED);
  });

  test('a JWKS reload forgets tokens verified with a key that is no longer there', async () => {
    const token = await jwks.sign({ tenant: 'acme' });
    expect(await statusOf(t.client.executePrimitive(emailTurn('jc-4'), bearer(token)))).toBe('OK');
    // The key set is replaced by one without the signing key, and reloaded (SIGHUP).
    const other = await makeJwks(tempDir('jwks-cache-other'));
    writeFileSync(jwks.jwksFile, readFileSync(other.jwksFile, 'utf8'));
    t.server.reloadCredentials();
    expect(await statusOf(t.client.executePrimitive(emailTurn('jc-5'), bearer(token)))).toBe(Status.PERMISSION_DENIED);
    expect(await statusOf(t.client.executePrimitive(emailTurn('jc-6'), bearer(await other.sign({ tenant: 'acme' }))))).toBe('OK');
  });
});

describe('JwtVerifier cache', () => {
  test('the second verification of a token is served from the cache, which a reload clears', async () => {
    const jwks = await makeJwks(tempDir('jwks-verifier'));
    const verifier = new JwtVerifier({ jwks: jwks.jwksFile, issuer: ISSUER, audience: AUDIENCE });
    const token = await jwks.sign({ tenant: 'acme' });
    await expect(verifier.tenantOf(token)).resolves.toBe('acme');
    expect(verifier.verified.size).toBe(1);
    // The keys are gone from the file; without a reload the verifier does not read it, the cache answers.
    writeFileSync(jwks.jwksFile, JSON.stringify({ keys: [] }));
    await expect(verifier.tenantOf(token)).resolves.toBe('acme');
    verifier.reload();
    expect(verifier.verified.size).toBe(0);
    await expect(verifier.tenantOf(token)).rejects.toThrow(/JWT refused/);
  });

  test('refused tokens are not cached, and the cache holds at most maxEntries', async () => {
    const jwks = await makeJwks(tempDir('jwks-bounded'));
    const verifier = new JwtVerifier({ jwks: jwks.jwksFile, issuer: ISSUER, audience: AUDIENCE, cache: { maxEntries: 3 } });
    await expect(verifier.tenantOf(await jwks.sign({ tenant: 'acme' }, { audience: 'other' }))).rejects.toThrow();
    expect(verifier.verified.size).toBe(0);
    for (let i = 0; i < 10; i++) await verifier.tenantOf(await jwks.sign({ tenant: 'acme', n: i }));
    expect(verifier.verified.size).toBe(3);
  });
});

describe('VerifiedTokenCache', () => {
  test('an entry lasts until the earlier of exp and the TTL, never past exp', () => {
    let now = 1_000_000;
    const cache = new VerifiedTokenCache({ ttlMs: 60_000, now: () => now });
    cache.set('short', 'acme', (now + 5_000) / 1000);
    cache.set('long', 'acme', (now + 3_600_000) / 1000);
    now += 4_999;
    expect(cache.get('short')).toBe('acme');
    now += 1;
    expect(cache.get('short')).toBeUndefined();
    now += 54_999;
    expect(cache.get('long')).toBe('acme');
    now += 1;
    expect(cache.get('long')).toBeUndefined();
    // Already expired: not kept at all.
    cache.set('expired', 'acme', now / 1000 - 1);
    expect(cache.size).toBe(0);
  });

  test('least recently used goes first beyond the cap', () => {
    const cache = new VerifiedTokenCache({ maxEntries: 2 });
    const exp = Date.now() / 1000 + 600;
    cache.set('a', 'ta', exp);
    cache.set('b', 'tb', exp);
    expect(cache.get('a')).toBe('ta');
    cache.set('c', 'tc', exp);
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual(['ta', undefined, 'tc', 2]);
  });
});
