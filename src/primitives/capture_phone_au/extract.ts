import { joinClusters, readDigitSegments, type Cluster, type Position, type SegmentDigits } from './digits';
import { continueDigits, replaceGroup, type CorrectionResult } from './corrections';
import { normaliseUtterance } from '../spoken/normalise';
import { areaCodeOfPlace, hasCompleteShape, interpretDigits, type Interpretation, type Phone } from './numbering';

/**
 * Turns what a caller said into an Australian phone number, or explains why
 * it cannot. Two different numbers are asked about, never chosen between;
 * the last self-correction wins, and a correction may restate only a group
 * ("0412 345 678, sorry, 679 at the end").
 */
export type PhoneExtraction =
  | { kind: 'value'; phone: Phone }
  | { kind: 'ambiguous'; reason: string; ask: PhoneAsk }
  /** Part of a number: the rest, or the area code, is asked for. */
  | { kind: 'partial'; digits: string; need: 'rest' | 'area' }
  /** `conflict`: a correction that disagrees with itself or with the number it corrects. */
  | { kind: 'none'; reason: string; problem?: Problem; conflict?: true };

export type PhoneAsk =
  /** Two or more numbers were heard. */
  | { type: 'which'; phones: Phone[] }
  /** One number and another that could not be read. */
  | { type: 'which-other'; phone: Phone }
  /** A corrected group that fits more than one place in the number. */
  | { type: 'which-group'; digits: string; correction: string; options: Position[] }
  /** A correction of this number that cannot be applied ("ends in 789 not 788" when it ends in 678): the right number is asked for. */
  | { type: 'which-digits'; phone: Phone };

/** Why no number can be taken, for the prompt. */
export type Problem = 'emergency' | 'premium' | 'foreign' | 'too-long' | 'no-trunk' | 'invalid';

interface Reading {
  interpretation: Interpretation;
  cluster: Cluster;
  /** Said after "not" / "instead of": the part being replaced. */
  negated: boolean;
}

interface SegmentReading {
  phones: Phone[];
  /** A run that could not be read as a number: the most telling one. */
  leftover?: Reading;
  /** Long runs (8+ digits) that are not a valid number and not part of one heard. */
  otherNumbers: number;
  /** A group restated after the number with its place named: "0412 345 678, the last three are 679". */
  restated?: CorrectionResult;
  /** A restatement that disagrees with itself or the number: "the last three are 4 5", "ends in 789 not 788" after 678. */
  conflict?: true;
  negated: string[];
}

/** What the utterance so far has given. */
type Current = { kind: 'phone'; phone: Phone } | { kind: 'digits'; digits: string } | undefined;

/** Gap words that join two runs of one number ("oh two, and then 5550 1234"). */
const BREAKING_WORDS: ReadonlySet<string> = new Set([
  'or',
  'not',
  'either',
  'otherwise',
  'also',
  'else',
  'alternatively',
  'another',
  'instead',
  'second',
  'other',
  'plus',
  // unsure of what comes next: the caller is not joining the groups
  'remember',
  'forget',
  'forgot',
  'sure',
  'know',
]);

export function extractPhone(text: string, previous?: Phone): PhoneExtraction {
  const segments = readDigitSegments(text);
  let current: Current = previous === undefined ? undefined : { kind: 'phone', phone: previous };
  let fromPrevious = previous !== undefined;
  let ambiguity: Extract<PhoneExtraction, { kind: 'ambiguous' }> | undefined;
  let problem: Reading | undefined;
  /** A correction named digits as wrong that are not in the number: asked about, never applied. */
  let conflict = false;

  for (const segment of segments) {
    const reading = readSegment(segment);
    const phones = reading.phones;
    if (phones.length > 1) {
      ambiguity = { kind: 'ambiguous', reason: 'two different phone numbers in one answer', ask: { type: 'which', phones } };
      current = undefined;
      continue;
    }
    if (phones.length === 1) {
      if (reading.otherNumbers > 0) {
        ambiguity = { kind: 'ambiguous', reason: 'a second number that could not be read', ask: { type: 'which-other', phone: phones[0] } };
        current = undefined;
        continue;
      }
      current = { kind: 'phone', phone: phones[0] };
      fromPrevious = false;
      ambiguity = undefined;
      problem = undefined;
      if (reading.conflict === true) conflict = true;
      if (reading.restated !== undefined) ({ current, ambiguity } = afterCorrection(reading.restated, current));
      continue;
    }
    const swap = current?.kind === 'phone' ? swapNegated(current.phone.digits, reading) : undefined;
    if (swap === 'not-heard') {
      // "ends in 789, not 788" when 678 was heard: which digits the caller means is not known.
      conflict = true;
      continue;
    }
    if (swap !== undefined) {
      ({ current, ambiguity } = afterCorrection(swap, current));
      fromPrevious = false;
      continue;
    }
    const leftover = reading.leftover;
    if (leftover === undefined || leftover.negated) continue;
    const digits = leftover.interpretation.digits;
    if (current?.kind === 'phone' && miscounted(leftover)) {
      // "the last three are 4 5": the count and the digits disagree.
      conflict = true;
      continue;
    }
    if (current !== undefined) {
      const corrected = correct(current, digits, leftover.cluster.position);
      if (corrected !== undefined) {
        ({ current, ambiguity } = afterCorrection(corrected, current));
        fromPrevious = false;
        problem = undefined;
        continue;
      }
    }
    // Not a correction of what came before: what this segment says stands alone.
    const kind = leftover.interpretation.kind;
    if (kind === 'incomplete' || kind === 'local') {
      current = { kind: 'digits', digits };
      problem = undefined;
    } else if (digits.length >= 3) {
      problem = leftover;
      current = undefined;
    }
    fromPrevious = false;
    ambiguity = undefined;
  }

  if (conflict) return { kind: 'none', reason: 'the correction does not agree with the number heard', conflict: true };
  if (ambiguity !== undefined) return ambiguity;
  if (current?.kind === 'phone') {
    return fromPrevious ? { kind: 'none', reason: 'no change heard' } : { kind: 'value', phone: current.phone };
  }
  if (current?.kind === 'digits') {
    const interpretation = interpretDigits(current.digits, false);
    if (interpretation.kind === 'local') {
      // "9876 5432, it's a Sydney number": the place gives the area code.
      const area = areaCodeOfPlace(normaliseUtterance(text));
      const completed = area === undefined ? undefined : interpretDigits(area + current.digits, false);
      if (completed?.kind === 'valid') return { kind: 'value', phone: completed.phone };
      return { kind: 'partial', digits: current.digits, need: 'area' };
    }
    // "plus six one" and nothing more: the country code alone (read as the trunk 0); the rest is asked for.
    const countryCodeOnly = current.digits === '0' && /(?:^|\s)(?:plus|\+|country code)(?:\s|$)/.test(normaliseUtterance(text));
    if (interpretation.kind === 'incomplete' && (current.digits.length >= 2 || countryCodeOnly))
      return { kind: 'partial', digits: current.digits, need: 'rest' };
    return { kind: 'none', reason: 'the number heard is not a valid Australian number', problem: 'invalid' };
  }
  if (problem !== undefined) return noneFor(problem.interpretation);
  return { kind: 'none', reason: 'no phone number heard' };
}

function afterCorrection(
  corrected: CorrectionResult,
  current: Current,
): { current: Current; ambiguity: Extract<PhoneExtraction, { kind: 'ambiguous' }> | undefined } {
  if (corrected.kind === 'phone') return { current: { kind: 'phone', phone: corrected.phone }, ambiguity: undefined };
  if (corrected.kind === 'digits') return { current: { kind: 'digits', digits: corrected.digits }, ambiguity: undefined };
  return {
    current,
    ambiguity: {
      kind: 'ambiguous',
      reason: 'a corrected group that fits more than one place',
      ask: { type: 'which-group', digits: corrected.digits, correction: corrected.correction, options: corrected.options },
    },
  };
}

function noneFor(interpretation: Interpretation): PhoneExtraction {
  switch (interpretation.kind) {
    case 'emergency':
      return { kind: 'none', reason: 'an emergency number', problem: 'emergency' };
    case 'premium':
      return { kind: 'none', reason: 'a premium-rate 19 number', problem: 'premium' };
    case 'foreign':
      return { kind: 'none', reason: 'not an Australian number', problem: 'foreign' };
    case 'too-long':
      return { kind: 'none', reason: 'too many digits for an Australian number', problem: 'too-long' };
    case 'no-trunk':
      return { kind: 'none', reason: 'the number is missing a digit at the start', problem: 'no-trunk' };
    default:
      return { kind: 'none', reason: 'the number heard is not a valid Australian number', problem: 'invalid' };
  }
}

/** Reads one self-correction segment: the numbers in it, and what is left over. */
function readSegment(segment: SegmentDigits): SegmentReading {
  const readings = mergeRuns(segment.clusters.map(interpret));
  const phones: Phone[] = [];
  const negated: string[] = [];
  let leftover: Reading | undefined;
  const read = new Set<Reading>();
  for (const r of readings) {
    if (r.negated) {
      negated.push(r.interpretation.digits);
      continue;
    }
    const within = r.interpretation.kind === 'valid' ? [r.interpretation.phone] : splitRun(r.interpretation.digits);
    if (within.length > 0) {
      read.add(r);
      for (const phone of within) if (!phones.some((p) => p.e164 === phone.e164)) phones.push(phone);
    } else if (leftover === undefined || weight(r) >= weight(leftover)) {
      leftover = r;
    }
  }
  const heard = phones.map((p) => p.digits).join(' ');
  const otherNumbers = readings.filter(
    (r) => !r.negated && !read.has(r) && r.interpretation.digits.length >= 8 && !heard.includes(r.interpretation.digits),
  ).length;
  let restated: CorrectionResult | undefined;
  const phoneAt = readings.findIndex((r) => read.has(r));
  const after = readings.slice(phoneAt + 1).filter((r) => !r.negated);
  const fragment = after.length === 1 && after[0].interpretation.digits.length < 8 ? after[0] : undefined;
  if (phones.length === 1 && fragment !== undefined && fragment.cluster.before.includes('or')) {
    // "0412 345 678, or is it 679?": the caller is unsure between two numbers.
    const alternative = replaceGroup(phones[0].digits, fragment.interpretation.digits, fragment.cluster.position);
    if (alternative?.kind === 'phone' && alternative.phone.e164 !== phones[0].e164) phones.push(alternative.phone);
  } else if (phones.length === 1 && fragment?.cluster.position !== undefined) {
    const wrong = negated.find((n) => n.length >= 2 && whereIs(phones[0].digits, n, fragment.cluster.position) < 0);
    if (wrong !== undefined || miscounted(fragment)) return { phones, leftover, otherNumbers, negated, conflict: true };
    restated = replaceGroup(phones[0].digits, fragment.interpretation.digits, fragment.cluster.position);
  }
  return { phones, leftover, otherNumbers, negated, restated };
}

/**
 * A run too long for one number may be two said without a pause: the same
 * number repeated ("0412 345 678 0412 345 678") or two different ones.
 */
function splitRun(digits: string): Phone[] {
  if (digits.length < 12) return [];
  for (let at = 6; at <= digits.length - 6; at++) {
    const first = digits.slice(0, at);
    const second = digits.slice(at);
    if (!hasCompleteShape(first) || !hasCompleteShape(second)) continue;
    const a = interpretDigits(first, false);
    const b = interpretDigits(second, false);
    if (a.kind === 'valid' && b.kind === 'valid') return [a.phone, b.phone];
  }
  return [];
}

/** Where digits said to be wrong stand in the number: at the place named, else anywhere; -1 when not there. */
function whereIs(digits: string, wrong: string, position: Position | undefined): number {
  if (position === 'end') return digits.endsWith(wrong) ? digits.length - wrong.length : -1;
  if (position === 'start') return digits.startsWith(wrong) ? 0 : -1;
  return digits.indexOf(wrong);
}

/** Whether the caller counted the digits of a run ("the last three are …") and said another number of them. */
function miscounted(r: Reading): boolean {
  return r.cluster.count !== undefined && r.cluster.count !== r.interpretation.digits.length;
}

/** Which leftover run says most about what the caller meant: the longest, and a problem over noise. */
function weight(r: Reading): number {
  const kind = r.interpretation.kind;
  const telling = kind === 'emergency' || kind === 'premium' || kind === 'foreign' ? 20 : 0;
  return r.interpretation.digits.length + telling;
}

function interpret(cluster: Cluster): Reading {
  const negated = isNegated(cluster.before);
  let best: Interpretation | undefined;
  // "area code two, 9876 5432": the area code said without its 0.
  const afterAreaCode = /\barea code(?: is|'s)?$/.test(cluster.before.join(' '));
  const variants = afterAreaCode ? cluster.variants.flatMap((v) => (/^[2378]/.test(v) ? [`0${v}`, v] : [v])) : cluster.variants;
  for (const variant of variants) {
    const interpretation = interpretDigits(variant, cluster.international);
    if (interpretation.kind === 'valid') return { interpretation, cluster, negated };
    best ??= interpretation;
  }
  return { interpretation: best ?? { kind: 'invalid', digits: '' }, cluster, negated };
}

function isNegated(before: readonly string[]): boolean {
  const tail = before.slice(-3).join(' ');
  return /(?:^|\s)(?:not|not the|instead of|rather than|not a|isn't|wasn't)$/.test(tail);
}

/**
 * Joins runs that are one number split by words ("oh four one two, three four
 * five, and the last bit is six seven eight"; "area code oh two, then 5550
 * 1234"), when neither reads as a number alone and together they do.
 */
function mergeRuns(readings: Reading[]): Reading[] {
  const out = [...readings];
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i];
    const b = out[i + 1];
    if (a.interpretation.kind === 'valid' || b.interpretation.kind === 'valid' || a.negated || b.negated) continue;
    const gap = b.cluster.before;
    if (gap.length > 6 || gap.some((w) => BREAKING_WORDS.has(w))) continue;
    // "9876 5432, area code oh two": the area code said after the number.
    const areaAfter = /\barea code(?: is|'s)?$/.test(gap.join(' '));
    const merged = interpret(
      areaAfter ? joinClusters({ ...b.cluster, before: a.cluster.before }, a.cluster) : joinClusters(a.cluster, b.cluster),
    );
    if (merged.interpretation.kind !== 'valid') continue;
    out.splice(i, 2, merged);
    i--;
  }
  return out;
}

/**
 * Applies a group said after a correction to what came before: a complete
 * number has the matching group replaced; an incomplete one is continued, or
 * its last group restarted.
 */
function correct(current: NonNullable<Current>, said: string, position: Position | undefined): CorrectionResult | undefined {
  if (current.kind === 'digits') return continueDigits(current.digits, said);
  return replaceGroup(current.phone.digits, said, position);
}

/**
 * "0413 not 0412", "not 678, 679": the part after "not" is replaced by the part said without it.
 * A part said to be wrong that is not in the number at all ("ends in 789 not 788" when 678 was
 * heard) is 'not-heard': the caller and the read-back disagree, so nothing is applied.
 */
function swapNegated(digits: string, reading: SegmentReading): CorrectionResult | 'not-heard' | undefined {
  if (reading.negated.length !== 1 || reading.leftover === undefined) return undefined;
  const wrong = reading.negated[0];
  const right = reading.leftover.interpretation.digits;
  // "ends in 159 not 157": the digits said to be wrong must stand where the caller says.
  const at = whereIs(digits, wrong, reading.leftover.cluster.position);
  if (wrong.length >= 2 && right.length === wrong.length && at < 0) return 'not-heard';
  if (wrong.length === 0 || right.length === 0 || at < 0 || digits.indexOf(wrong, at + 1) >= 0) return undefined;
  const result = interpretDigits(digits.slice(0, at) + right + digits.slice(at + wrong.length), false);
  return result.kind === 'valid' ? { kind: 'phone', phone: result.phone } : undefined;
}

/**
 * Applies a correction to a number the caller did not confirm: a whole new
 * number, "the last three are 679", "0413 not 0412". Undefined when the
 * words do not change the number.
 */
export function repairPhone(previous: Phone, text: string): PhoneExtraction | undefined {
  const result = extractPhone(text, previous);
  if (result.kind === 'none' && result.reason === 'no change heard') return undefined;
  // The caller disagrees with the read-back but what they mean is not known: neither number is kept
  // for a plain yes; they are asked for the right one (their answer may again be just a part of it).
  if (result.kind === 'none' && result.conflict === true) {
    return {
      kind: 'ambiguous',
      reason: 'the correction does not agree with the number read back',
      ask: { type: 'which-digits', phone: previous },
    };
  }
  if (result.kind === 'value' && result.phone.e164 === previous.e164) return undefined;
  if (result.kind === 'none' && result.problem === undefined) return undefined;
  return result;
}
