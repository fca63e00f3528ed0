import { DIGIT_WORDS, isDigitWord, isTeenWord, isTensWord, TEEN_WORDS, TENS_WORDS, WEAK_DIGIT_WORDS } from '../spoken/characters';
import { isUnitValue } from '../spoken/number-words';
import { normaliseUtterance, splitSelfCorrections, tokens, withoutFillers } from '../spoken/normalise';
import { UNIT_VALUES } from '../spoken/numbers';

/**
 * Reads the digits a caller said for a phone number: "oh four one two",
 * "zero four nine one", "0412 345 678", "double four", "triple oh",
 * "eighteen hundred", "thirteen twenty two twenty one", "plus six one".
 *
 * Words that sound like digits but are ordinary English ("to", "for",
 * "won", "ate") count only inside a run of digits; "oh" counts next to a
 * digit. At the edges of a run they are optional, and the reader keeps them
 * only when that makes a valid number (see Cluster.variants).
 */

/** How sure we are that a word was meant as a digit. */
type Strength = 'strong' | 'oh' | 'weak';

interface DigitItem {
  kind: 'digits';
  digits: string;
  /** The words it was read from. */
  said: string;
  strength: Strength;
  /** Said after a pause (a comma): "oh" here is not tied to the digit before it. */
  pauseBefore?: boolean;
}

type Item = DigitItem | { kind: 'plus' } | { kind: 'pause' } | { kind: 'word'; word: string };

/** Where the recogniser wrote a comma: a pause between groups ("five seventy, one fifty six"). */
const PAUSE = '_';

/** A run of digits said together, and the words said before it. */
export interface Cluster {
  /** Digit strings that the run may stand for, most likely first (optional edge words left out first). */
  variants: string[];
  /** Said after "plus", "country code" or as 0011: the digits start with a country code. */
  international: boolean;
  /** Words between the previous run (or the segment start) and this one. */
  before: string[];
  /** A place in the number named right beside this run: "the last three are …", "… at the end". */
  position?: Position;
  /** How many digits the caller said the run has: "the last three are …" is 3. */
  count?: number;
}

/** A position word near a run: "the last three are …", "… at the end", "starts with …". */
export type Position = 'start' | 'end' | 'middle' | 'area';

export interface SegmentDigits {
  clusters: Cluster[];
  /** Words after the last run. */
  after: string[];
}

/** Splits an utterance into self-correction segments (the last one wins) and reads the runs of digits in each. */
export function readDigitSegments(text: string): SegmentDigits[] {
  // Each rewrite runs only when the character it needs is there.
  let normalised = (text.includes('..') || text.includes('\u2026') ? text.replace(/\.{2,}|\u2026/g, ',') : text) // an ellipsis is a pause, like a comma
    .split(/[,;]/)
    .map(normaliseUtterance)
    .filter((piece) => piece.length > 0)
    .join(` ${PAUSE} `);
  // "0412-345-678", "0412.345.678", "04/1234/5678": separators inside figures
  if (normalised.includes('-') || normalised.includes('.') || normalised.includes('/'))
    normalised = normalised.replace(/(\d)[-./](?=\d)/g, '$1 ');
  if (normalised.includes('+')) normalised = normalised.replace(/\+(?=\d)/g, '+ ');
  // "twenty-two"
  if (normalised.includes('-')) normalised = normalised.replace(/([a-z])-(?=[a-z])/g, '$1 ');
  // "O412 345 678": the letter O written for a leading zero
  if (/o\d/.test(normalised)) normalised = normalised.replace(/\bo(?=\d{2,}\b)/g, '0');
  const segments: SegmentDigits[] = [];
  for (const segment of splitSelfCorrections(normalised)) {
    for (const words of splitAtNo(withoutFillers(tokens(segment)))) {
      if (words.some((w) => w !== PAUSE)) segments.push(readSegmentDigits(words));
    }
  }
  return segments;
}

/**
 * Words that take back the digits said before them: "… six seven eight no six
 * seven nine"; "it used to be 0412 …, but now it's 0413 …".
 */
const TAKE_BACK: ReadonlyArray<readonly string[]> = [
  ['no'],
  ['nah'],
  ['nope'],
  ['oops'],
  ['whoops'],
  ['but', 'now'],
  ['now', "it's"],
  ['now', 'its'],
  ['new', 'number', 'is'],
  ['new', 'one', 'is'],
  ['changed', 'to'],
  ['changed', 'it', 'to'],
];

/** The first words of TAKE_BACK: only at one of them can a marker start. */
const TAKE_BACK_STARTS: ReadonlySet<string> = new Set(TAKE_BACK.map((m) => m[0]));

function splitAtNo(words: readonly string[]): string[][] {
  const out: string[][] = [];
  let start = 0;
  for (let i = 0; i < words.length; i++) {
    if (!TAKE_BACK_STARTS.has(words[i])) continue;
    const marker = TAKE_BACK.find((m) => m.every((w, k) => words[i + k] === w));
    if (marker !== undefined && i > start && hasDigit(words.slice(start, i))) {
      out.push(words.slice(start, i));
      start = i + marker.length;
      i = start - 1;
    }
  }
  out.push(words.slice(start));
  return out.filter((s) => s.length > 0);
}

function hasDigit(words: readonly string[]): boolean {
  return words.some((w) => /^\d+$/.test(w) || (isDigitWord(w) && !WEAK_DIGIT_WORDS.has(w)) || isTeenWord(w) || isTensWord(w));
}

const POSITION_WORDS: ReadonlyArray<readonly [RegExp, Position]> = [
  [/\b(?:end|ending|ends|last|final|finish|finishes)\b/, 'end'],
  [/\b(?:start|starts|starting|begin|begins|beginning|first|front)\b/, 'start'],
  [/\bmiddle\b/, 'middle'],
  [/\barea code\b/, 'area'],
];

/** Words after which a number word counts digits instead of being one: "the last three are …". */
const COUNTING_WORDS: ReadonlySet<string> = new Set(['last', 'first', 'final', 'middle', 'next', 'other']);

function readSegmentDigits(words: readonly string[]): SegmentDigits {
  const items = toItems(words);
  const clusters: Cluster[] = [];
  let before: string[] = [];
  let run: Item[] = [];
  const flush = (): void => {
    const cluster = toCluster(run, before);
    if (cluster !== undefined) {
      clusters.push(cluster);
      before = [];
    } else {
      // A run with no certain digit ("to", "for") is just words.
      for (const item of run) if (item.kind === 'digits' || item.kind === 'plus') before.push(item.kind === 'plus' ? 'plus' : item.said);
    }
    run = [];
  };
  let paused = false;
  for (const item of items) {
    if (item.kind === 'pause') {
      // "not 0491, 0492": after a negated group, a pause ends the group.
      if (run.length > 0 && /\bnot$/.test(before.join(' '))) flush();
      paused = true;
      continue;
    }
    if (item.kind === 'digits' && paused) item.pauseBefore = true;
    paused = false;
    if (item.kind === 'word') {
      if (run.length > 0) flush();
      before.push(item.word);
    } else {
      // "plus" starts a new run.
      if (item.kind === 'plus' && run.length > 0) flush();
      run.push(item);
    }
  }
  if (run.length > 0) flush();
  clusters.forEach((cluster, k) => {
    const near = [...cluster.before.slice(-6), ...(clusters[k + 1]?.before ?? before).slice(0, 3)].join(' ');
    cluster.position = POSITION_WORDS.find(([pattern]) => pattern.test(near))?.[1];
    const counted = /\b(?:last|first|final) (\w+)(?: digits?| numbers?)? (?:are|is|should be|were)\b/.exec(
      cluster.before.slice(-5).join(' '),
    )?.[1];
    const count = counted === undefined ? undefined : /^\d$/.test(counted) ? Number(counted) : UNIT_VALUES[counted];
    if (count !== undefined && count > 0) cluster.count = count;
  });
  return { clusters, after: before };
}

function toItems(words: readonly string[]): Item[] {
  const items: Item[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const next = words[i + 1];
    if (w === PAUSE) {
      items.push({ kind: 'pause' });
      continue;
    }
    if ((w === 'plus' || w === '+') && next !== undefined && startsDigits(next)) {
      items.push({ kind: 'plus' });
      continue;
    }
    if (w === 'country' && next === 'code' && words[i + 2] !== undefined && startsDigits(words[i + 2])) {
      items.push({ kind: 'plus' });
      i++;
      continue;
    }
    // "the last three are …": a count, not a digit.
    if (COUNTING_WORDS.has(words[i - 1] ?? '') && (isUnitValue(w) || /^\d$/.test(w)) && w !== 'zero') {
      items.push({ kind: 'word', word: w });
      continue;
    }
    if ((w === 'double' || w === 'triple' || w === 'treble') && next !== undefined) {
      const single = singleDigit(next);
      if (single !== undefined) {
        items.push({ kind: 'digits', digits: single.repeat(w === 'double' ? 2 : 3), said: `${w} ${next}`, strength: 'strong' });
        i++;
        continue;
      }
    }
    if (/^\d+$/.test(w)) {
      items.push({ kind: 'digits', digits: w, said: w, strength: 'strong' });
      continue;
    }
    if (isTeenWord(w)) {
      items.push({ kind: 'digits', digits: TEEN_WORDS[w], said: w, strength: 'strong' });
      continue;
    }
    if (isTensWord(w)) {
      const unit = next !== undefined && isUnitValue(next) && UNIT_VALUES[next] > 0 ? String(UNIT_VALUES[next]) : undefined;
      items.push({
        kind: 'digits',
        digits: TENS_WORDS[w] + (unit ?? '0'),
        said: unit === undefined ? w : `${w} ${next}`,
        strength: 'strong',
      });
      if (unit !== undefined) i++;
      continue;
    }
    if ((w === 'hundred' || w === 'thousand') && lastIsDigits(items)) {
      i = readHundred(words, i, items);
      continue;
    }
    if (isDigitWord(w)) {
      const strength: Strength = w === 'oh' || w === 'o' ? 'oh' : WEAK_DIGIT_WORDS.has(w) ? 'weak' : 'strong';
      items.push({ kind: 'digits', digits: DIGIT_WORDS[w], said: w, strength });
      continue;
    }
    items.push({ kind: 'word', word: w });
  }
  return items;
}

/**
 * "eighteen hundred" is 1800 and "one three hundred" 1300; "three hundred and
 * forty five" is 345. Returns the index of the last word read.
 */
function readHundred(words: readonly string[], i: number, items: Item[]): number {
  const zeros = words[i] === 'hundred' ? '00' : '000';
  const afterAnd = words[i + 1] === 'and' ? i + 2 : i + 1;
  const rest = words[afterAnd];
  const previous = items[items.length - 1] as DigitItem;
  if (zeros === '00' && rest !== undefined && (isTeenWord(rest) || isTensWord(rest))) {
    // The tens that follow fill the last two places: read them as the next item.
    return afterAnd - 1;
  }
  if (zeros === '00' && afterAnd === i + 2 && rest !== undefined && isUnitValue(rest)) {
    previous.digits += '0';
    return i + 1;
  }
  previous.digits += zeros;
  return i;
}

function lastIsDigits(items: readonly Item[]): boolean {
  const last = items[items.length - 1];
  return last !== undefined && last.kind === 'digits' && last.strength === 'strong';
}

function startsDigits(w: string): boolean {
  return /^\d/.test(w) || isUnitValue(w) || w === 'oh' || isTeenWord(w) || isTensWord(w) || w === 'double' || w === 'triple';
}

function singleDigit(w: string): string | undefined {
  if (/^\d$/.test(w)) return w;
  return isDigitWord(w) ? DIGIT_WORDS[w] : undefined;
}

/**
 * Resolves the uncertain words of a run: "oh" next to a digit is zero; "to",
 * "for" between digits are digits. Uncertain words at the run's edges become
 * optional, giving the variants the run may stand for.
 */
function toCluster(run: readonly Item[], before: readonly string[]): Cluster | undefined {
  const international = run[0]?.kind === 'plus';
  const digits = run.filter((item): item is DigitItem => item.kind === 'digits');
  if (digits.length === 0) return undefined;
  const certain = digits.map((item, k) => {
    if (item.strength === 'strong') return true;
    const before = digits[k - 1];
    const after = digits[k + 1];
    const strongNeighbour =
      (before?.strength === 'strong' && item.pauseBefore !== true) || (after?.strength === 'strong' && after.pauseBefore !== true);
    return item.strength === 'oh' && strongNeighbour;
  });
  const first = certain.indexOf(true);
  const last = certain.lastIndexOf(true);
  if (first < 0) return undefined;
  const core = digits
    .slice(first, last + 1)
    .map((d) => d.digits)
    .join('');
  const lead = digits.slice(0, first).map((d) => d.digits);
  const trail = digits.slice(last + 1).map((d) => d.digits);
  const variants: string[] = [];
  for (let total = 0; total <= lead.length + trail.length; total++) {
    for (let l = Math.min(total, lead.length); l >= 0; l--) {
      const t = total - l;
      if (t > trail.length) continue;
      variants.push(lead.slice(lead.length - l).join('') + core + trail.slice(0, t).join(''));
    }
  }
  return { variants, international, before: [...before] };
}

/** A single cluster's digits, joined with another's (for runs split by words: "oh two, and then 5550 1234"). */
export function joinClusters(a: Cluster, b: Cluster): Cluster {
  const variants: string[] = [];
  for (const x of a.variants) for (const y of b.variants) variants.push(x + y);
  return { variants, international: a.international, before: a.before };
}
