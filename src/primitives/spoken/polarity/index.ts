/**
 * Reads a yes/no answer the Australian way, without knowing the question.
 *
 * An answer is scanned into cues: phrases that say yes or no ("yep", "nah",
 * "too right", "not quite"), say something about the answer ("maybe", "can you
 * repeat that"), correct it ("I mean", "wait") or qualify it ("but", "only
 * if"). Unknown words are kept as content. The rules that turn cues into an
 * answer:
 *
 * - The discourse markers "yeah", "nah" and "no" chain, and the last one wins:
 *   "yeah nah" is no, "nah yeah" is yes.
 * - Content after a marker governs: "yeah no that's right" is yes, "no that's
 *   right" is yes, "yeah that's not right" is no.
 * - Two plain answers that disagree without a correction are a conflict:
 *   "yes no", "yes that's wrong", "nope that's right".
 * - Acceptance after a no ("nah all good", "no that's fine", "nah you're
 *   right") is a polite refusal by default (the safe reading of a read-back);
 *   a reader that knows the question may take it as "no problem" or ask.
 * - A trailing "yeah" confirms what came before it ("I'm good yeah"); a
 *   trailing "no" after a yes contradicts it ("yes no").
 * - A correction ("I mean", "wait", "actually", "sorry") followed by a new
 *   answer replaces what came before: "yes, sorry, I mean no" is no.
 * - Doubt anywhere makes the answer unclear: "yeah maybe", "not sure".
 * - A yes with a condition ("yes but only on weekdays", "yes if it's free") is
 *   flagged `hedged`: the condition cannot be kept in a yes/no.
 *
 * Answers whose meaning depends on the question ("not at all", "I'm good",
 * "I don't mind", "I do") are cues too; `judgeAnswer` takes the signs from the
 * caller so that a primitive that knows the question can read them its way
 * (capture_yes_no). Without a question they are read as a confirmation answer.
 */

export type { AnswerScan, Cue, CueKind } from './cues';
export { answerWords, scanAnswer } from './scan';
export { confirmationSign, judgeAnswer, readAnswer, type AfterNo, type Judgement, type Sign, type Verdict } from './judge';
export { readPolarity, type Polarity, type PolarityReading } from './read-polarity';
