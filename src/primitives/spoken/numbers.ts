import { addDecimal, decimalOf, divideExact, multiplyDecimal, negateDecimal, parseFigure, type Decimal } from './decimal';
import {
  FRACTION_PLURAL,
  FRACTION_SINGULAR,
  isFractionPlural,
  isFractionSingular,
  isOrdinalUnit,
  isScaleValue,
  isTeenValue,
  isTensValue,
  isUnitValue,
  OH_WORDS,
  ORDINAL_TEENS,
  ORDINAL_UNITS,
  SCALE_VALUES,
  TEEN_VALUES,
  TENS_VALUES,
  UNIT_VALUES,
} from './number-words';

export * from './decimal';
export { joinThousands, numberTokens } from './number-tokens';
export { TEEN_VALUES, TENS_VALUES, UNIT_VALUES } from './number-words';

/**
 * Spoken numbers: cardinals in words ("two hundred and fifty", "fifteen
 * hundred"), figures ("1500", "2.5", "50k"), decimals ("three point five"),
 * fractions ("two and a half", "three quarters"), scales ("a grand", "1.5
 * million"), ordinals ("the third") and numbers said in groups ("one two
 * three", "nineteen ninety nine", "two fifty").
 */

// ---------------------------------------------------------------------------
// Parsing

export type NumberForm = 'cardinal' | 'digits' | 'ordinal' | 'fraction';

export interface NumberMention {
  value: Decimal;
  /** Token span [start, end) in the words given to findNumbers. */
  start: number;
  end: number;
  form: NumberForm;
  /**
   * How the number was said, for joining numbers said in groups: one digit
   * ("five", "5"), a pair from 10 to 99 ("fifty", "ninety nine"), or other.
   */
  shape: 'digit' | 'pair' | 'other';
  /** A fraction with no exact decimal ("a third"). */
  inexact?: boolean;
}

type Last = 'start' | 'a' | 'unit' | 'teen' | 'tens' | 'tensunit' | 'figure' | 'hundred' | 'scale' | 'and' | 'dozen';

interface IntegerPart {
  value: bigint;
  end: number;
  shape: NumberMention['shape'];
  /** The last scale word applied ("a million" → 1000000), 0 when none. */
  lastScale: bigint;
  /** Ended on a scale word, so a following "and a half" is half of that scale. */
  endsOnScale: boolean;
  ordinal: boolean;
}

const UNIT_AFTER: ReadonlySet<Last> = new Set(['start', 'tens', 'hundred', 'scale', 'and']);
const GROUP_START_AFTER: ReadonlySet<Last> = new Set(['start', 'hundred', 'scale', 'and']);
const MULTIPLIABLE: ReadonlySet<Last> = new Set(['a', 'unit', 'teen', 'tens', 'tensunit', 'figure']);

function isMultiplierWord(w: string | undefined): boolean {
  return w !== undefined && (w === 'hundred' || w === 'dozen' || isScaleValue(w));
}

function startsGroup(w: string | undefined): boolean {
  return w !== undefined && (isUnitValue(w) || isTeenValue(w) || isTensValue(w) || /^\d+$/.test(w) || isOrdinalUnit(w));
}

/**
 * Reads a whole number in words or figures starting at `i`: "two hundred and
 * fifty", "one thousand five hundred", "fifteen hundred", "a grand", "5
 * thousand", "two dozen", "twenty first".
 */
function parseInteger(words: readonly string[], i: number): IntegerPart | undefined {
  let total = 0n;
  let group = 0n;
  let last: Last = 'start';
  let lastScale = 0n;
  let hasHundred = false;
  let ordinal = false;
  let j = i;
  let kinds = '';
  while (j < words.length) {
    const w = words[j];
    // "two hundred, three hundred": a group that takes its own hundred starts a new number.
    if (hasHundred && words[j + 1] === 'hundred' && (isUnitValue(w) || isTeenValue(w) || isTensValue(w) || /^\d+$/.test(w))) break;
    if ((w === 'a' || w === 'an') && last === 'start') {
      if (!isMultiplierWord(words[j + 1])) break;
      group = 1n;
      last = 'a';
      j++;
      continue;
    }
    if (isUnitValue(w) && UNIT_AFTER.has(last)) {
      group += BigInt(UNIT_VALUES[w]);
      last = last === 'tens' ? 'tensunit' : 'unit';
      kinds += last === 'unit' ? 'u' : '';
      j++;
      continue;
    }
    if (isTeenValue(w) && GROUP_START_AFTER.has(last)) {
      group += BigInt(TEEN_VALUES[w]);
      last = 'teen';
      kinds += 't';
      j++;
      continue;
    }
    if (isTensValue(w) && GROUP_START_AFTER.has(last)) {
      group += BigInt(TENS_VALUES[w]);
      last = 'tens';
      kinds += 't';
      j++;
      continue;
    }
    if (/^\d+$/.test(w) && GROUP_START_AFTER.has(last)) {
      const n = BigInt(w);
      // After "hundred" or a scale, a figure fills the lower places only ("2 thousand 500").
      if (last !== 'start' && n >= (last === 'scale' ? lastScale : 100n)) break;
      group += n;
      last = 'figure';
      kinds += w.length === 1 ? 'u' : w.length === 2 && !w.startsWith('0') ? 't' : 'f';
      j++;
      continue;
    }
    if (w === 'hundred' && MULTIPLIABLE.has(last) && !hasHundred && group < 100n) {
      group = group * 100n;
      hasHundred = true;
      last = 'hundred';
      kinds += 'h';
      j++;
      continue;
    }
    if (w === 'dozen' && MULTIPLIABLE.has(last) && lastScale === 0n && !hasHundred) {
      group *= 12n;
      last = 'dozen';
      kinds += 'h';
      j++;
      break;
    }
    const scale = SCALE_VALUES[w];
    if (scale !== undefined && (MULTIPLIABLE.has(last) || last === 'hundred') && (lastScale === 0n || scale < lastScale)) {
      // "k" is also "okay": only a scale right after a number.
      total += group * scale;
      group = 0n;
      hasHundred = false;
      lastScale = scale;
      last = 'scale';
      kinds += 'h';
      j++;
      continue;
    }
    if (w === 'and' && (last === 'hundred' || last === 'scale') && startsGroup(words[j + 1])) {
      last = 'and';
      j++;
      continue;
    }
    const ordinalUnit = ORDINAL_UNITS[w];
    if (ordinalUnit !== undefined && UNIT_AFTER.has(last) && !(last === 'start' && isArticle(words[i - 1]))) {
      group += BigInt(ordinalUnit);
      ordinal = true;
      kinds += last === 'start' ? 'u' : '';
      last = 'unit';
      j++;
      break;
    }
    const ordinalTeen = ORDINAL_TEENS[w];
    if (ordinalTeen !== undefined && GROUP_START_AFTER.has(last) && !(last === 'start' && isArticle(words[i - 1]))) {
      group = ordinalTeen === 100 ? (group === 0n ? 100n : group * 100n) : group + BigInt(ordinalTeen);
      ordinal = true;
      kinds += 't';
      last = 'teen';
      j++;
      break;
    }
    break;
  }
  if (last === 'start' || last === 'a') return undefined;
  const shape: NumberMention['shape'] = kinds === 'u' ? 'digit' : kinds === 't' ? 'pair' : 'other';
  return { value: total + group, end: j, shape, lastScale, endsOnScale: last === 'scale' || last === 'dozen', ordinal };
}

function isArticle(w: string | undefined): boolean {
  // "a second" is a moment, not the number 2; "a fifth" is a fraction, read elsewhere.
  return w === 'a' || w === 'an' || w === 'per' || w === 'every';
}

/** Digits after "point": "three point one four", "point oh five", "2 point 75". */
function parseDecimalDigits(words: readonly string[], j: number): { digits: string; end: number } | undefined {
  let digits = '';
  let k = j;
  while (k < words.length) {
    const w = words[k];
    if (isUnitValue(w)) digits += String(UNIT_VALUES[w]);
    else if (OH_WORDS.has(w)) digits += '0';
    else if (/^\d+$/.test(w)) digits += w;
    else if (isTeenValue(w)) digits += String(TEEN_VALUES[w]);
    else if (isTensValue(w)) {
      const unit = UNIT_VALUES[words[k + 1] ?? ''];
      if (unit !== undefined && unit > 0) {
        digits += String(TENS_VALUES[w] + unit);
        k++;
      } else digits += String(TENS_VALUES[w]);
    } else break;
    k++;
  }
  return digits.length > 0 ? { digits, end: k } : undefined;
}

/** "and a half" / "and a quarter" / "and three quarters" at j: the fraction and where it ends. */
function parseFractionTail(words: readonly string[], j: number): { value: Decimal; inexact: boolean; end: number } | undefined {
  if (words[j] !== 'and') return undefined;
  return parseFraction(words, j + 1);
}

/** "a half", "a quarter", "one third", "three quarters" at j. */
function parseFraction(words: readonly string[], j: number): { value: Decimal; inexact: boolean; end: number } | undefined {
  const first = words[j];
  const second = words[j + 1];
  if (first === undefined || second === undefined) return undefined;
  let numerator: bigint | undefined;
  let denominator: bigint | undefined;
  if ((first === 'a' || first === 'an' || first === 'one') && isFractionSingular(second)) {
    numerator = 1n;
    denominator = FRACTION_SINGULAR[second];
  } else if ((isUnitValue(first) || /^\d$/.test(first)) && isFractionPlural(second)) {
    numerator = BigInt(isUnitValue(first) ? UNIT_VALUES[first] : Number(first));
    denominator = FRACTION_PLURAL[second];
  }
  if (numerator === undefined || denominator === undefined) return undefined;
  const value = divideExact(decimalOf(numerator), denominator);
  return { value: value ?? decimalOf(0), inexact: value === undefined, end: j + 2 };
}

/** Reads one number starting at word i, or undefined. */
function parseAt(words: readonly string[], i: number): NumberMention | undefined {
  const w = words[i];
  if (w === 'minus' || w === 'negative') {
    const rest = parseAt(words, i + 1);
    if (rest === undefined || rest.form === 'ordinal') return undefined;
    return { ...rest, value: negateDecimal(rest.value), start: i, shape: 'other' };
  }

  // "half", "half a million", "half a dozen"
  if (w === 'half') {
    const article = words[i + 1];
    const scaleWord = words[i + 2];
    if ((article === 'a' || article === 'an') && scaleWord !== undefined && isMultiplierWord(scaleWord)) {
      const scale = scaleWord === 'hundred' ? 100n : scaleWord === 'dozen' ? 12n : SCALE_VALUES[scaleWord];
      return mention({ units: scale * 5n, scale: 1 }, i, i + 3, 'cardinal', 'other');
    }
    return mention({ units: 5n, scale: 1 }, i, i + 1, 'fraction', 'other');
  }

  // "a quarter", "one third", "three quarters" (a fraction on its own)
  const fraction = parseFraction(words, i);
  if (fraction !== undefined) {
    const scaled = applyScale(words, fraction.end, fraction.value);
    const m = mention(scaled.value, i, scaled.end, scaled.end > fraction.end ? 'cardinal' : 'fraction', 'other');
    return fraction.inexact ? { ...m, inexact: true } : m;
  }

  let value: Decimal;
  let end: number;
  let shape: NumberMention['shape'];
  let lastScale = 0n;
  let endsOnScale = false;
  const form: NumberForm = 'cardinal';

  const decimalFigure = /^\d*\.\d+$/.test(w) ? parseFigure(w) : undefined;
  if (decimalFigure !== undefined) {
    value = decimalFigure;
    end = i + 1;
    shape = 'other';
  } else if (w === 'point' && parseDecimalDigits(words, i + 1) !== undefined) {
    const digits = parseDecimalDigits(words, i + 1);
    if (digits === undefined) return undefined;
    value = parseFigure(`.${digits.digits}`) ?? decimalOf(0);
    end = digits.end;
    shape = 'other';
  } else {
    // "1/2", "3/4" written as figures
    const written = /^(\d+)\/(\d+)$/.exec(w);
    if (written !== null) {
      const exact = divideExact(decimalOf(BigInt(written[1])), BigInt(written[2]));
      const m = mention(exact ?? decimalOf(0), i, i + 1, 'fraction', 'other');
      return exact === undefined ? { ...m, inexact: true } : m;
    }
    const ordinalFigure = /^(\d+)(st|nd|rd|th)$/.exec(w);
    if (ordinalFigure !== null) return mention(decimalOf(BigInt(ordinalFigure[1])), i, i + 1, 'ordinal', 'other');
    const integer = parseInteger(words, i);
    if (integer === undefined) return undefined;
    if (integer.ordinal) return mention(decimalOf(integer.value), i, integer.end, 'ordinal', integer.shape);
    value = decimalOf(integer.value);
    end = integer.end;
    shape = integer.shape;
    lastScale = integer.lastScale;
    endsOnScale = integer.endsOnScale;

    // "three quarters", "two thirds": a cardinal counting fractions
    const plural = FRACTION_PLURAL[words[end] ?? ''];
    const singular = integer.value === 1n && !endsOnScale ? FRACTION_SINGULAR[words[end] ?? ''] : undefined;
    const denominator = lastScale === 0n && !endsOnScale ? (plural ?? singular) : undefined;
    if (denominator !== undefined) {
      const exact = divideExact(value, denominator);
      const m = mention(exact ?? value, i, end + 1, 'fraction', 'other');
      return exact === undefined ? { ...m, inexact: true } : m;
    }

    // "three point five", "one point oh five"
    if (words[end] === 'point') {
      const digits = parseDecimalDigits(words, end + 1);
      if (digits !== undefined && !endsOnScale) {
        value = addDecimal(value, parseFigure(`.${digits.digits}`) ?? decimalOf(0));
        end = digits.end;
        shape = 'other';
      }
    }
  }

  // "two and a half", "a million and a half", "a dozen and a half"
  const tail = parseFractionTail(words, end);
  let inexact = false;
  if (tail !== undefined) {
    const scaleOfTail = endsOnScale ? decimalOf(lastScale === 0n ? 12n : lastScale) : decimalOf(1);
    value = addDecimal(value, multiplyDecimal(tail.value, scaleOfTail));
    inexact = tail.inexact;
    end = tail.end;
    shape = 'other';
  }

  // "1.5 million", "two and a half thousand", "fifty k"
  if (lastScale === 0n && !endsOnScale) {
    const scaled = applyScale(words, end, value);
    if (scaled.end > end) shape = 'other';
    value = scaled.value;
    end = scaled.end;
  }
  const m = mention(value, i, end, form, shape);
  return inexact ? { ...m, inexact: true } : m;
}

function applyScale(words: readonly string[], j: number, value: Decimal): { value: Decimal; end: number } {
  const w = words[j];
  if (w === undefined) return { value, end: j };
  const scale = w === 'hundred' ? 100n : w === 'dozen' ? 12n : SCALE_VALUES[w];
  if (scale === undefined) return { value, end: j };
  return { value: multiplyDecimal(value, decimalOf(scale)), end: j + 1 };
}

function mention(value: Decimal, start: number, end: number, form: NumberForm, shape: NumberMention['shape']): NumberMention {
  return { value, start, end, form, shape };
}

/**
 * Every number in the words, left to right, with numbers said in groups
 * joined: "one two three" is 123, "nineteen ninety nine" is 1999, "two fifty"
 * is 250, "one oh five" is 105. Numbers that cannot be one number when joined
 * ("twenty twenty five", "five hundred six hundred"), or with a pause between
 * them, stay separate.
 */
export function findNumbers(words: readonly string[], pauses: ReadonlySet<number> = NO_PAUSES): NumberMention[] {
  const found: NumberMention[] = [];
  let i = 0;
  while (i < words.length) {
    const m = parseAt(words, i);
    if (m !== undefined && m.end > i) {
      found.push(m);
      i = m.end;
    } else {
      i++;
    }
  }
  return joinGroups(found, words, pauses);
}

const NO_PAUSES: ReadonlySet<number> = new Set();

/** A piece of a number said in groups: a mention, or an "oh" between them. */
interface GroupPiece {
  digits: string;
  kind: 'digit' | 'pair' | 'oh';
  start: number;
  end: number;
}

/** `pauses`: word indexes the caller paused before (a comma): "seven, seven" is said twice, not 77. */
function joinGroups(found: readonly NumberMention[], words: readonly string[], pauses: ReadonlySet<number>): NumberMention[] {
  const out: NumberMention[] = [];
  let k = 0;
  while (k < found.length) {
    const run: NumberMention[] = [found[k]];
    let end = found[k].end;
    let j = k + 1;
    while (
      j < found.length &&
      !pauses.has(found[j].start) &&
      (found[j].start === end || (found[j].start === end + 1 && OH_WORDS.has(words[end]) && !pauses.has(end)))
    ) {
      run.push(found[j]);
      end = found[j].end;
      j++;
    }
    const joined = run.length > 1 ? joinRun(run) : undefined;
    if (joined !== undefined) {
      out.push(joined);
      k = j;
    } else {
      out.push(found[k]);
      k++;
    }
  }
  return out;
}

/** Joins a run of adjacent numbers said in groups, or undefined when they are separate numbers. */
function joinRun(run: readonly NumberMention[]): NumberMention | undefined {
  const pieces: GroupPiece[] = [];
  for (const m of run) {
    if (m.form !== 'cardinal' || m.shape === 'other' || m.value.scale !== 0 || m.value.units < 0n) return undefined;
    const previous = pieces[pieces.length - 1];
    if (previous !== undefined && m.start === previous.end + 1) pieces.push({ digits: '0', kind: 'oh', start: previous.end, end: m.start });
    const digits = m.value.units.toString();
    pieces.push({
      digits: m.shape === 'digit' ? digits : digits.padStart(2, '0'),
      kind: m.shape === 'digit' ? 'digit' : 'pair',
      start: m.start,
      end: m.end,
    });
  }
  const allDigits = pieces.every((p) => p.kind !== 'pair');
  // "nineteen ninety nine", "two fifty", "nineteen oh five": a first group up to 19, then pairs.
  const first = pieces[0];
  const leadsGroups = (first.kind === 'digit' || (first.kind === 'pair' && Number(first.digits) <= 19)) && first.digits !== '0';
  let groupsOk = leadsGroups;
  for (let p = 1; p < pieces.length && groupsOk; p++) {
    const piece = pieces[p];
    if (piece.kind === 'pair') continue;
    // "oh five" makes a pair; a lone digit after a pair does not ("twenty five three").
    if (piece.kind === 'oh' && pieces[p + 1]?.kind === 'digit') {
      p++;
      continue;
    }
    groupsOk = false;
  }
  if (!allDigits && !groupsOk) return undefined;
  const digits = pieces.map((p) => p.digits).join('');
  return { value: decimalOf(BigInt(digits)), start: run[0].start, end: run[run.length - 1].end, form: 'digits', shape: 'other' };
}
