import { readLetterHint, repairWords, type HintReading } from '../spoken/letter-repair';
import { isValidEmail } from './domain';
import type { EmailExtraction } from './extraction';

/** More choices than this are not read out: the caller is asked to spell the address instead. */
const MAX_CHOICES = 3;

/**
 * A spelling hint at confirmation ("jane with a y", "with a p h", "p h not v", "double l in
 * allan", "with an e on the end", "no e", "c for charlie") applied to the words of the part
 * before the at; the domain stays. One place the hint fits: the address as changed. Several:
 * the addresses to choose from (asked, never guessed). None: a `none` naming what was not applied.
 * Returns undefined when the words hold no hint.
 */
export function repairSpelling(previous: string, text: string): EmailExtraction | undefined {
  const reading = readLetterHint(text);
  return reading === undefined ? undefined : applyHint(previous, reading);
}

export function applyHint(previous: string, reading: HintReading): EmailExtraction {
  const at = previous.indexOf('@');
  const local = previous.slice(0, at);
  const domain = previous.slice(at + 1);
  // "jane.doe42" → words jane, doe and the separators and digits between them, kept as they are.
  const pieces = local.split(/([^a-z]+)/);
  const wordAt = pieces.flatMap((piece, k) => (k % 2 === 0 ? [k] : []));
  const result = repairWords(
    wordAt.map((k) => pieces[k]),
    reading,
  );
  if (result.kind === 'none') return unapplied();
  const candidates = [
    ...new Set(
      result.options
        .map((words) => pieces.map((piece, k) => (k % 2 === 0 ? words[wordAt.indexOf(k)] : piece)).join(''))
        .map((l) => `${l}@${domain}`),
    ),
  ].filter((address) => address !== previous && isValidEmail(address));
  if (candidates.length === 1) return { kind: 'value', value: candidates[0] };
  if (candidates.length === 0 || candidates.length > MAX_CHOICES) return unapplied();
  return { kind: 'ambiguous', reason: 'the spelling hint fits more than one place', candidates, ask: { type: 'which-spelling' } };
}

function unapplied(): EmailExtraction {
  return { kind: 'none', reason: 'could not apply the repair: a spelling hint' };
}
