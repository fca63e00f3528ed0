import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Metadata } from 'nice-grpc';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { VoiceCore, type ExecuteOptions } from '../../src/runtime/voice-core';
import type { ExecutePrimitiveRequest, StreamEventsRequest } from '../../generated/voice_core/voice_core';

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `vc-${prefix}-`));
}

export function bearer(credential: string): { metadata: Metadata } {
  return { metadata: Metadata({ authorization: `Bearer ${credential}` }) };
}

/** A turn that completes at once: enough to see a call served. */
export function emailTurn(conversationId: string): ExecutePrimitiveRequest {
  return {
    objectiveType: 'capture_email_au',
    conversationId,
    traceId: '',
    purpose: 'auth test',
    params: { transcription: 'jane@gmail.com', confidence: '0.9', confirmation: 'yes' },
    timeoutSeconds: 0,
  };
}

/**
 * The real runtime, recording the tenant each call hands it: the test's window on what the
 * authentication put on the call context (the service passes tenantOf(context) to the core).
 */
export class TenantRecordingCore extends VoiceCore {
  readonly tenants: Array<{ method: 'execute' | 'streamEvents'; conversationId: string; tenant: string | undefined }> = [];

  override execute(request: ExecutePrimitiveRequest, options: ExecuteOptions = {}) {
    this.tenants.push({ method: 'execute', conversationId: request.conversationId, tenant: options.tenant });
    return super.execute(request, options);
  }

  override streamEvents(request: StreamEventsRequest, signal: AbortSignal, options: Parameters<VoiceCore['streamEvents']>[2] = {}) {
    this.tenants.push({ method: 'streamEvents', conversationId: request.conversationId, tenant: options?.tenant });
    return super.streamEvents(request, signal, options);
  }
}

/** A signing key and its JWKS file, made now. */
export async function makeJwks(
  dir: string,
): Promise<{ jwksFile: string; sign: (claims: Record<string, unknown>, opts?: TokenOptions) => Promise<string> }> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'ES256', use: 'sig' };
  const jwksFile = join(dir, 'jwks.json');
  writeFileSync(jwksFile, JSON.stringify({ keys: [jwk] }));
  return { jwksFile, sign: (claims, opts) => signToken(privateKey, claims, opts) };
}

export interface TokenOptions {
  issuer?: string;
  audience?: string;
  /** jose time span or epoch seconds, e.g. "5m" or a past number. */
  expiresAt?: string | number;
}

export const ISSUER = 'https://issuer.test';
export const AUDIENCE = 'voice-core';

function signToken(key: KeyLike, claims: Record<string, unknown>, opts: TokenOptions = {}): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: 'test-key' })
    .setIssuedAt()
    .setIssuer(opts.issuer ?? ISSUER)
    .setAudience(opts.audience ?? AUDIENCE)
    .setExpirationTime(opts.expiresAt ?? '5m')
    .sign(key);
}

export interface TestPki {
  dir: string;
  caCert: string;
  serverCert: string;
  serverKey: string;
  /** A client pair whose certificate has CN=tenant. */
  client(tenant: string): { cert: string; key: string };
  /** A new server pair (another serial) in place of the old files, for reload tests; returns the new certificate. */
  renewServer(): string;
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

/** A CA, a server certificate for localhost/127.0.0.1, and client certificates on demand, made with openssl. */
export function makePki(dir: string): TestPki {
  openssl(dir, [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
    '-days',
    '2',
    '-subj',
    '/CN=Voice Core test CA',
  ]);
  const issue = (name: string, subject: string, ext: string): void => {
    writeFileSync(join(dir, `${name}.ext`), ext);
    openssl(dir, [
      'req',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.csr`,
      '-subj',
      subject,
    ]);
    openssl(dir, [
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      `${name}.crt`,
      '-days',
      '2',
      '-extfile',
      `${name}.ext`,
    ]);
  };
  const issueServer = (): void =>
    issue('server', '/CN=localhost', 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  issueServer();
  return {
    dir,
    caCert: join(dir, 'ca.crt'),
    serverCert: join(dir, 'server.crt'),
    serverKey: join(dir, 'server.key'),
    client(tenant) {
      issue(`client-${tenant}`, `/CN=${tenant}`, 'extendedKeyUsage=clientAuth\n');
      return { cert: join(dir, `client-${tenant}.crt`), key: join(dir, `client-${tenant}.key`) };
    },
    renewServer() {
      issueServer();
      return join(dir, 'server.crt');
    },
  };
}
