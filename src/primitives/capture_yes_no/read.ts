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
  { kind: 'yes' | 'no' } | { kind: 'unclear' | 'repeat' | 'question' | 'conflict' | 'hedged' | 'undecided' | 'none' };

/** Echo answers that answer the auxiliary of "Do you mind…?" / "Would you mind…?" ("I do" = I mind). */
const MIND_AUXILIARIES = new Set(['do', 'would']);

/**
 * The sign of one cue of the answer, given the question. `absence` is the sign
 * of a denial that anyone or anything is ("nobody's living there"), worked out
 * for the whole answer by `absenceSign`.
 */
export function signFor(cue: Cue, frame: QuestionFrame, absence: Sign = null): Sign {
  switch (cue.kind) {
    case 'other':
      return isAbsence(cue) ? absence : null;
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
 * Answers that deny the question's content without a yes/no word.
 *
 * Absence: "nobody's living there", "no one was hurt", "nothing was taken",
 * "there's no one home", "there's no damage". To a question that asks whether
 * someone or something is ("Is the property occupied?", "Has anything
 * changed?", "Do you need anything else?") that is a no. It cannot be told
 * when the question is itself negative or about an absence ("Is the house
 * empty?", "Are you the only one there?", "Isn't anyone home?"), asks whether
 * all is well, asks for consent or permission, or is not known. Those are
 * asked again. A change denied ("nothing's different") is no change, read as
 * "nothing's changed" is.
 *
 * A trouble denied ("nothing wrong with it", "no one was hurt", "no damage")
 * is a no to a question about that kind of trouble ("Was anyone hurt?", "Is
 * there any damage?"), a yes to one about all being well ("Is the car OK?"),
 * and asked again otherwise.
 *
 * Opposites: "it's empty" to "Is the property occupied?", "it's closed" to
 * "Is the shop open?", "it's disconnected" to "Is the phone connected?" (un-,
 * in-, dis-, non- before the question's own word) is a no; "it's not empty" a yes.
 */
const ABSENT: ReadonlySet<string> = new Set([
  'nobody',
  "nobody's",
  'noone',
  "noone's",
  'no one',
  "no one's",
  'nothing',
  "nothing's",
  'none',
  'nowhere',
  "there's no",
]);

function isAbsence(cue: Cue): boolean {
  return cue.kind === 'other' && (ABSENT.has(cue.text) || cue.text.startsWith('no '));
}

/** Troubles an answer may deny ("nothing wrong", "no damage"), which answer only a question about troubles. */
const TROUBLE_WORDS: ReadonlySet<string> = new Set([
  'wrong',
  'problem',
  'problems',
  'issue',
  'issues',
  'broken',
  'bad',
  'damage',
  'damaged',
  'missing',
  'hurt',
  'injured',
  'injury',
  'injuries',
  'stolen',
  'lost',
  'faulty',
  'fault',
  'worry',
  'worries',
  'trouble',
  'concern',
  'concerns',
  'dangerous',
  'unsafe',
  'sick',
  'ill',
  'pain',
  'leak',
  'leaking',
  'harm',
  'harmed',
]);

/** States and their opposites, as callers answer a question about one with the other. */
const OPPOSITES: ReadonlyArray<readonly [readonly string[], readonly string[]]> = [
  [
    ['occupied', 'inhabited', 'tenanted', 'lived', 'living', 'full'],
    ['empty', 'vacant', 'unoccupied', 'uninhabited', 'untenanted'],
  ],
  [
    ['open', 'opened', 'unlocked'],
    ['closed', 'shut', 'locked'],
  ],
  [
    ['on', 'running', 'working', 'connected', 'operating'],
    ['off', 'broken', 'dead', 'disconnected', 'faulty'],
  ],
  [
    ['home', 'present'],
    ['out', 'away', 'absent'],
  ],
  [['alive'], ['dead', 'deceased']],
  [['married'], ['single', 'divorced', 'separated', 'widowed']],
  [
    ['available', 'free'],
    ['busy', 'booked', 'taken', 'unavailable'],
  ],
  [['paid'], ['unpaid', 'owing', 'overdue', 'outstanding']],
  [['awake'], ['asleep']],
  [['safe'], ['unsafe', 'dangerous']],
];
const NEGATING_PREFIXES = ['un', 'in', 'im', 'il', 'ir', 'dis', 'non'];

/** Whether `word` says the opposite of a word of the question. */
function opposes(word: string, frame: QuestionFrame): boolean {
  for (const q of frame.words) {
    if (q.length >= 4 && word.length >= 4 && NEGATING_PREFIXES.some((p) => word === p + q || q === p + word)) return true;
    for (const [a, b] of OPPOSITES) if ((a.includes(q) && b.includes(word)) || (b.includes(q) && a.includes(word))) return true;
  }
  return false;
}

/**
 * The answer's cues as this question reads them: "no one", "no body" and
 * "there's no" are one absence; a state opposite to the question's is a no,
 * and "not" before one a yes ("Is it open?" "It's not closed.").
 */
export function relabel(cues: readonly Cue[], frame: QuestionFrame): Cue[] {
  const out: Cue[] = [];
  for (let k = 0; k < cues.length; k++) {
    const cue = cues[k];
    const next = cues[k + 1];
    if (cue.kind === 'marker-no' && cue.text === 'no' && next?.kind === 'other' && /^(one|body)('s)?$/.test(next.text)) {
      out.push({ kind: 'other', start: cue.start, end: next.end, text: `no ${next.text}`.replace(/^no body/, 'nobody') });
      k++;
      continue;
    }
    // "no damage", "no injuries": a trouble denied, to a question that is known.
    if (frame.text !== undefined && cue.kind === 'marker-no' && cue.text === 'no' && next !== undefined && TROUBLE_WORDS.has(next.text)) {
      out.push({ kind: 'other', start: cue.start, end: next.end, text: `no ${next.text}` });
      k++;
      continue;
    }
    // "right now", "right away", "right there": a time or a place, not agreement.
    if (cue.kind === 'truth' && cue.text === 'right' && next !== undefined && ['now', 'away', 'there', 'here'].includes(next.text)) {
      out.push({ ...cue, kind: 'neutral' });
      continue;
    }
    // "nothing's different", "nobody's moved": a change denied is no change.
    const last = out[out.length - 1];
    if (cue.kind === 'changed' && last !== undefined && isAbsence(last)) {
      out[out.length - 1] = { kind: 'unchanged', start: last.start, end: cue.end, text: `${last.text} ${cue.text}` };
      continue;
    }
    // "nothing wrong with it": after an absence, a trouble word is what is denied, not a "no" of its own.
    if (cue.kind === 'deny' && TROUBLE_WORDS.has(cue.text) && out.some(isAbsence)) {
      out.push({ ...cue, kind: 'other' });
      continue;
    }
    // "there's no tenant", "there is no one", "there are no problems"
    const there = cue.text === "there's" || cue.text === 'theres' || cue.text === 'there is' || cue.text === 'there are';
    if (there && next?.kind === 'marker-no') {
      out.push({ kind: 'other', start: cue.start, end: next.end, text: "there's no" });
      k++;
      continue;
    }
    const opposite = !frame.mind && frame.text !== undefined && !negated(frame);
    // "it's not empty", "it isn't closed", "not vacant"
    if (opposite && (cue.text === 'not' || cue.kind === 'echo-no') && next?.kind === 'other' && opposes(next.text, frame)) {
      out.push({ kind: 'truth', start: cue.start, end: next.end, text: `not ${next.text}` });
      k++;
      continue;
    }
    // An opposite state after an absence ("nobody's living there" to "Is it vacant?") is the absence's to answer.
    if (opposite && cue.kind === 'other' && opposes(cue.text, frame) && !out.some(isAbsence)) {
      out.push({ ...cue, kind: 'deny' });
      continue;
    }
    out.push(cue);
  }
  return out;
}

function negated(frame: QuestionFrame): boolean {
  return [...frame.words].some((w) => w === 'not' || /n't$/.test(w));
}

/** The sign of an absence in this answer, given the question (see above). */
export function absenceSign(cues: readonly Cue[], frame: QuestionFrame): Sign {
  if (frame.text === undefined || frame.mind || frame.permission) return '?';
  // "Is the car OK?", "Is everything alright?": whether all is well.
  const wellbeing = frame.wellbeing || [...frame.words].some((w) => WELL_WORDS.has(w));
  const troubleDenied = cues.some(
    (c) => (c.kind === 'other' && TROUBLE_WORDS.has(c.text)) || (isAbsence(c) && TROUBLE_WORDS.has(c.text.replace(/^no /, ''))),
  );
  if (troubleDenied) {
    if ([...frame.words].some((w) => TROUBLE_WORDS.has(w))) return frame.negative ? '?' : '-';
    return wellbeing && !frame.negative ? '+' : '?';
  }
  if (frame.negative || wellbeing) return '?';
  return '-';
}

const WELL_WORDS: ReadonlySet<string> = new Set(['ok', 'okay', 'alright', 'fine', 'good', 'well', 'safe', 'intact', 'undamaged', 'right']);

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
  const cues = relabel(scanAnswer(utterance).cues, frame);
  const absence = absenceSign(cues, frame);
  const verdict = judgeAnswer(cues, (cue) => signFor(cue, frame, absence), afterNo(frame));
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
