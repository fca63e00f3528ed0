import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PeerCertificate } from 'node:tls';
import { createApiKey, hashApiKey, parseApiKeys, tenantForKey } from './api-keys';
import { tenantFromCertificate } from './peer-certificate';

const hex = (key: string): string => hashApiKey(key).toString('hex');

describe('the API key file', () => {
  test('comments, blank lines and CRLF are read; each key maps to its tenant', () => {
    const entries = parseApiKeys(`# keys\r\n\r\nacme:${hex('a')}  # first\r\nglobex:${hex('b')}\n`, 'keys.txt');
    expect(entries.map((e) => e.tenant)).toEqual(['acme', 'globex']);
    expect(tenantForKey(entries, 'a')).toBe('acme');
    expect(tenantForKey(entries, 'b')).toBe('globex');
    expect(tenantForKey(entries, 'c')).toBeUndefined();
    expect(tenantForKey([], 'a')).toBeUndefined();
  });

  test('a malformed line is named by number, never by content', () => {
    expect(() => parseApiKeys(`acme:${hex('a')}\nacme:${'z'.repeat(64)}\n`, 'keys.txt')).toThrow(
      /^keys.txt: line 2 is not TENANT_ID:SHA256_HEX/,
    );
    expect(() => parseApiKeys(`ac{me}:${hex('a')}\n`, 'k')).toThrow(/line 1/);
    expect(() => parseApiKeys(`the-secret-key\n`, 'k')).not.toThrow(/the-secret-key/);
  });

  test('createApiKey appends a hash (never the key) and refuses a file it could not read back', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'vc-keys-')), 'keys.txt');
    writeFileSync(file, `acme:${hex('a')}`); // no final newline
    const key = createApiKey('globex', file);
    expect(readFileSync(file, 'utf8')).toBe(`acme:${hex('a')}\nglobex:${hex(key)}\n`);
    expect(readFileSync(file, 'utf8')).not.toContain(key);
    expect(createApiKey('globex', file)).not.toBe(key);
    writeFileSync(file, 'broken\n');
    expect(() => createApiKey('acme', file)).toThrow(/line 1/);
  });
});

describe('the tenant a client certificate names', () => {
  const cert = (subject: Record<string, unknown>, subjectaltname?: string): PeerCertificate =>
    ({ subject, subjectaltname }) as unknown as PeerCertificate;

  test('the subject CN, else the first DNS or URI SAN that is a tenant id', () => {
    expect(tenantFromCertificate(cert({ CN: 'acme' }, 'DNS:other'))).toBe('acme');
    expect(tenantFromCertificate(cert({ CN: 'Acme Pty Ltd' }, 'IP Address:127.0.0.1, DNS:acme.tenants'))).toBe('acme.tenants');
    expect(tenantFromCertificate(cert({ O: 'x' }, 'URI:globex'))).toBe('globex');
    expect(tenantFromCertificate(cert({ CN: 'not a tenant' }))).toBeUndefined();
    expect(tenantFromCertificate(undefined)).toBeUndefined();
  });
});
