import { keysOf, wordTable } from '../spoken/keys';

/**
 * The words of spoken email addresses: what they do in an address, and the
 * sentence words around one. Data only; the readers are in prepare.ts,
 * segment.ts and spell.ts.
 */

/** Doubt about the address, said after it. */
export const DOUBT =
  /\b(?:(?:don't|do not|can't|cannot|couldn't) (?:remember|recall)|not (?:too |really |a hundred percent )?sure|(?:don't|do not) know|dunno|no idea|i forget|i forgot|i've forgotten)\b/g;
/** What a caller says when taking back what they just said, with nothing after it. */
export const TRAILING_RETRACTION =
  /(?:^|\s)(?:no|nah|nope|wait|no wait|hang on|hold on|actually|actually no|no actually|scratch that|start again|let me start again|or|or was it|or maybe|i mean)(?:\s+(?:um|uh|er|erm|ah|hmm|sorry|no|wait|mate))*$/;

/** The words TRAILING_RETRACTION can end with. */
export const RETRACTION_ENDS = new Set([
  'no',
  'nah',
  'nope',
  'wait',
  'on',
  'actually',
  'that',
  'again',
  'or',
  'it',
  'maybe',
  'mean',
  'um',
  'uh',
  'er',
  'erm',
  'ah',
  'hmm',
  'sorry',
  'mate',
]);

/** Words that are not a name: a correction made of them is not a new part before the at ("sorry, hang on"). */
export const NOT_NAMES = new Set([
  'hang',
  'hold',
  'wait',
  'remember',
  'know',
  'think',
  'mean',
  'meant',
  'again',
  'start',
  'check',
  'sure',
  'said',
  'say',
  'forget',
  'forgot',
  'hmm',
  'sec',
  'second',
  'minute',
  'moment',
  'look',
  'see',
  'thing',
  'what',
  'how',
  'where',
  'when',
  'why',
  'who',
  'said',
  'say',
  'saying',
  'spell',
  'spelled',
  'spelt',
  'wrong',
  'right',
  'correct',
  'one',
  'there',
  'here',
  'then',
  'now',
  'about',
  'like',
  'going',
  'gonna',
  'let',
  'go',
]);

export const ANCHOR_WORDS = new Set(['at', '@']);
export const DOT_WORDS = new Set(['dot', 'period', 'point', 'dott']);
export const DROP_WORDS = new Set(['capital', 'uppercase', 'upper', 'lowercase', 'lower', 'small', 'letter', 'case', 'all', 'one', 'word']);
export const SYMBOL_WORDS: Readonly<Record<string, string>> = wordTable({
  underscore: '_',
  underline: '_',
  dash: '-',
  hyphen: '-',
  minus: '-',
  plus: '+',
  apostrophe: "'",
});
export const isSymbolWord = keysOf(SYMBOL_WORDS);

/**
 * Words that end a local part when scanning backwards from the "at", and end
 * a domain when scanning forwards: they belong to the sentence, not the address.
 */
export const SENTENCE_WORDS = new Set([
  'is',
  "it's",
  'its',
  'it',
  "that's",
  'thats',
  'this',
  'was',
  'be',
  'email',
  'e-mail',
  'emails',
  'mail',
  'address',
  'me',
  'my',
  'the',
  'our',
  'your',
  'his',
  'her',
  'reach',
  'contact',
  'send',
  'and',
  'or',
  'but',
  'so',
  'yeah',
  'yes',
  'yep',
  'no',
  'nah',
  'ok',
  'okay',
  'sure',
  'well',
  'right',
  'thanks',
  'thank',
  'cheers',
  'please',
  'mate',
  'that',
  'which',
  'if',
  'on',
  'can',
  'you',
  'use',
  'try',
  'got',
  "i've",
  'ive',
  "i'm",
  'im',
  'have',
  'has',
  'am',
  'are',
  'would',
  'will',
  'should',
  'just',
  'also',
  'either',
  'not',
  'maybe',
  'perhaps',
  'possibly',
  'probably',
  'think',
  'reckon',
]);

/** Words a caller uses to point at a part of the address in a correction ("the domain is …"). */
export const PART_WORDS = new Set([
  'domain',
  'part',
  'first',
  'second',
  'bit',
  'end',
  'ending',
  'after',
  'before',
  'name',
  'username',
  'user',
  'one',
  'should',
]);

/** Sentence words that are also the names of letters or digits, spelled out. */
export const SPELLING_HOMONYMS = new Set(['you', 'are', 'be', 'oh']);

/** Phrases rewritten before reading: the at said another way, and spelling instructions (dropped). */
export const PHRASE_REWRITES: ReadonlyArray<readonly [string, string]> = [
  ['at the rate of', 'at'],
  ['at the rate', 'at'],
  ['at sign', 'at'],
  ['at symbol', 'at'],
  ['at the symbol', 'at'],
  ['all one word', ''],
  ['all in one word', ''],
  ['as one word', ''],
  ['one word', ''],
  ['all together', ''],
  ['no spaces', ''],
  ['no space', ''],
  ['all lowercase', ''],
  ['all lower case', ''],
  ['all in lowercase', ''],
  ['all in lower case', ''],
  ['all small letters', ''],
  ['in lowercase', ''],
  ['in lower case', ''],
];

/** Nouns of a lead-in that callers contract with "is": "my email's …", "the address's …", "name's …". */
export const CONTRACTED_LEAD_INS = new Set(['email', 'e-mail', 'address', 'name']);

/** Words that may stand between an address and an "or" that offers another: "…, I think, or …". */
export const HEDGE_WORDS = new Set([
  'i',
  'think',
  'reckon',
  'maybe',
  'perhaps',
  'possibly',
  'probably',
  'it',
  'might',
  'could',
  'be',
  'was',
  'is',
]);

/** Words that describe an address instead of saying it ("first name dot surname at …"). */
export const PLACEHOLDER_WORDS = new Set(['name', 'surname', 'username', 'firstname', 'lastname', 'whatever', 'something']);

/** Sentence words that are also names or mailbox names ("will", "contact", "mail"). */
export const NAME_LIKE_WORDS = new Set(['will', 'contact', 'mail']);

/** Words a lead-in ends with, right before the address: "my email is …", "it's …". */
export const LEAD_IN_ENDS = new Set([
  'is',
  "it's",
  'its',
  'was',
  'email',
  'e-mail',
  'address',
  'yeah',
  'yes',
  'yep',
  'sure',
  'ok',
  'okay',
  'so',
]);

/** Words a domain's name may start with ("at the bakery dot com dot au", "at my mail dot …"). */
export const DOMAIN_DETERMINERS = new Set(['the', 'my', 'our']);

/** How recognisers write the Australian ending: "dot a u", "dot ay you" → "dot au". */
export const AU_ENDINGS: ReadonlyArray<readonly [string, string]> = [
  ['dot a u', 'dot au'],
  ['dot ay you', 'dot au'],
  ['dot ay u', 'dot au'],
  ['dot a you', 'dot au'],
  ['dot aus', 'dot au'],
];
