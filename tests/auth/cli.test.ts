import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { hashApiKey } from '../../src/server/auth/api-keys';
import { createServer } from 'node:https';
import { AUDIENCE, ISSUER, makeJwks, makePki, tempDir } from '../support/auth';
import { cliOutput, runCli, serveCli } from '../support/cli';

// VOICE_CORE_API_KEY is cleared so that a key in the developer's environment can't leak into a test.
const run = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { VOICE_CORE_API_KEY: '', ...env });
const output = cliOutput;
const serve = async (args: string[], env: NodeJS.ProcessEnv) => {
  const serving = await serveCli(args, { VOICE_CORE_API_KEY: '', ...env });
  return { ...serving, logs: serving.messages };
};

const REQUEST = JSON.stringify({
  objective_type: 'capture_email_au',
  conversation_id: 'cli-auth',
  params: { transcription: 'jane@gmail.com', confirmation: 'yes' },
});

// Every step starts the CLI under ts-node: on a loaded 2-core machine that is slow, hence the budgets.
describe('voice-core with API keys', () => {
  test('keys create, serve with the key file, call with --api-key and VOICE_CORE_API_KEY, rotate on SIGHUP', async () => {
    const file = join(tempDir('cli-keys'), 'keys.txt');
    const created = await output(run(['keys', 'create', 'acme', '--file', file]));
    expect(created.code).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^vck_[\w-]{43}$/);
    expect(created.stderr).toMatch(/shown once/);
    // Only the hash is stored.
    expect(readFileSync(file, 'utf8')).toBe(`acme:${hashApiKey(key).toString('hex')}\n`);

    const { child, port, logs } = await serve([], { VOICE_CORE_API_KEYS_FILE: file });
    try {
      const address = ['--address', `127.0.0.1:${port}`];
      const ok = await output(run(['call', ...address, '--api-key', key, REQUEST]));
      expect(ok.code).toBe(0);
      expect(JSON.parse(ok.stdout)).toMatchObject({ success: true, state: 'completed' });

      const missing = await output(run(['call', ...address, REQUEST]));
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/UNAUTHENTICATED: authentication required/);

      const added = await output(run(['keys', 'create', 'globex', '--file', file]));
      const globexKey = added.stdout.trim();
      child.kill('SIGHUP');
      const until = Date.now() + 20_000;
      while (!logs.includes('API keys reloaded') && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      const rotated = await output(run(['call', ...address, REQUEST], { VOICE_CORE_API_KEY: globexKey }));
      expect(rotated.stderr).toBe('');
      expect(rotated.code).toBe(0);

      const wrong = await output(run(['call', ...address, '--api-key', `${globexKey}0`, REQUEST]));
      expect(wrong.stderr).toMatch(/PERMISSION_DENIED: credential refused/);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  }, 180_000);

  test('keys create refuses a tenant id that could not be read back', async () => {
    const file = join(tempDir('cli-keys'), 'keys.txt');
    const result = await output(run(['keys', 'create', 'a:b', '--file', file]));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/tenant id "a:b" is not valid/);
  }, 60_000);

  test('with no --host and no credentials, serve listens on loopback only, and says so (finding 1c)', async () => {
    // The finding: the default bind was 0.0.0.0, plaintext and unauthenticated.
    const noCredentials = {
      VOICE_CORE_API_KEYS_FILE: '',
      VOICE_CORE_JWT_JWKS: '',
      VOICE_CORE_TLS_CERT: '',
      VOICE_CORE_TLS_KEY: '',
      VOICE_CORE_TLS_CLIENT_CA: '',
      VOICE_CORE_ALLOW_UNAUTHENTICATED: '',
    };
    const { child, port, lines } = await serveCli([], { VOICE_CORE_API_KEY: '', ...noCredentials });
    try {
      const serving = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'Voice Core serving');
      expect(serving).toMatchObject({ address: '127.0.0.1:0', port, authentication: false, tls: false });
      const called = await output(run(['call', '--address', `127.0.0.1:${port}`, REQUEST]));
      expect(called.code).toBe(0);
      // Any other address of this machine is refused at the TCP level.
      const others = Object.values(networkInterfaces())
        .flat()
        .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
        .map((a) => a!.address);
      for (const host of others) {
        const reached = await new Promise<boolean>((resolve) => {
          const socket = connect(port, host, () => {
            socket.destroy();
            resolve(true);
          });
          socket.once('error', () => resolve(false));
        });
        expect({ host, reached }).toEqual({ host, reached: false });
      }
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }, 120_000);

  test('a non-loopback host without credentials is refused at startup, unless explicitly allowed', async () => {
    const refused = await output(run(['serve', '--port', '0', '--host', '0.0.0.0']));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/refusing to listen on 0\.0\.0\.0:0 without authentication.*--allow-unauthenticated/);

    const { child, logs } = await serve(['--host', '0.0.0.0'], { VOICE_CORE_ALLOW_UNAUTHENTICATED: 'true' });
    child.kill('SIGTERM');
    await once(child, 'exit');
    expect(logs.some((m) => /WITHOUT authentication/.test(m))).toBe(true);
  }, 120_000);

  test('serve with mTLS from the environment; call with --tls-ca, --tls-cert and --tls-key; no certificate is refused', async () => {
    const pki = makePki(tempDir('cli-pki'));
    const acme = pki.client('acme');
    const { child, port } = await serve([], {
      VOICE_CORE_TLS_CERT: pki.serverCert,
      VOICE_CORE_TLS_KEY: pki.serverKey,
      VOICE_CORE_TLS_CLIENT_CA: pki.caCert,
    });
    try {
      const address = ['--address', `localhost:${port}`];
      const ok = await output(run(['call', ...address, '--tls-ca', pki.caCert, '--tls-cert', acme.cert, '--tls-key', acme.key, REQUEST]));
      expect(ok.stderr).toBe('');
      expect(JSON.parse(ok.stdout)).toMatchObject({ success: true, state: 'completed' });
      const anonymous = await output(run(['call', ...address, '--tls-ca', pki.caCert, REQUEST]));
      expect(anonymous.code).toBe(1);
      expect(anonymous.stderr).toMatch(/UNAVAILABLE/);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }, 180_000);

  test('serve with a remote JWKS (https) from the JWT environment; a token is accepted, an expired one refused', async () => {
    const dir = tempDir('cli-jwt');
    const pki = makePki(dir);
    const jwks = await makeJwks(dir);
    let fetched = 0;
    const https = createServer({ cert: readFileSync(pki.serverCert), key: readFileSync(pki.serverKey) }, (_req, res) => {
      fetched += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(readFileSync(jwks.jwksFile));
    });
    await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
    const jwksPort = (https.address() as { port: number }).port;
    const { child, port } = await serve([], {
      VOICE_CORE_JWT_JWKS: `https://localhost:${jwksPort}/.well-known/jwks.json`,
      VOICE_CORE_JWT_ISSUER: ISSUER,
      VOICE_CORE_JWT_AUDIENCE: AUDIENCE,
      VOICE_CORE_JWT_TENANT_CLAIM: 'org',
      // The test CA signed the JWKS server's certificate.
      NODE_EXTRA_CA_CERTS: pki.caCert,
    });
    try {
      const address = ['--address', `127.0.0.1:${port}`];
      const token = await jwks.sign({ org: 'acme' });
      const ok = await output(run(['call', ...address, REQUEST], { VOICE_CORE_API_KEY: token }));
      expect(ok.stderr).toBe('');
      expect(JSON.parse(ok.stdout)).toMatchObject({ success: true });
      expect(fetched).toBeGreaterThan(0);
      const expired = await jwks.sign({ org: 'acme' }, { expiresAt: Math.floor(Date.now() / 1000) - 600 });
      const refused = await output(run(['call', ...address, '--api-key', expired, REQUEST]));
      expect(refused.stderr).toMatch(/PERMISSION_DENIED: credential refused/);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
      https.close();
    }
  }, 180_000);
});
