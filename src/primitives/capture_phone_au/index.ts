import type { CaptureSpec, ReadContext, Reading } from '../objective/capture-spec';
import type { NoParams } from '../params/declaration';
import { normaliseUtterance } from '../spoken/normalise';
import { readPolarity } from '../spoken/polarity';
import { readDigitSegments, type Position } from './digits';
import { continueDigits, placeCorrection } from './corrections';
import { extractPhone, repairPhone, type PhoneExtraction } from './extract';
import { areaCodeOfPlace, interpretDigits, nationalDigits, phoneFromE164, type Phone } from './numbering';
import { phoneKeypad } from './keypad';
import { phoneSsml } from './ssml';
import { askArea, askOther, askRest, askWhich, askWhichDigits, askWhichGroup, PHONE_PROMPTS, PROBLEM_PROMPTS } from './prompts';

/**
 * capture_phone_au: an Australian phone number in E.164 (+61412345678), with
 * fields `type` (mobile | landline | local_rate | freephone) and `national`
 * ("0412 345 678"). Phone numbers are critical data: always read back.
 *
 * While a question waits for its answer the session keeps one of:
 *   digits + need=rest     the start of a number; the rest is asked for
 *   digits + need=area     eight digits without an area code
 *   candidates             the E.164 numbers to choose from
 *   digits + correction    a corrected group that fits more than one place
 */
export type PhonePartial = { candidates: string[] } | { digits: string; need: 'rest' | 'area' } | { digits: string; correction: string };

export const capturePhoneAu = {
  objectiveType: 'capture_phone_au' as const,
  confirmation: { kind: 'always' },
  params: {},
  options: () => undefined,
  read: readPhone,
  repair(previous, utterance) {
    const phone = phoneFromE164(previous.value);
    if (phone === undefined) return undefined;
    const repaired = repairPhone(phone, utterance);
    return repaired === undefined ? undefined : toReading(repaired);
  },
  prompts: PHONE_PROMPTS,
  keypad: phoneKeypad(readPhone),
  ssml: phoneSsml,
  mask: maskPhone,
} satisfies CaptureSpec<undefined, PhonePartial, NoParams>;

function readPhone(utterance: string, context: ReadContext<undefined, PhonePartial>): Reading<PhonePartial> {
  const extraction = extractPhone(utterance);
  const partial = context.partial;
  if (partial !== undefined && extraction.kind !== 'value' && extraction.kind !== 'ambiguous') {
    const answered = answerPending(partial, utterance);
    if (answered !== undefined) return answered;
  }
  return toReading(extraction);
}

/** Combines an answer with what an earlier turn left pending. */
function answerPending(partial: PhonePartial, utterance: string): Reading<PhonePartial> | undefined {
  const said = saidDigits(utterance);
  if ('candidates' in partial) {
    const chosen = choose(partial.candidates, utterance, said);
    return chosen === undefined ? undefined : valueOf(chosen);
  }
  if ('correction' in partial) {
    const position = readPlace(utterance);
    const phone = position === undefined ? undefined : placeCorrection(partial.digits, partial.correction, position);
    return phone === undefined ? undefined : valueOf(phone);
  }
  if (partial.need === 'area') {
    const area = said ?? areaCodeOfPlace(normaliseUtterance(utterance));
    const code = area === undefined ? undefined : area.length === 1 ? `0${area}` : area;
    if (code === undefined || !/^0[2378]$/.test(code)) return undefined;
    const result = interpretDigits(code + partial.digits, false);
    return result.kind === 'valid' ? valueOf(result.phone) : undefined;
  }
  if (partial.need === 'rest' && said !== undefined) {
    const continued = continueDigits(partial.digits, said);
    if (continued?.kind === 'phone') return valueOf(continued.phone);
    if (continued?.kind === 'digits') return toReading({ kind: 'partial', digits: continued.digits, need: 'rest' });
  }
  return undefined;
}

/** Where the caller's answer puts a corrected group: "at the end", "the middle bit", "the first part". */
function readPlace(utterance: string): Position | undefined {
  const words = normaliseUtterance(utterance);
  if (/\b(end|last|ending|final)\b/.test(words)) return 'end';
  if (/\b(start|first|beginning|front)\b/.test(words)) return 'start';
  if (/\bmiddle\b/.test(words)) return 'middle';
  if (/\barea code\b/.test(words)) return 'area';
  return undefined;
}

/** All the digits said, as one string (for answers that are only digits). */
function saidDigits(utterance: string): string | undefined {
  const digits = readDigitSegments(utterance)
    .slice(-1)
    .flatMap((s) => s.clusters.map((c) => c.variants[0]))
    .join('');
  return digits.length > 0 ? digits : undefined;
}

/** Picks a number from those offered: "the mobile", "the second one", "the one ending in 678", "yes". */
function choose(candidates: readonly string[], utterance: string, said: string | undefined): Phone | undefined {
  const phones = candidates.map(phoneFromE164).filter((p): p is Phone => p !== undefined);
  const words = normaliseUtterance(utterance);
  const pick = (list: Phone[]): Phone | undefined => (list.length === 1 ? list[0] : undefined);
  if (said !== undefined && said.length >= 3) {
    const matching = phones.filter((p) => p.digits.startsWith(said) || p.digits.endsWith(said));
    if (matching.length > 0) return pick(matching);
  }
  if (/\b(mobile|mob|cell)\b/.test(words)) return pick(phones.filter((p) => p.type === 'mobile'));
  if (/\b(landline|home|land line|fixed)\b/.test(words)) return pick(phones.filter((p) => p.type === 'landline'));
  if (/\bfirst\b/.test(words)) return phones[0];
  if (/\bsecond\b/.test(words)) return phones[1];
  if (/\b(last|latter)\b/.test(words)) return phones[phones.length - 1];
  if (phones.length === 1 && readPolarity(utterance).polarity === 'affirm') return phones[0];
  return undefined;
}

function valueOf(phone: Phone): Reading<PhonePartial> {
  return { kind: 'value', value: phone.e164, fields: { type: phone.type, national: phone.national } };
}

function toReading(extraction: PhoneExtraction): Reading<PhonePartial> {
  switch (extraction.kind) {
    case 'value':
      return valueOf(extraction.phone);
    case 'partial':
      return {
        kind: 'partial',
        partial: { digits: extraction.digits, need: extraction.need },
        prompt: extraction.need === 'area' ? askArea(extraction.digits) : askRest(extraction.digits),
      };
    case 'none':
      return extraction.problem === undefined
        ? { kind: 'none', reason: extraction.reason }
        : { kind: 'none', reason: extraction.reason, prompt: PROBLEM_PROMPTS[extraction.problem] };
    case 'ambiguous': {
      const ask = extraction.ask;
      if (ask.type === 'which') {
        const e164s = ask.phones.map((p) => p.e164);
        return { kind: 'ambiguous', reason: extraction.reason, prompt: askWhich(e164s), partial: { candidates: e164s } };
      }
      if (ask.type === 'which-other') {
        return {
          kind: 'ambiguous',
          reason: extraction.reason,
          prompt: askOther(ask.phone.e164),
          partial: { candidates: [ask.phone.e164] },
        };
      }
      if (ask.type === 'which-digits') return { kind: 'ambiguous', reason: extraction.reason, prompt: askWhichDigits(ask.phone.e164) };
      return {
        kind: 'ambiguous',
        reason: extraction.reason,
        prompt: askWhichGroup(ask.correction, ask.options),
        partial: { digits: ask.digits, correction: ask.correction },
      };
    }
  }
}

/** "+61412345678" → "+61*******678": the last three digits, enough to correlate in logs. */
export function maskPhone(value: string): string {
  if (!/^\+61\d{4,}$/.test(value)) return '***';
  const national = nationalDigits(value);
  return `+61${'*'.repeat(national.length - 3)}${national.slice(-3)}`;
}
