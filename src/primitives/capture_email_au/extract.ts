import { splitSelfCorrections, tokens, withoutFillers } from '../spoken/normalise';
import { endingOf, finishDomain, finishReplaced, isValidEmail, replaceDomain, replaceEnding, validated } from './domain';
import type { EmailExtraction } from './extraction';
import { collapseProviders, prepareEmailText } from './prepare';
import { readSegment } from './segment';
import { NUMBER_WORD, isLetterToken, isSpelledContext, spellDomain, spellLocal } from './spell';
import { applySwap, readSwap } from './swap';
import { isEndingAnswer } from './domain-endings';
import { applyHint } from './spelling-repair';
import { readLetterHint } from '../spoken/letter-repair';
import {
  ANCHOR_WORDS,
  DOT_WORDS,
  DOUBT,
  NOT_NAMES,
  RETRACTION_ENDS,
  SENTENCE_WORDS,
  TRAILING_RETRACTION,
  isSymbolWord,
} from './vocabulary';

export type { AmbiguityAsk, EmailExtraction } from './extraction';

/**
 * Turns what a caller said into an email address, or explains why it cannot:
 * spoken forms ("jane dot doe at gee mail dot com dot au"), spelled letters,
 * digits as words, "double"/"triple", lead-ins and fillers, self-corrections
 * (the last one wins) and bare providers. Ambiguity is reported, never guessed.
 */
export function extractEmail(text: string): EmailExtraction {
  const prepared = prepareEmailText(text);
  const segments = splitSelfCorrections(prepared);
  let current: string | undefined;
  let ambiguity: Extract<EmailExtraction, { kind: 'ambiguous' }> | undefined;
  let unapplied = false;
  for (const segment of segments) {
    // "…, sorry, the end is dot net not dot com": a swap of what the address so far holds.
    if (current !== undefined && / (?:not|instead) /.test(` ${segment} `)) {
      const swap = readSwap(segment);
      const swapped = swap?.ending === true ? applySwap(current, swap) : undefined;
      if (swapped?.kind === 'value') {
        current = swapped.value;
        continue;
      }
    }
    const reading = readSegment(segment);
    if (reading.ambiguous) {
      ambiguity = reading.ambiguous;
      current = undefined;
      continue;
    }
    const distinct = [...new Set(reading.emails)];
    if (distinct.length > 1) {
      ambiguity = {
        kind: 'ambiguous',
        reason: 'two different email addresses in one answer',
        candidates: distinct,
        ask: { type: 'which-address' },
      };
      current = undefined;
    } else if (distinct.length === 1) {
      current = distinct[0];
      ambiguity = undefined;
      // "jane at hotmail dot com, no, not hotmail, outlook dot com": a swap after the address.
      // The address's own ending is what the caller affirms in "dot net, not dot com dot au".
      const swap =
        reading.tail !== undefined && reading.tail.includes('not') ? readSwap(reading.tail.join(' '), endingOf(current)) : undefined;
      const swapped = swap !== undefined ? applySwap(current, swap) : undefined;
      if (swapped?.kind === 'value') current = swapped.value;
      if (swapped?.kind === 'ambiguous') {
        ambiguity = swapped;
        current = undefined;
      }
      // "jane at example dot com, no, dot com dot au": the comma lost, "no" does not split the
      // segment; an ending alone after the "no" replaces the ending just said.
      const renewed = reading.tail !== undefined ? endingAfterNo(reading.tail) : undefined;
      if (current !== undefined && renewed !== undefined) current = replaceEnding(current, renewed);
      // "jane dot doe at gmail dot com, jane with a y": a spelling hint after the address.
      const hint = current !== undefined && reading.tail !== undefined ? readLetterHint(reading.tail) : undefined;
      if (current !== undefined && hint !== undefined) {
        const hinted = applyHint(current, hint);
        if (hinted.kind === 'ambiguous') {
          ambiguity = hinted;
          current = undefined;
        } else if (hinted.kind === 'value') {
          current = hinted.value;
        } else {
          unapplied = true;
        }
      }
    } else if (current !== undefined && reading.endingOnly !== undefined) {
      current = replaceEnding(current, reading.endingOnly);
    } else if (current !== undefined && reading.domainOnly !== undefined) {
      const replaced = finishReplaced(current, reading.domainOnly);
      if (replaced.kind === 'ambiguous') {
        ambiguity = replaced;
        current = undefined;
      } else {
        current = replaceDomain(current, reading.domainOnly);
      }
    } else if (
      current !== undefined &&
      reading.localOnly !== undefined &&
      reading.localWords !== undefined &&
      looksLikeLocalCorrection(reading.localWords)
    ) {
      current = `${reading.localOnly}@${current.split('@')[1]}`;
    }
  }
  if (ambiguity) return ambiguity;
  if (current === undefined) return { kind: 'none', reason: 'no email address found' };
  if (unapplied) return { kind: 'none', reason: 'a spelling hint after the address could not be applied' };
  // "jane at gmail dot com, no wait, I don't remember": the caller took the address back.
  if (retracted(prepared)) return { kind: 'none', reason: 'the caller took the address back or was unsure of it' };
  if (!isValidEmail(current)) return { kind: 'none', reason: 'the address heard is not a valid email address' };
  return { kind: 'value', value: current };
}

/**
 * Whether the caller took the address back: doubt after the last "at"
 * ("… at gmail dot com, no wait, I don't remember") or a retraction at the
 * very end ("… at gmail dot com, actually no").
 */
function retracted(prepared: string): boolean {
  const lastAt = Math.max(prepared.lastIndexOf(' at '), prepared.lastIndexOf('@'));
  if (lastAt < 0) return false;
  const after = prepared.slice(lastAt);
  if (DOUBT.test(after)) {
    DOUBT.lastIndex = 0;
    return true;
  }
  DOUBT.lastIndex = 0;
  const stripped = /(?:thanks|you|cheers|please|mate)$/.test(prepared)
    ? prepared.replace(/(?:\s+(?:thanks|thank you|cheers|please|mate))+$/, '')
    : prepared;
  // A retraction ends the text with one of these words: without one, there is none to look for.
  return RETRACTION_ENDS.has(stripped.slice(stripped.lastIndexOf(' ') + 1)) && TRAILING_RETRACTION.test(stripped);
}

/**
 * Whether the words of a correction can be a new part before the at: spelled
 * letters, a word or two, digits and symbols; not a sentence ("I don't
 * remember", "hang on", "let me check").
 */
export function looksLikeLocalCorrection(words: readonly string[]): boolean {
  const plain = words.filter((w) => !isLetterToken(w) && !isSymbolWord(w) && !DOT_WORDS.has(w) && !NUMBER_WORD(w) && !/^[0-9]+$/.test(w));
  return plain.length <= 3 && plain.every((w) => !w.includes("'") && !NOT_NAMES.has(w));
}

/** Reads an answer to "what comes after the at?": the domain alone. */
export function readDomainAnswer(text: string): string | undefined {
  const words = collapseProviders(withoutFillers(tokens(prepareEmailText(text)))).filter(
    (w) => !SENTENCE_WORDS.has(w) && !ANCHOR_WORDS.has(w),
  );
  if (words.length === 0) return undefined;
  const domain = spellDomain(words);
  return domain.length > 0 ? domain : undefined;
}

/** Reads an answer to "spell the part before the at": the local part alone. */
export function readLocalAnswer(text: string): string | undefined {
  const words = withoutFillers(tokens(prepareEmailText(text)));
  if (words.some((w) => ANCHOR_WORDS.has(w) || w.includes('@'))) return undefined;
  const content = words.filter((w) => !SENTENCE_WORDS.has(w) || isSpelledContext(words, words.indexOf(w)));
  const local = spellLocal(content);
  return /^[a-z0-9._%+-]+$/.test(local) && /^[a-z0-9]/.test(local) ? local : undefined;
}

/** Completes local@domain, asking again when the domain is bare or ambiguous. */
export function completeEmail(local: string, domain: string): EmailExtraction {
  const finished = finishDomain(local, domain);
  return finished.kind === 'value' ? validated(finished.value) : finished;
}

/** "no dot com dot au" after an address: the ending the caller put in place of the one said. */
function endingAfterNo(tail: readonly string[]): string | undefined {
  if (tail.length < 3 || tail[0] !== 'no' || tail.length % 2 === 0) return undefined;
  const rest = tail.slice(1);
  if (!rest.every((w, k) => (k % 2 === 0 ? DOT_WORDS.has(w) : /^[a-z]+$/.test(w)))) return undefined;
  const ending = spellDomain(rest);
  return isEndingAnswer(ending) ? ending : undefined;
}
