import type { Captured } from '../objective/capture-spec';
import { normaliseUtterance, tokens, withoutFillers } from '../spoken/normalise';
import { readPolarity } from '../spoken/polarity';
import { repairWithHint } from './part-repair';
import { complete, extractName, readSegment, type NameExtraction, type NameOptions, type NameParts } from './extract';

/**
 * Applies a caller's correction to a name they did not confirm: "it's Leigh,
 * L E I G H", "not Lee, Leigh", "my surname is Smyth", "no, Jon Smith". One
 * word corrects the part it resembles (else the surname). Returns undefined
 * when the words do not change the name.
 */
export function repairName(previous: Captured, utterance: string, options: NameOptions): NameExtraction | undefined {
  const base: NameParts = { first: previous.fields.first, middle: previous.fields.middle, last: previous.fields.last };
  // "with a y", "the surname's with two l's", "not v, p h": a spelling hint for one part.
  const hinted = repairWithHint(base, utterance);
  if (hinted !== undefined) {
    if ('ask' in hinted) return { kind: 'ambiguous', reason: hinted.ask, spell: true };
    const result = complete(hinted, options);
    return result.kind === 'value' && result.value === previous.value ? undefined : result;
  }
  const swapped = readSwap(utterance, base);
  const { polarity, remainder } = readPolarity(utterance);
  const text = polarity === 'none' ? utterance : remainder;
  if (swapped === undefined && text.trim() === '') return undefined;
  const result = swapped !== undefined ? complete(swapped, options) : extractName(text, options, { parts: base });
  if (result.kind === 'none' || result.kind === 'partial') return undefined;
  if (result.kind === 'value' && result.value === previous.value) return undefined;
  return result;
}

/** "not Lee, Leigh", "not Lee Leigh", "Leigh not Lee", "it's Smyth not Smith". */
function readSwap(utterance: string, base: NameParts): NameParts | undefined {
  const words = withoutFillers(tokens(normaliseUtterance(utterance.replace(/,/g, ' § '))));
  const notAt = words.indexOf('not');
  if (notAt < 0) return undefined;
  const edge = new Set(['§', 'no', 'nah', 'nope', "it's", 'its', 'it', 'is', 'but', 'the', 'my', 'surname', 'name', 'first', 'last']);
  const content = (slice: readonly string[]): string[] => slice.filter((w) => !edge.has(w));
  const wordOf = (slice: readonly string[]): string | undefined => {
    const reading = slice.length > 0 ? readSegment(slice, new Map()) : undefined;
    if (reading === undefined || reading.issue !== undefined || reading.words > 1) return undefined;
    return reading.parts.first ?? reading.parts.last;
  };
  const before = content(words.slice(0, notAt));
  const after = words.slice(notAt + 1);
  let wrong: string | undefined;
  let right: string | undefined;
  if (before.length > 0) {
    right = wordOf(before);
    wrong = wordOf(content(after));
  } else {
    // "not Lee, Leigh": the comma, or else the first word, ends the wrong part.
    const comma = after.indexOf('§');
    const cut = comma > 0 ? comma : 1;
    wrong = wordOf(content(after.slice(0, cut)));
    right = wordOf(content(after.slice(cut)));
  }
  if (wrong === undefined || right === undefined) return undefined;
  const same = (a: string | undefined): boolean => a !== undefined && a.toLowerCase() === wrong.toLowerCase();
  if (same(base.last)) return { ...base, last: right };
  if (same(base.first)) return { ...base, first: right };
  if (same(base.middle)) return { ...base, middle: right };
  return undefined;
}
