import { normaliseUtterance, tokens, withoutFillers } from '../spoken/normalise';
import { extractEmail, readLocalAnswer } from './extract';

/**
 * An address cut off part-way: the caller (or the recogniser) stopped after a
 * final "dot" or "at" ("jane dot doe at gmail dot", "jane dot doe at"). What was
 * heard is kept and the rest asked for; the address is never completed by guess
 * (a dangling "dot" could be com, com dot au, net…).
 *
 *   at    the part before the at is kept: the domain is asked for
 *   dot   the part before the at and the domain so far are kept: what comes after the dot is asked for
 */
export type Truncation = { after: 'at'; local: string } | { after: 'dot'; local: string; domain: string };

/** The spoken words a cut-off address ends with; "." and "@" are not read, as recognisers end sentences with a full stop. */
const DANGLING = new Set(['dot', 'at']);

export function readTruncation(utterance: string): Truncation | undefined {
  const words = withoutFillers(tokens(normaliseUtterance(utterance)));
  const last = words[words.length - 1];
  if (last === undefined || !DANGLING.has(last) || words.length < 2) return undefined;
  const before = words.slice(0, -1).join(' ');
  if (last === 'at') {
    const local = readLocalAnswer(before);
    return local === undefined ? undefined : { after: 'at', local };
  }
  // "… at gmail dot": the address so far must read as one address, and its domain as said is kept.
  const heard = extractEmail(before);
  if (heard.kind !== 'value') return undefined;
  const local = heard.value.split('@')[0];
  const at = words.lastIndexOf('at', words.length - 2);
  if (at < 0) return undefined;
  const domain = words
    .slice(at + 1, -1)
    .join(' ')
    .replace(/\s*\bdot\b\s*/g, '.')
    .replace(/\s+/g, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(domain) ? { after: 'dot', local, domain } : undefined;
}
