import type { CaptureSpec, Plain, ReadContext, Reading } from '../objective/capture-spec';
import { declareParams } from '../params/declaration';
import { extractName, type NameAsk, type NameExtraction, type NameOptions, type NameParts } from './extract';
import { maskName } from './format';
import { AMBIGUOUS_PROMPT, askAgain, askPrompt, NAME_PROMPTS, NON_ANSWER_PROMPT, SPELL_PROMPT, WHICH_PERSON_PROMPT } from './prompts';
import { repairName } from './repair';

/**
 * capture_name_au: a caller's name. Not critical data: read back only when
 * the recogniser's confidence is below 0.85.
 *
 * Value: "First Last", or "First Middle Last" when a middle name was given.
 * Fields: first, last, and middle when given. Capitalisation: see format.ts
 * (O'Brien, McDonald, MacDonald only when said apart, Smith-Jones, van der Berg, De Luca).
 *
 * Params:
 *   require_last_name  "true" (default) or "false": whether a first name alone
 *                      is enough (then the value is just the first name).
 *
 * Progressive fields: while the other part is asked for, `fields` holds the
 * parts heard so far (first, middle, last).
 *
 * The session's partial keeps the parts heard so far (first, middle, last)
 * and what was asked (`ask`: first or last).
 */
export type NamePartial = { ask: NameAsk; parts: Plain<NameParts> };

const NAME_PARAMS = declareParams({
  require_last_name: {
    type: 'boolean',
    default: true,
    description: 'Whether the last name is required (default true); false accepts a first name alone.',
  },
});

export const captureNameAu = {
  objectiveType: 'capture_name_au' as const,
  confirmation: { kind: 'below-confidence', threshold: 0.85 },
  params: NAME_PARAMS,
  options: (params) => ({ requireLastName: params.require_last_name }),
  read: readName,
  repair(previous, utterance, context) {
    const repaired = repairName(previous, utterance, context.options);
    return repaired === undefined ? undefined : toReading(repaired);
  },
  same: (a, b) => a.toLowerCase() === b.toLowerCase(),
  prompts: NAME_PROMPTS,
  mask: maskName,
  progressive: {
    fields: heardFields,
    mask: (_name, value) => maskName(value),
  },
} satisfies CaptureSpec<NameOptions, NamePartial, typeof NAME_PARAMS>;

function readName(utterance: string, context: ReadContext<NameOptions, NamePartial>): Reading<NamePartial> {
  const pending = context.partial;
  const reading = toReading(extractName(utterance, context.options, pending));
  if (reading.kind === 'none' && pending?.ask !== undefined && reading.prompt === undefined) {
    return { ...reading, prompt: askAgain(pending.ask, pending.parts) };
  }
  return reading;
}

function toReading(extraction: NameExtraction): Reading<NamePartial> {
  switch (extraction.kind) {
    case 'value':
      return { kind: 'value', value: extraction.value, fields: extraction.fields };
    case 'partial':
      return { kind: 'partial', partial: partialOf(extraction.parts, extraction.ask), prompt: askPrompt(extraction.ask, extraction.parts) };
    case 'ambiguous':
      return {
        kind: 'ambiguous',
        reason: extraction.reason,
        prompt: extraction.spell === true ? SPELL_PROMPT : extraction.which === true ? WHICH_PERSON_PROMPT : AMBIGUOUS_PROMPT,
      };
    case 'none':
      return extraction.nonAnswer
        ? { kind: 'none', reason: extraction.reason, prompt: NON_ANSWER_PROMPT }
        : { kind: 'none', reason: extraction.reason };
  }
}

function partialOf(parts: NameParts, ask: NameAsk): NamePartial {
  const kept: NameParts = {};
  // Only the parts heard: an undefined field would not survive JSON anyway.
  if (parts.first !== undefined) kept.first = parts.first;
  if (parts.middle !== undefined) kept.middle = parts.middle;
  if (parts.last !== undefined) kept.last = parts.last;
  return { ask, parts: kept };
}

/** The parts heard so far, as the fields: first before last, or last when that came first; an initial is no first name yet. */
function heardFields(partial: NamePartial): Record<string, string> {
  const { first, middle, last } = partial.parts;
  const fields: Record<string, string> = {};
  if (first !== undefined && first.length > 1) fields.first = first;
  if (middle !== undefined) fields.middle = middle;
  if (last !== undefined) fields.last = last;
  return fields;
}
