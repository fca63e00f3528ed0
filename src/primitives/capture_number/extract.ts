import { normaliseUtterance, splitSelfCorrections, tokens, withoutFillers } from '../spoken/normalise';
import {
  addDecimal,
  decimalOf,
  equalDecimal,
  findNumbers,
  formatDecimal,
  joinThousands,
  numberTokens,
  parseFigure,
  type Decimal,
  type NumberMention,
} from '../spoken/numbers';
import {
  APPROXIMATE_AFTER,
  APPROXIMATE_BEFORE,
  BOUND_AFTER,
  BOUND_BEFORE,
  INLINE_CORRECTIONS,
  NOT_NUMBERS,
  PRONOUN_BEFORE,
  UNIT_WORDS,
  VAGUE_WORDS,
  ZERO_PHRASES,
  ZERO_WORDS,
  type Unit,
} from './phrases';

export type { Unit } from './phrases';

/**
 * Turns what a caller said into one exact number, or explains why it cannot.
 * An answer that is not one exact number is never guessed: a range ("five or
 * six"), a hedge ("about twenty"), a bound ("over fifty"), a vague amount ("a
 * few", "heaps") or two different numbers are asked about. The last
 * self-correction wins.
 */
export type NumberExtraction =
  | { kind: 'value'; value: string; unit?: Unit }
  | { kind: 'ambiguous'; reason: string; ask: NumberAsk }
  | { kind: 'none'; reason: string; ask?: 'decimal' };

/** What to ask when the words do not give one exact number. */
export type NumberAsk =
  /** Two or more numbers were heard: which one? */
  | { type: 'which'; candidates: string[] }
  /** One number said as an estimate: is it exact? */
  | { type: 'approximate'; value: string }
  /** A vague amount or a bound: what is the exact number? */
  | { type: 'exact'; said: string }
  /**
   * A number cut off where more must follow ("four hundred and", "two
   * point"): never completed by guessing. `said` is the number so far,
   * `words` what was heard, kept so the rest can complete it next turn.
   */
  | { type: 'rest'; said: string; words: string };

interface SegmentReading {
  /** Distinct values heard, in order. */
  values: Decimal[];
  unit?: Unit;
  /** "about 20", "20 or so". */
  approximate: boolean;
  /** "over 20", "at least 20", "20 plus". */
  bound?: string;
  /** "a few", "heaps", "a couple of hundred". */
  vague?: string;
  /** "a third": no exact decimal. */
  inexact: boolean;
  /** The segment gives only part of a number: "point seven five", "and sixty". */
  fragment?: 'decimal' | 'tail';
}

/** Normalised words of an utterance, with figures split into words the number parser reads. */
export function numberWords(text: string): string[] {
  const normalised = joinThousands(text)
    // An ellipsis is a pause, like a comma.
    .replace(/\.{2,}|\u2026/g, ',')
    .split(/[,;]/)
    .map(normaliseUtterance)
    .filter((piece) => piece.length > 0)
    .join(` ${PAUSE} `)
    .replace(NOT_NUMBERS, ' ')
    .replace(/\bper cent\b/g, 'percent')
    .replace(/\ba (dollar|buck)\b/g, 'one $1');
  return numberTokens(withoutFillers(tokens(normalised.replace(/\s+/g, ' ').trim())));
}

export interface ExtractOptions {
  /** The value being corrected: lets a fragment ("point seven five", "and sixty") complete it. */
  previous?: string;
}

export function extractNumber(text: string, options: ExtractOptions = {}): NumberExtraction {
  const segments = splitSelfCorrections(numberWords(text).join(' ')).flatMap((s) => splitInline(tokens(s)));
  let current: { value: Decimal; reading: SegmentReading; spoken: boolean } | undefined;
  if (options.previous !== undefined) {
    const previous = parseFigure(options.previous);
    if (previous !== undefined) current = { value: previous, reading: emptyReading(), spoken: false };
  }
  let ambiguity: Extract<NumberExtraction, { kind: 'ambiguous' }> | undefined;
  let vague: SegmentReading | undefined;

  let cutOff: string[] | undefined;
  for (const words of segments) {
    const reading = readSegment(words);
    cutOff = endsCutOff(words) ? words.filter((w) => w !== PAUSE) : undefined;
    if (reading.values.length === 0) {
      if (reading.vague !== undefined) {
        vague = reading;
        ambiguity = undefined;
      }
      continue;
    }
    vague = undefined;
    if (reading.values.length > 1) {
      ambiguity = which('two different numbers in one answer', reading.values);
      current = undefined;
      continue;
    }
    const heard = reading.values[0];
    const combined = current === undefined ? undefined : combine(current.value, heard, reading.fragment, current.spoken);
    if (combined !== undefined && combined.length > 1) {
      ambiguity = which('a correction that may replace all or part of the number', combined);
      current = undefined;
      continue;
    }
    ambiguity = undefined;
    current = { value: combined?.[0] ?? heard, reading, spoken: true };
  }

  if (ambiguity !== undefined) return ambiguity;
  if (vague !== undefined)
    return { kind: 'ambiguous', reason: 'a vague amount, not a number', ask: { type: 'exact', said: vague.vague ?? '' } };
  if (current === undefined || !current.spoken) return { kind: 'none', reason: 'no number heard' };
  const { reading, value } = current;
  const canonical = formatDecimal(value);
  if (cutOff !== undefined && reading.values.length === 1) {
    return {
      kind: 'ambiguous',
      reason: 'a number cut off before its end',
      ask: { type: 'rest', said: canonical, words: cutOff.join(' ') },
    };
  }
  if (reading.vague !== undefined)
    return { kind: 'ambiguous', reason: 'a vague amount, not a number', ask: { type: 'exact', said: reading.vague } };
  if (reading.bound !== undefined) {
    return { kind: 'ambiguous', reason: 'a bound, not an exact number', ask: { type: 'exact', said: `${reading.bound} ${canonical}` } };
  }
  if (reading.approximate)
    return { kind: 'ambiguous', reason: 'an estimate, not an exact number', ask: { type: 'approximate', value: canonical } };
  if (reading.inexact) return { kind: 'none', reason: 'a fraction with no exact decimal', ask: 'decimal' };
  return reading.unit === undefined ? { kind: 'value', value: canonical } : { kind: 'value', value: canonical, unit: reading.unit };
}

function emptyReading(): SegmentReading {
  return { values: [], approximate: false, inexact: false };
}

function which(reason: string, values: readonly Decimal[]): Extract<NumberExtraction, { kind: 'ambiguous' }> {
  return { kind: 'ambiguous', reason, ask: { type: 'which', candidates: values.map(formatDecimal) } };
}

/**
 * What a correction makes of the number before it. A fragment completes it
 * ("three point five, sorry, point seven five" is 3.75). A smaller number after
 * a compound one may replace the whole or only its end ("two hundred and
 * fifty, sorry, sixty" is 60 or 260): both are returned, and the caller asked.
 */
function combine(previous: Decimal, heard: Decimal, fragment: SegmentReading['fragment'], sameUtterance: boolean): Decimal[] | undefined {
  if (fragment === 'decimal') {
    const whole = previous.scale === 0 ? previous.units : previous.units / 10n ** BigInt(previous.scale);
    return [addDecimal(decimalOf(whole), heard)];
  }
  if (previous.scale !== 0 || heard.scale !== 0 || previous.units < 0n || heard.units <= 0n) return undefined;
  let place = 10n;
  while (place <= heard.units) place *= 10n;
  const p = previous.units;
  const replaced = p - (p % place) + heard.units;
  if (fragment === 'tail') return p >= place ? [decimalOf(replaced)] : undefined;
  if (!sameUtterance || p < place || p % place === 0n || replaced === heard.units) return undefined;
  return [heard, decimalOf(replaced)];
}

/** Splits a segment at "no" / "make that" said between numbers ("twenty, no, thirty"). */
function splitInline(words: readonly string[]): string[][] {
  const out: string[][] = [];
  let start = 0;
  for (let i = 1; i < words.length; i++) {
    const marker = INLINE_CORRECTIONS.find((m) => matchesAt(words, i, m));
    if (marker === undefined) continue;
    // "no more than", "no less than" are bounds, not corrections.
    if (marker[0] === 'no' && ['more', 'less', 'fewer', 'idea', 'clue'].includes(words[i + 1] ?? '')) continue;
    if (findNumbers(words.slice(start, i)).length === 0) continue;
    out.push(words.slice(start, i));
    start = i + marker.length;
  }
  out.push(words.slice(start));
  return out.filter((s) => s.length > 0);
}

function matchesAt(words: readonly string[], i: number, phrase: readonly string[]): boolean {
  for (let k = 0; k < phrase.length; k++) if (words[i + k] !== phrase[k]) return false;
  return true;
}

/** Whether one of the phrases ends right before index `end` (skipping "a"/"it's" glue). */
function phraseBefore(words: readonly string[], end: number, phrases: ReadonlyArray<readonly string[]>): string | undefined {
  for (const phrase of phrases) {
    for (let gap = 0; gap <= 1; gap++) {
      const at = end - gap - phrase.length;
      if (at < 0) continue;
      if (gap === 1 && !['is', "it's", 'its', 'be', 'of', 'just'].includes(words[end - 1])) continue;
      if (matchesAt(words, at, phrase)) return phrase.join(' ');
    }
  }
  return undefined;
}

/** Words that may sit between a number and what qualifies it: "fifty bucks or so", "twenty people max". */
const BETWEEN_NUMBER_AND_QUALIFIER: ReadonlySet<string> = new Set([
  ...Object.keys(UNIT_WORDS),
  'people',
  'of',
  'them',
  'times',
  'years',
  'items',
]);

function phraseAfter(words: readonly string[], start: number, phrases: ReadonlyArray<readonly string[]>): string | undefined {
  const skip = BETWEEN_NUMBER_AND_QUALIFIER.has(words[start] ?? '');
  for (const phrase of phrases) {
    if (matchesAt(words, start, phrase) || (skip && matchesAt(words, start + 1, phrase))) return phrase.join(' ');
  }
  return undefined;
}

/** Words after which a number must go on: "four hundred and", "two point". */
const CONTINUING_WORDS: ReadonlySet<string> = new Set(['and', 'point']);

/** Whether a segment ends on a number followed by a word that needs more ("four hundred and"). */
function endsCutOff(said: readonly string[]): boolean {
  const words = said.filter((w) => w !== PAUSE);
  const last = words[words.length - 1];
  if (last === undefined || !CONTINUING_WORDS.has(last) || words.length < 2) return false;
  const before = words.slice(0, -1);
  return findNumbers(before).some((m) => m.end === before.length);
}

/** Where the recogniser wrote a comma: a pause, so "seven, seven" is not 77. */
const PAUSE = '_';

/** Reads one self-correction segment. */
function readSegment(said: readonly string[]): SegmentReading {
  const words: string[] = [];
  const pauses = new Set<number>();
  for (const w of said) {
    if (w === PAUSE) pauses.add(words.length);
    else words.push(w);
  }
  const reading = emptyReading();
  let mentions = findNumbers(words, pauses).filter(
    (m) =>
      !isPronounOne(words, m) &&
      words[m.start - 1] !== 'not' &&
      !(words[m.start - 2] === 'not' && words[m.start - 1] === 'even') &&
      // "nine out of ten": the ten is the scale, not the answer.
      !(words[m.start - 2] === 'out' && words[m.start - 1] === 'of'),
  );
  // "the third" answers with a number only when nothing else does.
  if (mentions.some((m) => m.form !== 'ordinal')) mentions = mentions.filter((m) => m.form !== 'ordinal');
  const heard = joinMoney(words, mentions);
  mentions = heard.map((h) => h.mention);

  const vague = words.find(
    (w, i) =>
      VAGUE_WORDS.has(w) ||
      /^\d+s$/.test(w) ||
      (w === 'lot' && words[i - 1] === 'a') ||
      (w === 'bit' && words[i - 1] === 'a' && mentions.length === 0),
  );
  if (vague !== undefined) reading.vague = vague;
  if (mentions.length === 0 && (words.some((w) => ZERO_WORDS.has(w)) || ZERO_PHRASES.test(words.join(' ')))) {
    reading.values.push(decimalOf(0));
    return reading;
  }
  if (mentions.length === 0 && reading.vague === undefined && words.includes('some') && words.length <= 3) reading.vague = 'some';

  for (const { mention: m, unit } of heard) {
    if (!reading.values.some((v) => equalDecimal(v, m.value))) reading.values.push(m.value);
    if (m.inexact === true) reading.inexact = true;
    if (phraseBefore(words, m.start, APPROXIMATE_BEFORE) !== undefined && !isLikeVerb(words, m.start)) reading.approximate = true;
    if (phraseAfter(words, m.end, APPROXIMATE_AFTER) !== undefined) reading.approximate = true;
    const bound = phraseBefore(words, m.start, BOUND_BEFORE) ?? phraseAfter(words, m.end, BOUND_AFTER);
    if (bound !== undefined) reading.bound = bound;
    if (unit !== undefined) reading.unit = unit;
  }
  const first = mentions[0];
  if (first !== undefined && mentions.length === 1) {
    if (words[first.start] === 'point') reading.fragment = 'decimal';
    else if (words[first.start - 1] === 'and' && first.start <= 2) reading.fragment = 'tail';
  }
  return reading;
}

/** "like" is a hedge ("like fifty") unless it is the verb ("I'd like five"). */
function isLikeVerb(words: readonly string[], start: number): boolean {
  const before = words[start - 2];
  return words[start - 1] === 'like' && before !== undefined && ["i'd", 'id', 'would', "we'd", 'i', 'we', "they'd"].includes(before);
}

/** "one" as a pronoun: "the other one", "that one", "the second one". */
function isPronounOne(words: readonly string[], m: NumberMention): boolean {
  if (m.end - m.start !== 1 || words[m.start] !== 'one') return false;
  // "just the one" is Australian for exactly one.
  if (words[m.start - 1] === 'the' && ['just', 'only'].includes(words[m.start - 2] ?? '')) return false;
  return PRONOUN_BEFORE.has(words[m.start - 1] ?? '');
}

function unitAround(words: readonly string[], m: NumberMention): Unit | undefined {
  return UNIT_WORDS[words[m.end] ?? ''] ?? UNIT_WORDS[words[m.start - 1] ?? ''];
}

/** Each number with the unit said beside it; "two dollars fifty" and "two dollars and fifty cents" are 2.5 dollars. */
function joinMoney(words: readonly string[], mentions: readonly NumberMention[]): Array<{ mention: NumberMention; unit?: Unit }> {
  const out: Array<{ mention: NumberMention; unit?: Unit }> = [];
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    const next = mentions[k + 1];
    const unit = UNIT_WORDS[words[m.end] ?? ''];
    if (unit === 'dollars' && next !== undefined && m.value.scale === 0 && next.value.scale === 0) {
      const gap = words.slice(m.end + 1, next.start);
      const cents = next.value.units;
      const followed = words[next.end];
      if (
        (gap.length === 0 || (gap.length === 1 && gap[0] === 'and')) &&
        cents > 0n &&
        cents < 100n &&
        (followed === undefined || followed === 'cents' || followed === 'cent')
      ) {
        out.push({ mention: { ...m, value: addDecimal(m.value, { units: cents, scale: 2 }), end: next.end }, unit: 'dollars' });
        k++;
        continue;
      }
    }
    out.push({ mention: m, unit: unitAround(words, m) });
  }
  return out;
}
