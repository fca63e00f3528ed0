import { judgeAnswer, scanAnswer, type AfterNo, type Cue, type Sign, type Verdict } from '../spoken/polarity';
import { FUNCTION_WORDS, STATEMENT_WORDS, stem, type QuestionFrame } from './question';

/**
 * What an answer to a yes/no question says, given the question:
 *   yes / no       the value
 *   unclear        doubt ("maybe", "I don't know", "depends")
 *   repeat         the caller asked to hear the question again
 *   question       the caller answered and asked something back ("okay, how much is it?")
 *   conflict       a yes and a no without a self-correction ("yes no")
 *   hedged         a yes with a condition a yes/no cannot keep ("yes but only on weekdays")
 *   undecided      only words whose meaning this question does not settle
 *                  ("yes" to "do you mind…?", "I'm good" with no question)
 *   none           nothing that answers
 */
export type YesNoReading =
  | { kind: 'yes' | 'no' }
  | { kind: 'unclear' | 'repeat' | 'question' | 'conflict' | 'hedged' | 'undecided' | 'none' };

/** Echo answers that answer the auxiliary of "Do you mind…?" / "Would you mind…?" ("I do" = I mind). */
const MIND_AUXILIARIES = new Set(['do', 'would']);

/** The sign of one cue of the answer, given the question. */
export function signFor(cue: Cue, frame: QuestionFrame): Sign {
  switch (cue.kind) {
    case 'yes':
    case 'truth':
    case 'marker-yes':
      // "Do you mind if I record this call?" "Yes." — yes I mind, or yes go ahead? It cannot be told.
      return frame.mind ? '?' : '+';
    case 'marker-no':
    case 'deny':
      // "Do you mind …?" "No." / "Not at all." — go ahead.
      return frame.mind ? '+' : '-';
    case 'decline':
    case 'refuse':
      return '-';
    case 'proceed':
    case 'settled':
      return '+';
    case 'self-ok':
      if (frame.offer) return '-';
      return frame.wellbeing || frame.mind ? '+' : '?';
    case 'dont-mind':
      return frame.mind || frame.permission ? '+' : '?';
    case 'echo-yes':
      // "Do you mind …?" "I do." — I mind.
      return frame.mind && cue.subject === true && MIND_AUXILIARIES.has(cue.aux ?? '') ? '-' : '+';
    case 'echo-no':
      // "Do you mind …?" "I don't." — go ahead; but "I don't want it recorded" refuses.
      return frame.mind && cue.subject === true && MIND_AUXILIARIES.has(cue.aux ?? '') && cue.followed !== true ? '+' : '-';
    case 'unchanged':
      return frame.still ? '+' : frame.change ? '-' : null;
    case 'changed':
      return frame.still ? '-' : frame.change ? '+' : null;
    default:
      return null;
  }
}

/**
 * "No that's fine", "nah all good": to an offer, a polite refusal; to "do you
 * mind…?", "is it OK if…?" or "are you happy with…?", the no is "no problem" and
 * the answer is yes; to anything else it cannot be told.
 */
export function afterNo(frame: QuestionFrame): AfterNo {
  if (frame.offer) return 'decline';
  if (frame.mind || frame.wellbeing) return 'accept';
  return 'ask';
}

export function readYesNo(utterance: string, frame: QuestionFrame): YesNoReading {
  const { cues } = scanAnswer(utterance);
  const verdict = judgeAnswer(cues, (cue) => signFor(cue, frame), afterNo(frame));
  switch (verdict.judgement) {
    case 'affirm':
      return { kind: verdict.hedged ? 'hedged' : 'yes' };
    case 'deny':
      return { kind: 'no' };
    case 'unclear':
    case 'repeat':
    case 'question':
    case 'conflict':
    case 'undecided':
      return { kind: verdict.judgement };
    case 'none':
      if (verdict.pleaseOnly) return { kind: 'yes' };
      return repeatsQuestion(verdict, frame, utterance) ? { kind: 'yes' } : { kind: 'none' };
  }
}

/**
 * An answer that says the question back as a statement is a yes: "Is the
 * address still current?" "It's still current." / "Are you the account
 * holder?" "I'm the account holder." Every content word must come from the
 * question, and the answer must be a statement (a subject or "still"), so
 * that a bare noun echoed back ("the address?") is not taken for a yes.
 * Negated statements never get here: their negation is a "no" cue.
 */
function repeatsQuestion(verdict: Verdict, frame: QuestionFrame, utterance: string): boolean {
  if (frame.content.size === 0 || /\?\s*$/.test(utterance)) return false;
  const words = verdict.cues.flatMap((c) => c.text.split(' '));
  const content = verdict.cues.filter((c) => c.kind === 'other' && !FUNCTION_WORDS.has(c.text)).map((c) => stem(c.text));
  if (content.length === 0 || !words.some((w) => STATEMENT_WORDS.has(w))) return false;
  return content.every((w) => frame.content.has(w));
}
