import { isNumberToken, joinGroups, numberRunStartBefore, readNumberRun, type NumberGroup } from './numbers';
import type { AddressParts, Issue, SegmentReading } from './address-parts';
import { checkStatePostcode, padPostcode } from './postcodes';
import {
  CAPITAL_CITIES,
  CITY_QUALIFIERS,
  CONNECTORS,
  FULL_STATE_WORDS,
  PLACE_NAME_WORDS,
  PLACE_PREFIXES,
  POSTCODE_MARKERS,
  SENTENCE_WORDS,
  TRAILING_WORDS,
} from './vocabulary';
import { COMMA, isPlaceWord, placeCase, stateEndingAt } from './words';

/**
 * The end of an address: suburb, state and postcode. They are read from the
 * end of the words, so that a state or capital named inside the street
 * ("Victoria Street, Hobart TAS") is never taken for the state.
 */

const CONNECTORS_AND_MARKERS: ReadonlySet<string> = new Set([...CONNECTORS, ...POSTCODE_MARKERS]);

/**
 * Suburb, state and postcode, read from the end of words[from, to): sign-off
 * words, then the state and postcode in either order, then the suburb as the
 * last run of place words before them.
 */
export function readTail(words: readonly string[], from: number, to: number): SegmentReading & { suburbStart: number } {
  const parts: AddressParts = {};
  const issues: Issue[] = [];
  let end = to;
  while (
    end > from &&
    stateEndingAt(words, end, from) === undefined &&
    (isTrailing(words[end - 1]) || POSTCODE_MARKERS.has(words[end - 1]) || insideSentence(words, end - 1, from))
  )
    end--;

  let stateWords: readonly string[] = [];
  const readState = (): void => {
    const state = stateEndingAt(words, end, from);
    if (state === undefined) return;
    parts.state = state[0];
    stateWords = words.slice(end - state[1], end);
    end = stripBack(words, from, end - state[1], CONNECTORS);
  };
  readState();

  const runStart = Math.max(numberRunStartBefore(words, end), from);
  if (runStart < end) {
    const groups: NumberGroup[] = [];
    for (let i = runStart; i < end;) {
      const run = readNumberRun(words, i);
      if (run === undefined) break;
      groups.push(...run.groups);
      i = run.end;
    }
    const digits = joinGroups(groups);
    const postcode = padPostcode(digits);
    if (postcode !== undefined) parts.postcode = postcode;
    else issues.push({ type: 'bad-postcode', heard: digits });
    end = stripBack(words, from, runStart, CONNECTORS_AND_MARKERS);
    end = beforeLabel(words, from, end, POSTCODE_MARKERS);
    if (parts.state === undefined) readState();
  }

  // A postcode said before the suburb ("… Street, 3065 Fitzroy").
  if (parts.postcode === undefined && !issues.some((i) => i.type === 'bad-postcode')) {
    const inside = lastNumberRun(words, from, end);
    if (inside !== undefined) {
      const postcode = padPostcode(inside.digits);
      if (postcode !== undefined) {
        parts.postcode = postcode;
        if (inside.end === end) end = stripBack(words, from, inside.start, CONNECTORS_AND_MARKERS);
      }
    }
  }

  let start = end;
  while (start > from && isPlaceWord(words[start - 1])) start--;
  // "Fitzroy, Melbourne", "Fitzroy in Melbourne": the capital after the suburb is not the suburb.
  if (end - start === 1 && CAPITAL_CITIES.has(words[start])) {
    let e = start;
    while (e > from && (CONNECTORS.has(words[e - 1]) || words[e - 1] === COMMA)) e--;
    let s = e;
    while (s > from && isPlaceWord(words[s - 1])) s--;
    if (s < e && e < start) {
      start = s;
      end = e;
    }
  }
  const suburbWords = words.slice(start, end);
  while (suburbWords[0] === 'of') suburbWords.shift();
  while (suburbWords.length > 0 && PLACE_NAME_WORDS.has(suburbWords[suburbWords.length - 1])) suburbWords.pop();

  // "Mount Victoria", "Port Victoria": a state's name that ends a place name.
  if (stateWords.length === 1 && FULL_STATE_WORDS.has(stateWords[0]) && PLACE_PREFIXES.has(suburbWords[suburbWords.length - 1] ?? '')) {
    const conflicts =
      parts.postcode !== undefined && parts.state !== undefined && checkStatePostcode(parts.state, parts.postcode) === 'conflict';
    if (suburbWords.length === 1 || conflicts) {
      suburbWords.push(stateWords[0]);
      delete parts.state;
    }
  }
  const last = suburbWords.length;
  if (last >= 2 && CAPITAL_CITIES.has(suburbWords[last - 1]) && !CITY_QUALIFIERS.has(suburbWords[last - 2])) suburbWords.pop();
  if (suburbWords.length > 0 && suburbWords.length <= 5) parts.suburb = placeCase(suburbWords);
  return { parts, issues, suburbStart: start };
}

/**
 * "… Richmond, and the postcode for that is 3121", "… the postcode there's
 * 3121": a label, then a few sentence words, before the part it labels. The
 * end moves back past the label, so the suburb before it is read.
 */
function beforeLabel(words: readonly string[], from: number, end: number, labels: ReadonlySet<string>): number {
  for (let k = end - 1; k >= from && k >= end - 4; k--) {
    if (labels.has(words[k])) return stripBack(words, from, k, CONNECTORS_AND_MARKERS);
    if (isPlaceWord(words[k]) || words[k] === COMMA) return end;
  }
  return end;
}

/** "the postcode is 3065, and it's 12 Smith Street …": a postcode named before the address. */
export function postcodeInLeadIn(words: readonly string[], start: number): string | undefined {
  const marker = words.slice(0, start).findIndex((w) => w === 'postcode' || w === 'code');
  if (marker < 0) return undefined;
  let i = marker + 1;
  while (i < start && CONNECTORS.has(words[i])) i++;
  const run = readNumberRun(words, i);
  return run !== undefined && run.end <= start ? padPostcode(joinGroups(run.groups)) : undefined;
}

/** Sign-off and sentence words after an address: "… 3065, thank you very much". */
export function isTrailing(w: string): boolean {
  return TRAILING_WORDS.has(w) || (SENTENCE_WORDS.has(w) && !PLACE_NAME_WORDS.has(w));
}

/**
 * "the" or "of" inside a sentence after the address ("… I can't remember the
 * postcode"): after a sentence word, not after a place word ("Isle of Capri")
 * or a comma ("…, The Gap").
 */
function insideSentence(words: readonly string[], i: number, from: number): boolean {
  const before = words[i - 1];
  return PLACE_NAME_WORDS.has(words[i]) && i - 1 >= from && before !== COMMA && SENTENCE_WORDS.has(before) && !PLACE_NAME_WORDS.has(before);
}

/** The last run of number words in words[from, to), read as one number. */
function lastNumberRun(words: readonly string[], from: number, to: number): { start: number; end: number; digits: string } | undefined {
  for (let e = to; e > from; e--) {
    if (!isNumberToken(words, e - 1)) continue;
    const start = Math.max(numberRunStartBefore(words, e), from);
    const run = readNumberRun(words, start);
    if (run === undefined) return undefined;
    return { start, end: e, digits: joinGroups(run.groups) };
  }
  return undefined;
}

export function stripBack(words: readonly string[], floor: number, end: number, strip: ReadonlySet<string>): number {
  let e = end;
  while (e > floor && strip.has(words[e - 1])) e--;
  return e;
}
