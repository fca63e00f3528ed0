import type { Cue, CueKind } from './cues';
import { scanAnswer } from './scan';

/**
 * Judges a scanned answer: turns its cues into yes, no, or why neither.
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
 */

/** Question words that, after an answer, start a question back ("yes, how much is it?"). */
const QUESTION_WORDS = new Set(['how', 'when', 'where', 'why', 'who', 'which', "what's", "how's", "when's", "where's", 'whats']);

/** The sign a cue gives an answer: yes, no, "it depends on the question" ('?'), or none. */
export type Sign = '+' | '-' | '?' | null;

/** Signs of cues when the question is not known: the answer to "is that right?". */
export function confirmationSign(cue: Cue): Sign {
  switch (cue.kind) {
    case 'yes':
    case 'truth':
    case 'marker-yes':
    case 'proceed':
    case 'settled':
    case 'echo-yes':
      return '+';
    case 'marker-no':
    case 'deny':
    case 'decline':
    case 'refuse':
    case 'echo-no':
      return '-';
    case 'self-ok':
    case 'dont-mind':
      return '?';
    default:
      return null;
  }
}

export type Judgement =
  | 'affirm'
  | 'deny'
  /** Doubt: "maybe", "not sure". */
  | 'unclear'
  /** The caller asked to hear the question again. */
  | 'repeat'
  /** The caller answered, then asked something back ("okay, how much is it?"). */
  | 'question'
  /** A yes and a no without a correction between them. */
  | 'conflict'
  /** Only answers whose meaning depends on the question. */
  | 'undecided'
  /** No answer at all. */
  | 'none';

export interface Verdict {
  judgement: Judgement;
  /** A yes that came with a condition ("yes but only on weekdays"). */
  hedged: boolean;
  /** The cues of the part of the answer that decided (after the last correction). */
  cues: Cue[];
  /** Whether "please" was said and nothing else answered (a yes to an offer). */
  pleaseOnly: boolean;
}

const MARKERS = new Set<CueKind>(['marker-yes', 'marker-no']);
/** Plain answers: against a marker of the other sign they contradict it ("no yes", "yeah nope"). */
const PLAIN = new Set(['yes', 'yep', 'yup', 'yess', 'yeap', 'aye', 'affirmative', 'nope', 'nup', 'nuh', 'negative']);
/** Conditions that qualify the answer wherever they stand. */
const CONDITIONALS = new Set([
  'if',
  'only if',
  'only',
  'unless',
  'as long as',
  'so long as',
  'provided',
  'providing',
  'except',
  'apart from',
  'just not',
]);
/** Acceptance that, after a no, is a polite refusal. */
const ACCEPTANCE = new Set<CueKind>(['settled', 'self-ok']);

/**
 * How acceptance after a no is read ("no that's fine", "nah all good"):
 *   decline   a polite refusal: the answer to an offer, or to "is that right?" (the safe side)
 *   accept    the no is "no problem" and the acceptance is the answer: "is it OK if…?"
 *   ask       it cannot be told: a conflict
 */
export type AfterNo = 'decline' | 'accept' | 'ask';

/**
 * Judges scanned cues with the given signs. Self-corrections are applied first:
 * the part after the last correction that gives a new answer decides.
 */
export function judgeAnswer(cues: readonly Cue[], signOf: (cue: Cue) => Sign = confirmationSign, afterNo: AfterNo = 'decline'): Verdict {
  const isPolar = (c: Cue): boolean => {
    const sign = signOf(c);
    return sign === '+' || sign === '-';
  };
  // The last correction followed by a new answer starts the part that counts.
  let from = 0;
  for (let k = 0; k < cues.length; k++) {
    if (cues[k].kind !== 'correction') continue;
    const before = cues.slice(from, k).some((c) => signOf(c) !== null || c.kind === 'unclear');
    if (before && cues.slice(k + 1).some((c) => isPolar(c) && !ACCEPTANCE.has(c.kind))) from = k + 1;
  }
  const part = cues.slice(from);
  const verdict = (judgement: Judgement, hedged = false): Verdict => ({
    judgement,
    hedged,
    cues: part,
    pleaseOnly: judgement === 'none' && part.some((c) => c.kind === 'please') && !part.some((c) => c.kind === 'other'),
  });
  if (part.some((c) => c.kind === 'unclear')) return verdict('unclear');

  // A condition after the answer is not part of it: "yes please, but not too early".
  const firstPolar = part.findIndex(isPolar);
  const cut = part.findIndex((c, k) => c.kind === 'hedge' && firstPolar >= 0 && k > firstPolar);
  const answer = cut < 0 ? part : part.slice(0, cut);
  const condition = cut < 0 ? [] : part.slice(cut + 1);
  const hasContent = (list: readonly Cue[]): boolean => list.some((c) => c.kind === 'other' || isPolar(c));
  // "yes if it's free", "only if …": a conditional anywhere, with something in it.
  const conditional = part.some((c, k) => c.kind === 'hedge' && CONDITIONALS.has(c.text) && hasContent(part.slice(k + 1)));
  const hedged = hasContent(condition) || conditional;

  const signed = answer.map((c) => ({ cue: c, sign: signOf(c) })).filter((x) => x.sign !== null);
  const polar = signed.filter((x) => x.sign !== '?') as Array<{ cue: Cue; sign: '+' | '-' }>;
  if (polar.length === 0) {
    if (part.some((c) => c.kind === 'repeat')) return verdict('repeat');
    // "Sorry?" on its own asks to hear the question again.
    if (signed.length === 0 && part.some((c) => c.text === 'sorry') && part.every((c) => c.kind === 'neutral' || c.text === 'sorry')) {
      return verdict('repeat');
    }
    return verdict(signed.length > 0 ? 'undecided' : 'none');
  }

  // Acceptance after a no: "nah all good", "no that's fine".
  const acceptsAfterNo = (k: number): boolean =>
    ACCEPTANCE.has(polar[k].cue.kind) && polar[k].sign === '+' && polar.slice(0, k).some((p) => p.sign === '-');
  let resolved = polar;
  if (polar.some((_, k) => acceptsAfterNo(k))) {
    if (afterNo === 'ask') return verdict('conflict');
    resolved =
      afterNo === 'decline'
        ? polar.map((x, k) => (acceptsAfterNo(k) ? { ...x, sign: '-' as const } : x))
        : polar.map((x, k) => (x.sign === '-' && polar.some((_, j) => j > k && acceptsAfterNo(j)) ? { ...x, sign: '+' as const } : x));
  }

  const last = resolved[resolved.length - 1];
  // "okay, what was the question?": the answer was only an acknowledgement.
  const after = part.slice(part.indexOf(last.cue) + 1);
  if (after.some((c) => c.kind === 'repeat')) return verdict('repeat');
  // "right, so where was I", "yes, how much is it?": a question back.
  if (after.some((c, k) => c.kind === 'other' && QUESTION_WORDS.has(c.text) && k + 1 < after.length)) return verdict('question');
  // "yeah, nope, yeah": a flip-flop of bare answers that settles is read before content governs.
  const settledOn = settledSign(resolved);
  if (settledOn !== undefined) return verdict(settledOn === '+' ? 'affirm' : 'deny', settledOn === '+' && hedged);
  const strong = resolved.filter((x) => !MARKERS.has(x.cue.kind));
  const signs = new Set(strong.map((x) => x.sign));
  if (signs.size > 1) return verdict('conflict');
  let sign: '+' | '-';
  if (strong.length === 0) {
    // Only "yeah", "nah", "no": the last one wins, unless the caller is still flipping ("yeah nah yeah nah").
    const changes = resolved.filter((x, k) => k > 0 && x.sign !== resolved[k - 1].sign).length;
    if (changes >= 3) return verdict('conflict');
    sign = last.sign;
  } else {
    const content = strong[0].sign;
    if (last.cue.kind === 'marker-no' && content === '+') return verdict('conflict'); // "yes no"
    // A bare "yes"/"nope" right against a marker of the other sign is a contradiction, not content: "no yes".
    const plainLast = !MARKERS.has(last.cue.kind) && PLAIN.has(last.cue.text);
    if (plainLast && resolved.some((x) => MARKERS.has(x.cue.kind) && x.sign !== content)) return verdict('conflict');
    // Otherwise the content governs: "yeah no that's right", "I'm good yeah", "that's wrong yeah".
    sign = content;
  }
  const judgement = sign === '+' ? 'affirm' : 'deny';
  return verdict(judgement, judgement === 'affirm' && hedged);
}

/**
 * A caller who flips and comes back settles: "yes, no, yes" is a yes, "no, yes, no" a no, and one who
 * changes mind and says it twice has settled too: "yes no no" is a no. Only bare answers count (yes,
 * no, yeah, nah, yep, nope…): content ("that's right") is judged as before. Anything else — "yes no"
 * (one of each), "yes no yes no" (still flipping), "no yes yes no" — is asked about, never guessed.
 */
function settledSign(polar: ReadonlyArray<{ cue: Cue; sign: '+' | '-' }>): '+' | '-' | undefined {
  if (polar.length < 3 || !polar.every((x) => MARKERS.has(x.cue.kind) || PLAIN.has(x.cue.text))) return undefined;
  // Runs of the same answer: [yes, yes, no, yes] is [2, 1, 1].
  const runs: number[] = [];
  polar.forEach((x, k) => (k > 0 && x.sign === polar[k - 1].sign ? runs[runs.length - 1]++ : runs.push(1)));
  const last = polar[polar.length - 1].sign;
  if (runs.length === 2 && runs[1] >= 2) return last; // changed mind, said it again
  if (runs.length === 3 && runs[1] === 1) return last; // one slip, came back
  return undefined;
}

/** Reads a whole answer when the question is not known (what "is that right?" is answered with). */
export function readAnswer(text: string): Verdict {
  return judgeAnswer(scanAnswer(text).cues);
}
