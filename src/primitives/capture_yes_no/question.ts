import { answerWords } from '../spoken/polarity';
import { keysOf, wordTable } from '../spoken/keys';

/**
 * What the caller is answering, as far as it changes how the answer is read.
 * Derived from the `question` param with a few general patterns; a question
 * that matches none of them is read like a plain "is that right?".
 */
export interface QuestionFrame {
  /** The question as given, trimmed; undefined when none was given. */
  text: string | undefined;
  /**
   * "Do you mind if…?", "Would you mind…?", "Any objection…?", "Is it a problem if…?":
   * a no consents, so the value is "yes" for "no", "not at all", "I don't".
   */
  mind: boolean;
  /** "Do you want…?", "Would you like…?", "Shall I…?": "I'm good" declines. */
  offer: boolean;
  /** "Are you happy with…?", "Is that OK?": "I'm good" agrees. */
  wellbeing: boolean;
  /** "Can I…?", "May we…?", "Is it OK if…?": "I don't mind" agrees. */
  permission: boolean;
  /** "… still …?", "… current …?", "… up to date?": "nothing's changed" is yes. */
  still: boolean;
  /** "Has … changed?", "Have you moved?": "nothing's changed" is no. */
  change: boolean;
  /** The auxiliary the question opens with, as echo answers use it: do, did, be, was, have, will, would, can, should. */
  aux: string | undefined;
  /** Content words of the question, stemmed: an answer made of them repeats the question. */
  content: ReadonlySet<string>;
  /** Every word of the question, as said. */
  words: ReadonlySet<string>;
  /**
   * The question is negated or asks about an absence ("Isn't anyone home?", "Is
   * the house empty?", "Are you the only one there?"): an answer that denies
   * something ("nobody's there") does not tell its yes from its no.
   */
  negative: boolean;
}

/** Words that make a question negative or exclusive, or ask after an absence. */
const NEGATIVE_QUESTION_WORDS: ReadonlySet<string> = new Set([
  'not',
  'no',
  'never',
  'nobody',
  'none',
  'nothing',
  'without',
  'only',
  'alone',
  'except',
  'empty',
  'vacant',
  'unoccupied',
  'closed',
  'shut',
  'off',
  'away',
  'absent',
  'free',
  'unused',
]);

function isNegativeQuestionWord(word: string): boolean {
  return NEGATIVE_QUESTION_WORDS.has(word) || /n't$/.test(word);
}

const MIND =
  /\b(do|would|will) (you|ya) mind\b|\bmind if\b|\bany objections?\b|\b(do|would) you object\b|\b(is|would|will) (it|that|there) (be )?(a|any) (problem|issue|drama)\b|\bany (problem|issue|drama)s? (with|if)\b/;
const OFFER =
  /\b(do|would|did) (you|ya) (want|like|need|prefer|fancy)\b|\bshall (i|we)\b|\bshould (i|we)\b|\b(are|would) you (be )?interested\b|\bdo you require\b|\banything else\b|\bwant (me|us) to\b|\bwould it help\b|\bcan (i|we) (get|offer|help|interest)\b/;
const WELLBEING =
  /\bare (you|ya) (still )?(happy|ok|okay|alright|all right|comfortable|satisfied|good|fine|right|there)\b|\b(is|does|would) (that|this|everything|it) (sound |look |seem |be )?(ok|okay|alright|all right|fine|good)\b|\b(work|suit)s? (for )?you\b|\bhappy (with|for|to)\b/;
const PERMISSION =
  /\b(can|could|may) (i|we)\b|\bis it (ok|okay|alright|all right|fine)\b|\bdo (i|we) have your (permission|consent|ok|okay)\b|\b(ok|okay|alright) (with|if|for) (you|me|us)\b/;
const STILL = /\bstill\b|\bcurrent(ly)?\b|\bup to date\b|\bthe same\b|\bvalid\b/;
const CHANGE = /\bchang(e|ed|es)\b|\bmoved?\b|\bdifferent\b|\bnew\b|\bupdated?\b/;

const AUX_OF: Readonly<Record<string, string>> = wordTable({
  do: 'do',
  does: 'do',
  did: 'did',
  is: 'be',
  are: 'be',
  am: 'be',
  was: 'was',
  were: 'was',
  have: 'have',
  has: 'have',
  had: 'have',
  will: 'will',
  would: 'would',
  can: 'can',
  could: 'can',
  may: 'can',
  shall: 'should',
  should: 'should',
});

/** Words that carry no content of their own: pronouns, articles, auxiliaries, question words. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'i',
  "i'm",
  'im',
  'me',
  'my',
  'mine',
  'we',
  "we're",
  'us',
  'our',
  'ours',
  'you',
  "you're",
  'your',
  'yours',
  'ya',
  'they',
  "they're",
  'them',
  'their',
  'he',
  "he's",
  'him',
  'his',
  'she',
  "she's",
  'her',
  'it',
  "it's",
  'its',
  'this',
  'that',
  "that's",
  'these',
  'those',
  'there',
  "there's",
  'here',
  'a',
  'an',
  'the',
  'some',
  'any',
  'one',
  'ones',
  'do',
  'does',
  'did',
  'is',
  'are',
  'am',
  'was',
  'were',
  'be',
  'been',
  'being',
  'have',
  'has',
  'had',
  "i've",
  "we've",
  'will',
  'would',
  "i'll",
  "we'll",
  "i'd",
  "we'd",
  'can',
  'could',
  'may',
  'might',
  'shall',
  'should',
  'must',
  'to',
  'of',
  'at',
  'on',
  'in',
  'for',
  'with',
  'by',
  'from',
  'about',
  'as',
  'if',
  'or',
  'and',
  'so',
  'just',
  'still',
  'now',
  'currently',
  'yet',
  'also',
  'too',
  'what',
  'when',
  'where',
  'which',
  'who',
  'why',
  'how',
  'please',
  'mate',
  'ok',
  'okay',
  'well',
  'yes',
  'yeah',
  'yep',
  'all',
  'very',
  'really',
  'actually',
]);

/** Words that make an answer a statement about the question ("it's current", "I'm the account holder"). */
export const STATEMENT_WORDS: ReadonlySet<string> = new Set([
  'i',
  "i'm",
  'im',
  'we',
  "we're",
  'it',
  "it's",
  'its',
  'they',
  "they're",
  "that's",
  'he',
  "he's",
  'she',
  "she's",
  'still',
  "i've",
  "we've",
]);

const IRREGULAR: Readonly<Record<string, string>> = wordTable({
  got: 'get',
  gotten: 'get',
  been: 'be',
  had: 'have',
  did: 'do',
  done: 'do',
  went: 'go',
  gone: 'go',
  made: 'make',
  sent: 'send',
  paid: 'pay',
  heard: 'hear',
  seen: 'see',
  saw: 'see',
  told: 'tell',
  bought: 'buy',
  left: 'leave',
  read: 'read',
  wants: 'want',
});
const isIrregular = keysOf(IRREGULAR);

/** A rough stem, enough to tell that "received" repeats "receive" and "texts" repeats "text". */
export function stem(word: string): string {
  const w = word.endsWith("'s") ? word.slice(0, -2) : word;
  if (isIrregular(w)) return IRREGULAR[w];
  for (const suffix of ['ing', 'ed', 'es', 's', 'e']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) return w.slice(0, -suffix.length);
  }
  return w;
}

export function frameQuestion(question: string | undefined): QuestionFrame {
  const text = question?.trim() === '' ? undefined : question?.trim();
  const words = text === undefined ? [] : answerWords(text);
  const joined = words.join(' ');
  const still = STILL.test(joined);
  const change = CHANGE.test(joined);
  return {
    text,
    mind: MIND.test(joined),
    offer: OFFER.test(joined),
    wellbeing: WELLBEING.test(joined),
    permission: PERMISSION.test(joined),
    // A question about both ("still the same, or has it changed?") settles neither.
    still: still && !change,
    change: change && !still,
    aux: words.length > 0 ? AUX_OF[words[0]] : undefined,
    content: new Set(words.filter((w) => !FUNCTION_WORDS.has(w)).map(stem)),
    words: new Set(words),
    negative: words.some(isNegativeQuestionWord),
  };
}
