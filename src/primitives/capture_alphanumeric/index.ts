import type { RE2JS } from 're2js';
import type { CaptureSpec, ReadContext, Reading } from '../objective/capture-spec';
import { declareParams } from '../params/declaration';
import { compilePattern, matchesWhole, MAX_PATTERN_LENGTH } from './pattern';
import { ALPHANUMERIC_PROMPTS, askRest, problemPrompt, type CodeProblem } from './prompts';
import { hearCode, repairCode } from './read';

/**
 * capture_alphanumeric: a booking reference, policy or member number spoken
 * as letters and digits. Value: uppercase letters and digits, "AB12CD".
 * Always read back, spelled with NATO words (B and D sound alike on a phone line).
 *
 * Heard: letters as themselves, by name or NATO word ("alpha bravo"), "A for
 * apple", digits as figures or words ("oh four", "twelve"), "double"/"triple",
 * self-corrections ("AB12, sorry, AB13"). Two different codes are asked about.
 * A correction of part of the code read back ("not B, D", "D instead of B")
 * changes that part when it occurs once.
 *
 * Params:
 *   length   the exact number of characters; a shorter code is kept and the
 *            rest asked for ("AB12" … "CD"), so long references can be given in parts
 *   pattern  an RE2 regular expression the whole value must match, e.g.
 *            "[A-Z]{2}[0-9]{4}"; where the words allow two readings ("oh": O or 0),
 *            the one that matches is taken
 * Without a length, a code has 3 to 30 characters.
 *
 * Partial kept in the session: `start`, the characters heard so far when a
 * length was given and fewer were heard.
 */
export interface AlphanumericOptions {
  length: number | undefined;
  pattern: RE2JS | undefined;
}

export type AlphanumericPartial = { start: string };

const MIN_LENGTH = 3;
const MAX_LENGTH = 30;

const ALPHANUMERIC_PARAMS = declareParams({
  length: {
    type: 'number',
    integer: true,
    min: 1,
    max: MAX_LENGTH,
    description: 'The exact number of characters of the value.',
  },
  pattern: {
    type: 'text',
    check: (source) => compilePattern(source) !== undefined,
    expected: `a regular expression (RE2 syntax) of at most ${MAX_PATTERN_LENGTH} characters, e.g. [A-Z]{2}[0-9]{4}`,
    description: 'A regular expression (RE2 syntax) the whole value must match, e.g. [A-Z]{2}[0-9]{4}.',
  },
});

export const captureAlphanumeric = {
  objectiveType: 'capture_alphanumeric' as const,
  confirmation: { kind: 'always' },
  params: ALPHANUMERIC_PARAMS,
  options: (params) => ({
    length: params.length,
    pattern: params.pattern === undefined ? undefined : compilePattern(params.pattern),
  }),
  read: readCode,
  repair: (previous, utterance) => {
    const value = repairCode(previous.value, utterance);
    return value === undefined ? undefined : { kind: 'value', value };
  },
  same: (a, b) => a.toUpperCase() === b.toUpperCase(),
  prompts: ALPHANUMERIC_PROMPTS,
  mask: maskCode,
} satisfies CaptureSpec<AlphanumericOptions, AlphanumericPartial, typeof ALPHANUMERIC_PARAMS>;

function readCode(utterance: string, context: ReadContext<AlphanumericOptions, AlphanumericPartial>): Reading<AlphanumericPartial> {
  const heard = hearCode(utterance);
  const { length, pattern } = context.options;
  if (heard.kind === 'none') return { kind: 'none', reason: 'no letters or digits heard' };
  if (heard.kind === 'conflict') {
    return { kind: 'ambiguous', reason: 'two different codes heard', prompt: problemPrompt({ kind: 'conflict', codes: heard.codes }) };
  }
  const start = context.partial?.start;
  // The rest of a code given in parts, unless the caller started over with the whole of it.
  const readings =
    start !== undefined && length !== undefined && !heard.candidates.some((c) => c.length === length)
      ? heard.candidates.map((c) => start + c)
      : heard.candidates;
  const fits = (code: string): boolean =>
    (length === undefined ? code.length >= MIN_LENGTH && code.length <= MAX_LENGTH : code.length === length) &&
    (pattern === undefined || matchesWhole(pattern, code));
  const value = readings.find(fits);
  if (value !== undefined) return { kind: 'value', value };

  const first = readings[0];
  if (length !== undefined && start === undefined && first.length >= 2 && first.length < length) {
    return { kind: 'partial', partial: { start: first }, prompt: askRest(first) };
  }
  const problem: CodeProblem =
    length !== undefined && first.length !== length
      ? { kind: 'length', heard: first.length, expected: length }
      : length === undefined && first.length < MIN_LENGTH
        ? { kind: 'short' }
        : { kind: 'pattern' };
  return { kind: 'none', reason: `the code heard does not fit (${problem.kind})`, prompt: problemPrompt(problem) };
}

/** "AB12CD" → "****CD": the last two characters, enough to correlate; a policy number identifies someone. */
export function maskCode(value: string): string {
  if (value.length <= 4) return '*'.repeat(value.length);
  return `${'*'.repeat(value.length - 2)}${value.slice(-2)}`;
}
