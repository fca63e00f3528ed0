import type { CaptureSpec, ReadContext, Reading } from '../objective/capture-spec';
import { declareParams } from '../params/declaration';
import { yesNoKeypad } from './keypad';
import { YES_NO_PROMPTS, yesNoPrompts } from './prompts';
import { frameQuestion, type QuestionFrame } from './question';
import { readYesNo } from './read';

/**
 * capture_yes_no: a yes or a no, canonical value "yes" / "no". The answer is
 * its own confirmation (confirmation policy "never").
 *
 * Param `question` (optional): the question the caller is answering, e.g.
 * "Do you want a reminder text?". Blank is the same as absent. It changes how
 * answers that depend on the question are read:
 *   - "Do you mind…?", "Would you mind…?", "Any objection…?", "Is it a problem if…?":
 *     the value is whether the caller agrees, so "no", "not at all", "nah go for it",
 *     "I don't (mind)" are "yes"; "I do (mind)", "I'd rather you didn't" are "no";
 *     a bare "yes" could be either and is asked about ("are you OK with that?").
 *   - Offers ("Do you want…?", "Would you like…?", "Shall I…?"): "I'm good", "I'm right",
 *     "nah I'm fine" decline: "no".
 *   - "Are you happy/OK with…?", "Is that OK?": "I'm good", "I'm happy" are "yes";
 *     "not at all" is "no" (as it is for every question that is not a "mind" one).
 *   - "Can I…?", "Is it OK if…?": "I don't mind" is "yes".
 *   - "… still …?", "… current?", "… the same?": "nothing's changed", "still the same" are "yes",
 *     "it's changed", "we've moved" are "no"; for "Has … changed?" / "Have you moved?" the reverse.
 *   - Echo answers use the question's own verb: "I do"/"I don't", "I am"/"I'm not",
 *     "it is"/"it isn't", "we have"/"I haven't"; and a statement made of the question's
 *     own words ("it's still current", "I'm the account holder") is "yes".
 * Without a question, these answers are read as answers to "is that right?", and
 * those that cannot be settled without it ("I'm good", "I don't mind") are asked about.
 *
 * Never guessed (no value, and a prompt that asks): doubt ("maybe", "not sure",
 * "depends"), a request to repeat ("what was the question"), a yes and a no
 * without a self-correction ("yes no"), and a yes with a condition ("yes but only
 * on weekdays"): a yes/no value cannot keep the condition, so the caller is asked
 * for a plain answer and the agent hears the condition in the error message.
 * The last self-correction wins ("yes, sorry, I mean no" is "no").
 *
 * Partial kept in the session: `frame: "consent"` after a bare "yes" to a "mind"
 * question was asked about with "are you OK with that?", so the next answer is
 * read as an answer to that.
 */
export interface YesNoOptions {
  question: string | undefined;
}

export type YesNoPartial = { frame: 'consent' };

const YES_NO_PARAMS = declareParams({
  question: {
    type: 'text',
    check: (value) => /\p{L}/u.test(value),
    expected: 'the question the caller is answering, e.g. "Do you want a reminder text?"',
    description: 'The question the caller is answering; it decides answers such as "not at all" or "I do".',
  },
});

export const captureYesNo = {
  objectiveType: 'capture_yes_no' as const,
  confirmation: { kind: 'never' },
  // "I don't have one" and "I'd rather not" answer a yes/no question (a no); only refusals to answer decline.
  declines: 'refusals',
  params: YES_NO_PARAMS,
  options: (params) => ({ question: params.question?.trim().replace(/\s+/g, ' ') }),
  read: readAnswer,
  prompts: YES_NO_PROMPTS,
  keypad: yesNoKeypad(),
  mask: (value) => value,
} satisfies CaptureSpec<YesNoOptions, YesNoPartial, typeof YES_NO_PARAMS>;

/** What the caller is asked when the first answer was a "yes" to "do you mind…?". */
const CONSENT_QUESTION = 'Are you OK with that?';

function readAnswer(utterance: string, context: ReadContext<YesNoOptions, YesNoPartial>): Reading<YesNoPartial> {
  const reframed = context.partial?.frame === 'consent';
  const frame: QuestionFrame = frameQuestion(reframed ? CONSENT_QUESTION : context.options.question);
  const prompts = yesNoPrompts(reframed ? CONSENT_QUESTION : context.options.question);
  const failures = context.retryCount + 1;
  const reading = readYesNo(utterance, frame);
  // A clarifying question keeps the frame it was asked in.
  const keep: YesNoPartial | undefined = reframed ? { frame: 'consent' } : undefined;
  switch (reading.kind) {
    case 'yes':
    case 'no':
      return { kind: 'value', value: reading.kind };
    case 'unclear':
      return { kind: 'none', reason: 'the caller was unsure (e.g. "maybe", "not sure", "depends")', prompt: prompts.retry(failures) };
    case 'repeat':
      return { kind: 'none', reason: 'the caller asked to hear the question again', prompt: prompts.repeat() };
    case 'question':
      return { kind: 'none', reason: 'the caller asked something back before answering', prompt: prompts.retry(failures) };
    case 'conflict':
      return { kind: 'ambiguous', reason: 'the answer said both yes and no', prompt: prompts.conflict(), partial: keep };
    case 'hedged':
      return {
        kind: 'ambiguous',
        reason: 'a yes with a condition attached (e.g. "yes but only on weekdays"); a yes/no cannot keep it',
        prompt: prompts.hedged(),
        partial: keep,
      };
    case 'undecided':
      if (frame.mind) {
        return {
          kind: 'ambiguous',
          reason: 'a "yes" to a "do you mind" question could mean either',
          prompt: prompts.consent(),
          partial: { frame: 'consent' },
        };
      }
      return { kind: 'none', reason: 'the answer depends on the question, which it did not settle', prompt: prompts.retry(failures) };
    case 'none':
      return { kind: 'none', reason: 'no yes or no heard', prompt: prompts.retry(failures) };
  }
}
