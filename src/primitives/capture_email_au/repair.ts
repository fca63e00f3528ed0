import { finishReplaced, replaceEnding, validated } from './domain';
import { extractEmail, looksLikeLocalCorrection } from './extract';
import { repairPart } from './part-repair';
import type { EmailExtraction } from './extraction';
import { prepareEmailText } from './prepare';
import { readSegment } from './segment';
import { applySwap, readSwap } from './swap';
import { soundsLike } from '../spoken/letter-repair';
import { splitSelfCorrections } from '../spoken/normalise';

/**
 * Applies a caller's correction to a value they were asked to confirm: a whole
 * new address, "not outlook, optusnet", a new domain, or a new part before the at.
 * Returns undefined when the words do not change the address.
 */
export function repairEmail(previous: string, text: string): EmailExtraction | undefined {
  // A part kept and a part changed, a separator changed, or a hint not read (part-repair.ts).
  const part = repairPart(previous, text);
  if (part !== undefined) return part;
  const whole = extractEmail(text);
  if (whole.kind !== 'none') return whole;
  const normalised = prepareEmailText(text);

  const swap = readSwap(normalised);
  const swapped = swap !== undefined ? applySwap(previous, swap) : undefined;
  if (swapped !== undefined) return swapped;
  // An ending swap that does not fit the ending read back: asked, never spelled into the address.
  if (swap?.ending === true) {
    return {
      kind: 'ambiguous',
      reason: 'the ending swap does not fit the ending read back',
      candidates: [],
      ask: { type: 'which-part', address: previous },
    };
  }
  // "not outlook, optusnet" read back as jane@gmail.com: the word ruled out is nowhere in the address,
  // so the caller and the read-back disagree; which part they mean is asked, nothing is applied.
  if (swap !== undefined && swap.ending !== true && !previous.split(/[^a-z0-9]+/).includes(swap.wrong)) {
    return {
      kind: 'ambiguous',
      reason: `the part ruled out is not in the address read back`,
      candidates: [],
      ask: { type: 'which-part', address: previous },
    };
  }

  const segment = splitSelfCorrections(normalised).pop() ?? '';
  const reading = readSegment(segment);
  if (reading.ambiguous) return reading.ambiguous;
  if (reading.endingOnly !== undefined) return validated(replaceEnding(previous, reading.endingOnly));
  if (reading.domainOnly !== undefined) return finishReplaced(previous, reading.domainOnly);
  // A new part before the at must read as one ("jayne dot doe"), not a sentence ("i said jayne").
  if (reading.localOnly !== undefined && reading.localOnly.length > 1 && looksLikeLocalCorrection(reading.localWords ?? [])) {
    return validated(`${respelledWord(previous, reading.localOnly) ?? reading.localOnly}@${previous.split('@')[1]}`);
  }
  return undefined;
}

/**
 * "jayne, j a y n e" at the read-back of jane.doe@…: one word said again, spelled differently,
 * replaces the one word of the part before the at it sounds like (jayne.doe), not the whole part.
 * Undefined when the part has one word, or the word is the same, or sounds like none or several.
 */
function respelledWord(previous: string, said: string): string | undefined {
  if (!/^[a-z]+$/.test(said)) return undefined;
  const local = previous.split('@')[0];
  const pieces = local.split(/([^a-z]+)/);
  const words = pieces.filter((_, k) => k % 2 === 0 && pieces[k] !== '');
  if (words.length < 2 || words.includes(said)) return undefined;
  const like = pieces.flatMap((piece, k) => (k % 2 === 0 && piece.length > 1 && soundsLike(said, piece) ? [k] : []));
  if (like.length !== 1) return undefined;
  return pieces.map((piece, k) => (k === like[0] ? said : piece)).join('');
}
