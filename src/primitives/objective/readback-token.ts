import { createHash } from 'node:crypto';

/**
 * The read-back token: which read-back a confirmation answers. It is the
 * count of values read back in this objective (kept in the session) and a
 * short hash of the value, so a token cannot be replayed on a later read-back,
 * even of the same value, nor on another value. Not a secret: it guards
 * against races between turns (two transcriptions on one objective), not
 * against a caller who can read the responses.
 */
export function readbackToken(readbacks: number, value: string): string {
  const digest = createHash('sha256').update(value).digest('base64url').slice(0, 10);
  return `${readbacks}.${digest}`;
}
