import type { CaptureSpec, PartialValue, ReadContext, Reading } from '../objective/capture-spec';
import { InvalidParamsError } from '../types';
import { extractName, type NameAsk, type NameExtraction, type NameOptions, type NameParts } from './extract';
import { maskName } from './format';
import { AMBIGUOUS_PROMPT, askAgain, askPrompt, NAME_PROMPTS, NON_ANSWER_PROMPT, SPELL_PROMPT } from './prompts';
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
 * The session's partial keeps the parts heard so far (first, middle, last)
 * and what was asked (`ask`: first or last).
 */
export const captureNameAu: CaptureSpec<NameOptions> = {
  objectiveType: 'capture_name_au',
  confirmation: { kind: 'below-confidence', threshold: 0.85 },
  extraParams: ['require_last_name'],
  options(params) {
    const raw = params.require_last_name;
    if (raw === undefined || raw.trim() === '') return { requireLastName: true };
    const value = raw.trim().toLowerCase();
    if (value !== 'true' && value !== 'false') {
      throw new InvalidParamsError('params.require_last_name', `params.require_last_name must be "true" or "false", got "${raw}"`);
    }
    return { requireLastName: value === 'true' };
  },
  read: readName,
  repair(previous, utterance, context) {
    const repaired = repairName(previous, utterance, context.options);
    return repaired === undefined ? undefined : toReading(repaired);
  },
  same: (a, b) => a.toLowerCase() === b.toLowerCase(),
  prompts: NAME_PROMPTS,
  mask: maskName,
};

function readName(utterance: string, context: ReadContext<NameOptions>): Reading {
  const partial = context.partial;
  const pending =
    partial === undefined
      ? undefined
      : {
          parts: { first: partial.first, middle: partial.middle, last: partial.last } as NameParts,
          ask: partial.ask as NameAsk | undefined,
        };
  const reading = toReading(extractName(utterance, context.options, pending));
  if (reading.kind === 'none' && pending?.ask !== undefined && reading.prompt === undefined) {
    return { ...reading, prompt: askAgain(pending.ask, pending.parts) };
  }
  return reading;
}

function toReading(extraction: NameExtraction): Reading {
  switch (extraction.kind) {
    case 'value':
      return { kind: 'value', value: extraction.value, fields: extraction.fields };
    case 'partial':
      return { kind: 'partial', partial: partialOf(extraction.parts, extraction.ask), prompt: askPrompt(extraction.ask, extraction.parts) };
    case 'ambiguous':
      return { kind: 'ambiguous', reason: extraction.reason, prompt: extraction.spell === true ? SPELL_PROMPT : AMBIGUOUS_PROMPT };
    case 'none':
      return extraction.nonAnswer
        ? { kind: 'none', reason: extraction.reason, prompt: NON_ANSWER_PROMPT }
        : { kind: 'none', reason: extraction.reason };
  }
}

function partialOf(parts: NameParts, ask: NameAsk): PartialValue {
  const out: Record<string, string> = { ask };
  if (parts.first !== undefined) out.first = parts.first;
  if (parts.middle !== undefined) out.middle = parts.middle;
  if (parts.last !== undefined) out.last = parts.last;
  return out;
}
