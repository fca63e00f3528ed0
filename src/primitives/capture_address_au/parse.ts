import { isNumberToken, joinGroups, numberRunStartBefore, readNumberRun, type NumberGroup } from './numbers';
import { padPostcode } from './postcodes';
import { postcodeInLeadIn, readTail } from './tail';
import { BOX_PHRASES, CONNECTORS, POSTCODE_MARKERS, STREET_TYPES, TRAILING_WORDS, UNIT_SEPARATORS, UNIT_WORDS } from './vocabulary';
import type { AddressParts, Issue, SegmentReading } from './address-parts';
import { COMMA, isFigureLike, isPlaceWord, placeCase, stateEndingAt } from './words';

/**
 * Reads one self-correction segment of an address, by structure rather than
 * by a list of places:
 *
 *   [lead-in] [unit N /] NUMBER  NAME… TYPE  SUBURB… [STATE] [POSTCODE] [sign-off]
 *
 * The street ends at its type (Street, Road, …); the suburb is what lies
 * between the type and the state or postcode, which are read from the end.
 * So "Victoria Street, Hobart TAS" keeps Victoria in the street, and "Double
 * Bay" is a suburb, not a repeated digit. A segment may hold only part of an
 * address (a correction, or the answer to "and the postcode?").
 */

/** Words that, between two addresses, take the first one back (splitSelfCorrections does not split on them alone). */
const RETRACTING_WORDS: ReadonlySet<string> = new Set(['no', 'nah', 'nope', 'wait', 'rather', 'make', 'hang']);

/** What the previous prompt asked for: a bare number answers it. */
export type NumberHint = 'number' | 'postcode' | undefined;

export function parseSegment(words: readonly string[], hint?: NumberHint): SegmentReading {
  const orAt = words.indexOf('or');
  if (orAt > 0 && orAt < words.length - 1) return readAlternatives(words, orAt, hint);

  const start = findStart(words);
  if (start === undefined) return readWithoutNumber(words);

  // A number that ends the segment with only place words before it is a postcode ("fitzroy 3065").
  const numberPart = readNumberPart(words, start);
  const street = numberPart.box === undefined ? findStreet(words, numberPart.end) : undefined;
  if (street === undefined && numberPart.box === undefined && endsWithNumber(words, numberPart.end)) {
    if (words.slice(0, start).some(isPlaceWord)) return readWithoutNumber(words);
    return bareNumber(words, start, numberPart, hint);
  }

  const parts: AddressParts = { ...numberPart.parts };
  const issues: Issue[] = numberPart.issue ? [numberPart.issue] : [];
  if (street !== undefined) parts.streetName = street.name;
  const from = street?.end ?? numberPart.end;

  const second = findSecondStart(words, from);
  const tail = readTail(words, from, second ?? words.length);
  Object.assign(parts, tail.parts);
  parts.postcode ??= postcodeInLeadIn(words, start);
  issues.push(...tail.issues);
  if (second !== undefined) {
    const other = parseSegment(words.slice(second), hint);
    if (sameAddress(parts, other.parts)) return { parts: { ...other.parts, ...definedOnly(parts) }, issues: [...issues, ...other.issues] };
    // "12 Smith Street, no, 12 Smith Road, …": a bare "no" before the second one takes the first back.
    if (words.slice(from, second).some((w) => RETRACTING_WORDS.has(w))) return other;
    return { parts: {}, issues: [{ type: 'two-addresses' }] };
  }
  return { parts, issues };
}

/**
 * Where the address proper begins: a box, a unit, a level, a lot or a street
 * number. A number followed by a street wins over an earlier one that is not
 * ("I've been here 5 years, it's 12 Smith Street").
 */
function findStart(words: readonly string[]): number | undefined {
  let first: number | undefined;
  for (let i = 0; i < words.length; i++) {
    if (!isStartAt(words, i)) continue;
    first ??= i;
    const part = readNumberPart(words, i);
    if (part.box !== undefined || findStreet(words, part.end) !== undefined) return i;
    i = Math.max(i, part.end - 1);
  }
  return first;
}

function isStartAt(words: readonly string[], i: number): boolean {
  const box = boxAt(words, i);
  if (box !== undefined && isNumberStart(words, i + box[0])) return true;
  if ((UNIT_WORDS.has(words[i]) || words[i] === 'level' || words[i] === 'lot') && isNumberStart(words, i + 1)) return true;
  return isNumberStart(words, i);
}

function isNumberStart(words: readonly string[], i: number): boolean {
  return isFigureLike(words[i]) || (isNumberToken(words, i) && words[i] !== 'and');
}

function boxAt(words: readonly string[], i: number): readonly [number, string] | undefined {
  for (const [phrase, canonical] of BOX_PHRASES) {
    let ok = i + phrase.length <= words.length;
    for (let k = 0; k < phrase.length && ok; k++) ok = words[i + k] === phrase[k];
    if (ok) return [phrase.length, canonical];
  }
  return undefined;
}

interface HouseNumber {
  groups: NumberGroup[];
  /** A letter after the number: 12A. */
  suffix: string;
  end: number;
}

/** Reads "12", "12a", "12 a", "12-14", "one two", "forty two", "four fifty six". */
function readHouseNumber(words: readonly string[], i: number): HouseNumber | undefined {
  const w = words[i];
  let groups: NumberGroup[];
  let suffix = '';
  let end: number;
  if (w !== undefined && /^[0-9]+([a-z]|-[0-9]+[a-z]?)$/.test(w)) {
    groups = [{ digits: w.replace(/[a-z]$/, ''), figure: true }];
    suffix = /[a-z]$/.test(w) ? w.slice(-1).toUpperCase() : '';
    end = i + 1;
  } else {
    const run = readNumberRun(words, i);
    if (run === undefined) return undefined;
    groups = run.groups;
    end = run.end;
  }
  const next = words[end];
  if (suffix === '' && next !== undefined && /^[a-h]$/.test(next) && (isPlaceWord(words[end + 1]) || isNumberStart(words, end + 1))) {
    suffix = next.toUpperCase();
    end++;
  }
  return { groups, suffix, end };
}

/** Words between a unit and its street number: "unit 4, number 56", "unit 4 at 56". */
const SEPARATOR_WORDS: ReadonlySet<string> = new Set([COMMA, 'number', 'no', 'at', 'of']);

function skipSeparators(words: readonly string[], i: number): number {
  let j = i;
  while (j < words.length && (UNIT_SEPARATORS.has(words[j]) || SEPARATOR_WORDS.has(words[j]))) j++;
  return j;
}

interface NumberPart {
  parts: AddressParts;
  end: number;
  box?: string;
  issue?: Issue;
}

function readNumberPart(words: readonly string[], start: number): NumberPart {
  const box = boxAt(words, start);
  if (box !== undefined) {
    const run = readHouseNumber(words, start + box[0]);
    const digits = run !== undefined ? joinGroups(run.groups) + run.suffix : '';
    return { parts: { box: `${box[1]} ${digits}` }, end: run?.end ?? start + box[0], box: box[1] };
  }
  const keyword = words[start];
  if (UNIT_WORDS.has(keyword) || keyword === 'level' || keyword === 'lot') {
    const first = readHouseNumber(words, start + 1);
    if (first === undefined) return { parts: {}, end: start + 1 };
    if (keyword === 'lot') return { parts: { lot: joinGroups(first.groups) + first.suffix }, end: first.end };
    const label = keyword === 'level' ? 'level' : 'unit';
    // "unit four fifty six": the first group is the unit, the rest the street number.
    if (first.groups.length >= 2) {
      return {
        parts: { [label]: first.groups[0].digits, number: joinGroups(first.groups.slice(1)) + first.suffix },
        end: first.end,
      };
    }
    const after = skipSeparators(words, first.end);
    const second = readHouseNumber(words, after);
    const parts: AddressParts = { [label]: joinGroups(first.groups) + first.suffix };
    if (second === undefined) return { parts, end: first.end };
    if (label === 'level' && UNIT_WORDS.has(words[after])) return { parts, end: first.end };
    return { parts: { ...parts, number: joinGroups(second.groups) + second.suffix }, end: second.end };
  }

  const first = readHouseNumber(words, start);
  if (first === undefined) return { parts: {}, end: start + 1 };
  const after = skipSeparators(words, first.end);
  // "4 slash 56", "4/56"
  if (after > first.end && words.slice(first.end, after).some((w) => UNIT_SEPARATORS.has(w))) {
    const second = readHouseNumber(words, after);
    if (second !== undefined) {
      return {
        parts: { unit: joinGroups(first.groups) + first.suffix, number: joinGroups(second.groups) + second.suffix },
        end: second.end,
      };
    }
  }
  // "4 56 King Street" written as two figures: a pause the recogniser kept, so unit 4 at 56 or number 456.
  if (first.groups.length >= 2 && first.groups.every((g) => g.figure)) {
    const unit = first.groups[0].digits;
    const number = joinGroups(first.groups.slice(1)) + first.suffix;
    return { parts: {}, end: first.end, issue: { type: 'unit-or-number', unit, number } };
  }
  return { parts: { number: joinGroups(first.groups) + first.suffix }, end: first.end };
}

interface StreetMatch {
  name: string;
  end: number;
}

/**
 * The street name and type from `from`: the first street type after at least
 * one name word ("12 St Kilda Road" — St right after the number is Saint),
 * preferring a core type close behind a weaker one ("Kelvin Grove Road").
 * Without a type, a name the recogniser closed with a comma ("12 Broadway, Ultimo").
 */
function findStreet(words: readonly string[], from: number): StreetMatch | undefined {
  let j = from;
  while (words[j] === COMMA) j++;
  for (let t = j; t < words.length && t - j <= 6; t++) {
    const w = words[t];
    const type = STREET_TYPES.get(w);
    if (t > j && type !== undefined) {
      let at = t;
      if (!type.core) {
        for (let u = t + 1; u <= t + 2 && u < words.length && isPlaceWord(words[u]); u++) {
          if (STREET_TYPES.get(words[u])?.core === true) {
            at = u;
            break;
          }
        }
      }
      const name = placeCase(words.slice(j, at));
      return { name: `${name} ${STREET_TYPES.get(words[at])?.canonical ?? ''}`, end: at + 1 };
    }
    if (w === COMMA && t > j) return { name: placeCase(words.slice(j, t)), end: t + 1 };
    if (!isPlaceWord(w)) return undefined;
  }
  return undefined;
}

/** A street named without its number ("I live on Smith Street in Fitzroy"), then the rest. */
function readWithoutNumber(words: readonly string[]): SegmentReading {
  for (let t = 1; t < words.length; t++) {
    const type = STREET_TYPES.get(words[t]);
    if (type === undefined || !isPlaceWord(words[t - 1]) || STREET_TYPES.has(words[t - 1])) continue;
    let s = t - 1;
    while (s > 0 && t - s < 4 && isPlaceWord(words[s - 1])) s--;
    const street = findStreet(words, s);
    if (street === undefined) continue;
    const tail = readTail(words, street.end, words.length);
    return { parts: { streetName: street.name, ...tail.parts }, issues: tail.issues };
  }
  const tail = readTail(words, 0, words.length);
  // Without a street, a suburb must follow a lead-in ("it's in Fitzroy"), not come out of a sentence ("I don't have a fixed address").
  if (tail.parts.suburb !== undefined && !words.slice(0, tail.suburbStart).every((w) => SUBURB_LEAD_INS.has(w))) {
    delete tail.parts.suburb;
  }
  return { parts: tail.parts, issues: tail.issues };
}

/** Words with which a caller may say where they live: "I live in", "we're at", "it's in". */
const SUBURB_LEAD_INS: ReadonlySet<string> = new Set([
  'i',
  "i'm",
  'im',
  'we',
  "we're",
  'were',
  'live',
  'living',
  'lives',
  'reside',
  'based',
  'staying',
  'currently',
  'out',
  'it',
  "it's",
  'its',
  'is',
  'in',
  'at',
  'the',
  'suburb',
  'of',
  'yeah',
  'yes',
  'yep',
  'so',
  'well',
  'oh',
  'ah',
  'ok',
  'okay',
  "that's",
  'thats',
  'my',
  'our',
  'sure',
  'um',
  'and',
  'just',
  COMMA,
]);

/** Whether only a state, a sign-off or nothing follows `from`. */
function endsWithNumber(words: readonly string[], from: number): boolean {
  let end = words.length;
  for (;;) {
    const state = stateEndingAt(words, end, from);
    if (state !== undefined) {
      end -= state[1];
      continue;
    }
    if (end > from && (TRAILING_WORDS.has(words[end - 1]) || CONNECTORS.has(words[end - 1]))) {
      end--;
      continue;
    }
    break;
  }
  return end === from;
}

/** A lone number: the answer to "and the postcode?" or "what number?", or a correction of one. */
function bareNumber(words: readonly string[], start: number, numberPart: NumberPart, hint: NumberHint): SegmentReading {
  const tail = readTail(words, numberPart.end, words.length);
  const digits = numberPart.parts.number;
  const marked = words.slice(0, start).some((w) => POSTCODE_MARKERS.has(w));
  const saysNumber = words.slice(0, start).some((w) => w === 'number' || w === 'no');
  const asPostcode =
    digits !== undefined &&
    numberPart.parts.unit === undefined &&
    !saysNumber &&
    (marked || hint === 'postcode' || (hint === undefined && /^[0-9]{4}$/.test(digits)));
  if (asPostcode) {
    const postcode = padPostcode(digits);
    const parts: AddressParts = { ...tail.parts };
    if (postcode !== undefined) parts.postcode = postcode;
    return { parts, issues: postcode === undefined ? [{ type: 'bad-postcode', heard: digits }] : tail.issues };
  }
  return { parts: { ...numberPart.parts, ...tail.parts }, issues: numberPart.issue ? [numberPart.issue, ...tail.issues] : tail.issues };
}

/** Another address starting after the first one's street: a number (or unit) followed by a street. */
function findSecondStart(words: readonly string[], from: number): number | undefined {
  for (let m = from; m < words.length; m++) {
    if (!isNumberStart(words, m) && !(UNIT_WORDS.has(words[m]) && isNumberStart(words, m + 1))) continue;
    const numberPart = readNumberPart(words, m);
    if (findStreet(words, numberPart.end) !== undefined && (numberPart.parts.number !== undefined || numberPart.issue)) return m;
  }
  return undefined;
}

function sameAddress(a: AddressParts, b: AddressParts): boolean {
  const same = (x: string | undefined, y: string | undefined): boolean => x === undefined || y === undefined || x === y;
  return (
    a.number === b.number &&
    a.unit === b.unit &&
    a.streetName?.toLowerCase() === b.streetName?.toLowerCase() &&
    same(a.suburb?.toLowerCase(), b.suburb?.toLowerCase()) &&
    same(a.postcode, b.postcode) &&
    same(a.state, b.state)
  );
}

function definedOnly(parts: AddressParts): AddressParts {
  return Object.fromEntries(Object.entries(parts).filter(([, v]) => v !== undefined)) as AddressParts;
}

/**
 * "12 or 14 Smith Street …", "… 3065 or 3066": the rest of the address is
 * kept and the caller is asked which number. Anything else joined by "or" is
 * two addresses.
 */
function readAlternatives(words: readonly string[], orAt: number, hint: NumberHint): SegmentReading {
  const leftStart = numberRunStartBefore(words, orAt);
  const right = readNumberRun(words, orAt + 1) ?? (isFigureLike(words[orAt + 1]) ? readHouseNumber(words, orAt + 1) : undefined);
  if (leftStart < orAt && right !== undefined) {
    const left = readNumberRun(words, leftStart);
    const leftDigits = left !== undefined ? joinGroups(left.groups) : '';
    const rightDigits = joinGroups(right.groups);
    const rest = [...words.slice(0, orAt), ...words.slice(right.end)];
    const reading = parseSegment(rest, hint);
    if (leftDigits === rightDigits) return reading;
    if (reading.parts.postcode !== undefined && padPostcode(leftDigits) === reading.parts.postcode) {
      delete reading.parts.postcode;
      return { parts: reading.parts, issues: [{ type: 'alternatives', field: 'postcode', options: [leftDigits, rightDigits] }] };
    }
    delete reading.parts.number;
    return { parts: reading.parts, issues: [{ type: 'alternatives', field: 'number', options: [leftDigits, rightDigits] }] };
  }
  return { parts: {}, issues: [{ type: 'alternatives', options: [] }] };
}
