import type { CaptureSpec, ReadContext, Reading } from '../objective/capture-spec';
import type { NoParams } from '../params/declaration';
import { normaliseUtterance } from '../spoken/normalise';
import { readPolarity } from '../spoken/polarity';
import { extractNumber, type NumberExtraction } from './extract';
import { numberKeypad } from './keypad';
import { numberSsml } from './ssml';
import { askFor, DECIMAL_PROMPT, NUMBER_PROMPTS } from './prompts';

/**
 * capture_number: one exact number, as a canonical decimal string ("42",
 * "3.5", "-2", "1500000"). Not critical: read back only when the recogniser's
 * confidence is below 0.85. Field `unit` (dollars | cents | percent) is set
 * when the caller said one; the value stays the number as said.
 *
 * The session keeps, while a clarifying question waits for its answer:
 *   approx       the number said as an estimate ("about twenty"): a yes takes it
 *   candidates   the numbers the caller must choose from
 *   head         the words of a number cut off ("four hundred and"): the rest completes it
 */
export type NumberPartial = { approx?: string; candidates?: string[]; head?: { words: string; value: string } };

export const captureNumber = {
  objectiveType: 'capture_number' as const,
  confirmation: { kind: 'below-confidence', threshold: 0.85 },
  params: {},
  options: () => undefined,
  read: (utterance, context) => withinPrecision(readNumber(utterance, context)),
  repair(previous, utterance) {
    const repaired = extractNumber(utterance, { previous: previous.value });
    if (repaired.kind === 'none' || (repaired.kind === 'value' && repaired.value === previous.value)) return undefined;
    return withinPrecision(toReading(repaired));
  },
  prompts: NUMBER_PROMPTS,
  keypad: numberKeypad(readNumber),
  ssml: numberSsml,
  // Numbers are not personal data: they appear in events as they are.
  mask: (value) => value,
} satisfies CaptureSpec<undefined, NumberPartial, NoParams>;

/**
 * The most digits a captured number may have: a double holds 15 significant decimal digits
 * exactly, so a longer number could not be handed on as said. A longer one is not captured.
 */
export const MAX_NUMBER_DIGITS = 15;

function withinPrecision(reading: Reading<NumberPartial>): Reading<NumberPartial> {
  if (reading.kind !== 'value') return reading;
  const digits = reading.value.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  return digits.length > MAX_NUMBER_DIGITS ? { kind: 'none', reason: `more than ${MAX_NUMBER_DIGITS} digits` } : reading;
}

function readNumber(utterance: string, context: ReadContext<undefined, NumberPartial>): Reading<NumberPartial> {
  const extraction = extractNumber(utterance);
  const partial = context.partial;
  if (partial?.approx !== undefined) {
    const answer = answerToEstimate(partial.approx, utterance, extraction);
    if (answer !== undefined) return answer;
  }
  if (partial?.head !== undefined) {
    const completed = completeHead(partial.head, utterance, extraction);
    if (completed !== undefined) return toReading(completed);
  }
  if (partial?.candidates !== undefined) {
    const candidates = partial.candidates;
    // "six" answers with a candidate; "the second one" points at one (its "second" is not the number 2).
    const named = extraction.kind === 'value' && candidates.includes(extraction.value);
    const chosen = named ? undefined : choose(candidates, utterance);
    if (chosen !== undefined) return { kind: 'value', value: chosen, fields: {} };
  }
  return toReading(extraction);
}

/** "About twenty. Is that exact?" — "yeah that's fine" takes twenty; a number replaces it. */
function answerToEstimate(approx: string, utterance: string, extraction: NumberExtraction): Reading<NumberPartial> | undefined {
  if (extraction.kind === 'value') return undefined;
  const { polarity, remainder } = readPolarity(utterance);
  if (polarity !== 'affirm') return undefined;
  const rest = remainder.length > 0 ? extractNumber(remainder) : undefined;
  if (
    rest === undefined ||
    rest.kind === 'none' ||
    (rest.kind === 'ambiguous' && rest.ask.type === 'approximate' && rest.ask.value === approx)
  ) {
    return { kind: 'value', value: approx, fields: {} };
  }
  return undefined;
}

/**
 * "Four hundred and… — what's the rest?" — "twenty" is 420 (read as the whole
 * "four hundred and twenty"); a number as big as the head ("four hundred and
 * twenty" again) is the whole number on its own.
 */
function completeHead(
  head: { words: string; value: string },
  utterance: string,
  extraction: NumberExtraction,
): NumberExtraction | undefined {
  if (extraction.kind !== 'value' || extraction.unit !== undefined) return undefined;
  // After "point", any whole number is the digits that follow ("two point… five" is 2.5).
  const decimals = head.words.endsWith(' point') && /^\d+$/.test(extraction.value);
  if (!decimals && Math.abs(Number(extraction.value)) >= Math.abs(Number(head.value))) return undefined;
  return extractNumber(`${head.words} ${utterance}`);
}

/** Picks one of the numbers offered: "the first", "the second one", "the bigger one". */
function choose(candidates: readonly string[], utterance: string): string | undefined {
  const words = normaliseUtterance(utterance);
  const sorted = [...candidates].sort((a, b) => Number(a) - Number(b));
  if (/\b(first|former)\b/.test(words)) return candidates[0];
  if (/\b(second|latter)\b/.test(words)) return candidates[1];
  if (/\blast\b/.test(words)) return candidates[candidates.length - 1];
  if (/\b(lower|smaller|less|fewer|lowest|smallest)\b/.test(words)) return sorted[0];
  if (/\b(higher|bigger|larger|more|highest|biggest|largest)\b/.test(words)) return sorted[sorted.length - 1];
  return undefined;
}

function toReading(extraction: NumberExtraction): Reading<NumberPartial> {
  switch (extraction.kind) {
    case 'value':
      return { kind: 'value', value: extraction.value, fields: extraction.unit === undefined ? {} : { unit: extraction.unit } };
    case 'none':
      return extraction.ask === 'decimal'
        ? { kind: 'none', reason: extraction.reason, prompt: DECIMAL_PROMPT }
        : { kind: 'none', reason: extraction.reason };
    case 'ambiguous': {
      const ask = extraction.ask;
      let partial: NumberPartial | undefined;
      if (ask.type === 'approximate') partial = { approx: ask.value };
      if (ask.type === 'which') partial = { candidates: [...ask.candidates] };
      if (ask.type === 'rest') partial = { head: { words: ask.words, value: ask.said } };
      return { kind: 'ambiguous', reason: extraction.reason, prompt: askFor(ask), partial };
    }
  }
}
