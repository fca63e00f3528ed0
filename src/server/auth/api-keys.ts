import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';

/**
 * API keys: a file of `TENANT_ID:SHA256_HEX_OF_THE_KEY` lines (`#` starts a comment). Only hashes
 * are stored, so the file (and a leaked copy of it) never holds a usable key.
 */
export interface ApiKeyEntry {
  tenant: string;
  /** SHA-256 of the key, 32 bytes. */
  hash: Buffer;
}

/** Tenant ids: what may name a tenant in the key file, a JWT claim or a certificate. */
export const TENANT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function isTenantId(value: unknown): value is string {
  return typeof value === 'string' && TENANT_PATTERN.test(value);
}

export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/** Parses the key file's text; a malformed line is an error naming its line number (never its content). */
export function parseApiKeys(text: string, file: string): ApiKeyEntry[] {
  const entries: ApiKeyEntry[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') return;
    const match = /^([^:\s]+):([0-9a-fA-F]{64})$/.exec(line);
    if (match === null || !isTenantId(match[1])) {
      throw new Error(`${file}: line ${index + 1} is not TENANT_ID:SHA256_HEX (tenant ids are letters, digits, ".", "_", "-")`);
    }
    entries.push({ tenant: match[1], hash: Buffer.from(match[2], 'hex') });
  });
  return entries;
}

/**
 * The tenant whose key this is, or undefined. Every entry is compared, each in constant time, so the
 * answer's timing says nothing about which entry (or how much of one) matched.
 */
export function tenantForKey(entries: readonly ApiKeyEntry[], key: string): string | undefined {
  const hash = hashApiKey(key);
  let tenant: string | undefined;
  for (const entry of entries) {
    if (timingSafeEqual(entry.hash, hash) && tenant === undefined) tenant = entry.tenant;
  }
  return tenant;
}

export function loadApiKeys(file: string): ApiKeyEntry[] {
  return parseApiKeys(readFileSync(file, 'utf8'), file);
}

/**
 * `voice-core keys create`: a new random key for the tenant. Its hash is appended to the file; the
 * key itself is returned to be shown once, and is stored nowhere.
 */
export function createApiKey(tenant: string, file: string): string {
  if (!isTenantId(tenant)) {
    throw new Error(`tenant id "${tenant}" is not valid: 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit`);
  }
  const key = `vck_${randomBytes(32).toString('base64url')}`;
  let existing = '';
  try {
    existing = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  // Refuse to append to a file the server could not read back.
  parseApiKeys(existing, file);
  const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
  appendFileSync(file, `${separator}${tenant}:${hashApiKey(key).toString('hex')}\n`, { mode: 0o600 });
  return key;
}
