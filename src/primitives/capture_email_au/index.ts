import type { CaptureSpec, ReadContext, Reading } from '../objective/capture-spec';
import type { NoParams } from '../params/declaration';
import { normaliseUtterance } from '../spoken/normalise';
import { isValidEmail } from './domain';
import { completeEmail, extractEmail, readDomainAnswer, readLocalAnswer, type EmailExtraction } from './extract';
import { isEndingAnswer } from './domain-endings';
import { repairEmail } from './repair';
import { askDomainAfter, askEndingAfterDot, askWhichEmail, EMAIL_PROMPTS } from './prompts';
import { emailSsml } from './ssml';
import { readTruncation } from './truncation';

/**
 * capture_email_au: an email address, lowercase. Email is critical data: it
 * is always read back and confirmed, whatever the confidence.
 *
 * When a turn leaves the address incomplete the session keeps the parts:
 *   local                 the part before the at, once heard
 *   domain                a domain without its ending ("acme", "hotmail")
 *   candidates            the addresses the caller must choose from
 */
export type EmailPartial = { local?: string; domain?: string; candidates?: string[] };

export const captureEmailAu = {
  objectiveType: 'capture_email_au' as const,
  confirmation: { kind: 'always' },
  params: {},
  options: () => undefined,
  read: (utterance, context) => validOnly(readEmail(utterance.normalize('NFKC'), context)),
  repair(previous, utterance, context) {
    const text = utterance.normalize('NFKC');
    // The answer to a choice a repair offered ("Is that caytlin … or caitlyn …?") picks one of them;
    // it is not another change to the address the choice was made from.
    const candidates = context.partial?.candidates;
    const chosen = candidates === undefined ? undefined : choose(candidates, text);
    if (chosen !== undefined) return validOnly({ kind: 'value', value: chosen });
    return validOnly(toReading(repairEmail(previous.value, text) ?? { kind: 'none', reason: 'no change heard' }, undefined));
  },
  prompts: EMAIL_PROMPTS,
  ssml: emailSsml,
  mask: maskEmail,
} satisfies CaptureSpec<undefined, EmailPartial, NoParams>;

/**
 * Only ASCII addresses are captured. The utterance is NFKC-normalised first, so compatibility
 * forms read as what they mean (full-width ＠ is @); what is left outside ASCII is a homoglyph
 * ("gmаil" with a Cyrillic а) or a character no mail system we hand on to takes.
 */
const ASCII_ADDRESS = /^[\x21-\x7e]+$/;

/**
 * The last gate before a reading leaves the primitive: a value, and every candidate offered for a
 * choice, must be a valid address (a domain with a dot among them: "monday or tuesday at 10am" once
 * offered monday@10am, and choosing it captured it); a part kept for later must be ASCII.
 */
function validOnly(reading: Reading<EmailPartial>): Reading<EmailPartial> {
  if (reading.kind === 'none') return reading;
  if (reading.kind === 'value') return isValidEmail(reading.value) ? reading : { kind: 'none', reason: 'not a valid address' };
  const local = reading.partial?.local;
  if (local !== undefined && !ASCII_ADDRESS.test(local)) return { kind: 'none', reason: 'not an ASCII address' };
  const candidates = reading.partial?.candidates;
  if (candidates === undefined) return reading;
  if (!candidates.every(isValidEmail)) return { kind: 'none', reason: 'not a valid address' };
  return reading;
}

function readEmail(utterance: string, context: ReadContext<undefined, EmailPartial>): Reading<EmailPartial> {
  const partial = context.partial;
  // Cut off after a final "dot" or "at": keep what was heard, ask for the rest (truncation.ts).
  const cut = readTruncation(utterance);
  if (cut?.after === 'at') return { kind: 'partial', partial: { local: cut.local }, prompt: askDomainAfter(cut.local) };
  if (cut?.after === 'dot') {
    return { kind: 'partial', partial: { local: cut.local, domain: cut.domain }, prompt: askEndingAfterDot(cut.local, cut.domain) };
  }
  const whole = extractEmail(utterance);
  if (whole.kind === 'value') return { kind: 'value', value: whole.value };

  if (partial?.candidates !== undefined) {
    const chosen = choose(partial.candidates, utterance);
    if (chosen !== undefined) return { kind: 'value', value: chosen };
  }
  if (partial?.local !== undefined && whole.kind === 'none') {
    const answer = readDomainAnswer(utterance);
    if (answer !== undefined) {
      return toReading(completeEmail(partial.local, joinEnding(partial.domain, answer)), partial);
    }
  }
  if (whole.kind === 'ambiguous') return toReading(whole, partial);
  if (context.retryCount >= 2 && partial?.local === undefined) {
    const local = readLocalAnswer(utterance);
    if (local !== undefined) {
      return { kind: 'partial', partial: { local }, prompt: askDomainAfter(local) };
    }
  }
  return { kind: 'none', reason: whole.reason };
}

/** "acme" + "com.au" → acme.com.au; an answer that already names the domain stands alone. */
function joinEnding(stem: string | undefined, answer: string): string {
  if (stem === undefined || answer.startsWith(`${stem}.`) || answer === stem) return answer;
  if (isEndingAnswer(answer)) return `${stem}.${answer}`;
  return answer;
}

/** Picks the one candidate the caller's answer points at ("the au one", "dot com", "the gmail one"). */
function choose(candidates: readonly string[], utterance: string): string | undefined {
  const words = normaliseUtterance(utterance);
  // "c a i t l y n": the part before the at of one of them, spelled.
  const local = readLocalAnswer(utterance);
  const spelled = candidates.filter((c) => c.split('@')[0] === local);
  if (spelled.length === 1) return spelled[0];
  const ordinal = /\b(first|second|third|last)\b/.exec(words)?.[1];
  if (ordinal !== undefined) {
    const index = { first: 0, second: 1, third: 2, last: candidates.length - 1 }[ordinal] ?? -1;
    return candidates[index];
  }
  // "the dot com dot au one": the words around the ending are not part of it.
  const ending = readDomainAnswer(words.replace(/\b(the|one|ones|option|version|address)\b/g, ' ')) ?? '';
  const australian = /\b(australian|aussie|a u|au|ay you)\b/.test(words);
  const matches = candidates.filter((c) => {
    const domain = c.split('@')[1];
    if (ending.length > 0 && (domain === ending || domain.endsWith(`.${ending}`) || domain.startsWith(`${ending}.`))) return true;
    return ending.length === 0 && australian && domain.endsWith('.au');
  });
  if (matches.length === 1) return matches[0];
  // "the one ending dot com": prefer exact suffix matches over prefix ones.
  const exact = matches.filter((c) => c.endsWith(`.${ending}`) && !c.endsWith(`.${ending}.au`));
  return exact.length === 1 ? exact[0] : undefined;
}

function toReading(extraction: EmailExtraction, partial: EmailPartial | undefined): Reading<EmailPartial> {
  switch (extraction.kind) {
    case 'value':
      return { kind: 'value', value: extraction.value };
    case 'none':
      return { kind: 'none', reason: extraction.reason };
    case 'ambiguous': {
      const ask = extraction.ask;
      const local = extraction.candidates[0]?.split('@')[0] ?? partial?.local;
      const prompt = askWhichEmail(ask, extraction.candidates);
      if (ask.type === 'which-part') return { kind: 'ambiguous', reason: extraction.reason, prompt };
      if (ask.type === 'domain-ending') {
        return {
          kind: 'ambiguous',
          reason: extraction.reason,
          prompt,
          partial: local !== undefined ? { local, domain: ask.domain } : undefined,
        };
      }
      return { kind: 'ambiguous', reason: extraction.reason, prompt, partial: { candidates: [...extraction.candidates] } };
    }
  }
}

/** "jane.doe@gmail.com" → "j*******@gmail.com": enough to correlate, not enough to read. */
export function maskEmail(value: string): string {
  const at = value.indexOf('@');
  if (at <= 0) return '***';
  return `${value[0]}${'*'.repeat(Math.max(at - 1, 3))}${value.slice(at)}`;
}
