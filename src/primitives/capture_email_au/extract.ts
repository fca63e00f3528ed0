import isEmail from 'validator/lib/isEmail';
import {
  DIGIT_WORDS,
  LETTER_NAMES,
  NATO_ALPHABET,
  WEAK_DIGIT_WORDS,
  isDigitWord,
  isLetterName,
  isNatoWord,
  isSingleLetter,
  isTeenWord,
  isTensWord,
  numberWordsToDigits,
} from '../spoken/characters';
import { keysOf, wordTable } from '../spoken/keys';
import { normaliseUtterance, splitSelfCorrections, tokens, withoutFillers } from '../spoken/normalise';
import { AU_SECOND_LEVEL, COMMON_TLDS, PROVIDER_DOMAINS, PROVIDER_HOMOPHONES } from './providers';

/**
 * Turns what a caller said into an email address, or explains why it cannot:
 * spoken forms ("jane dot doe at gee mail dot com dot au"), spelled letters,
 * digits as words, "double"/"triple", lead-ins and fillers, self-corrections
 * (the last one wins) and bare providers. Ambiguity is reported, never guessed.
 */
export type EmailExtraction =
  | { kind: 'value'; value: string }
  | { kind: 'ambiguous'; reason: string; candidates: string[]; ask: AmbiguityAsk }
  | { kind: 'none'; reason: string };

/** What the agent should ask when the caller's words allow several addresses. */
export type AmbiguityAsk =
  { type: 'provider-domain'; provider: string; domains: string[] } | { type: 'which-address' } | { type: 'domain-ending'; domain: string };

/** A segment's contribution: a whole address, or just one of its parts. */
interface SegmentReading {
  emails: string[];
  ambiguous?: Extract<EmailExtraction, { kind: 'ambiguous' }>;
  localOnly?: string;
  domainOnly?: string;
  /** Only the ending of a domain ("dot com dot au"), as in a correction of the ending alone. */
  endingOnly?: string;
  /** Words after the last address read, e.g. "no not hotmail outlook dot com". */
  tail?: string[];
  /** The words `localOnly` was spelled from. */
  localWords?: string[];
}

/** Doubt about the address, said after it. */
const DOUBT =
  /\b(?:(?:don't|do not|can't|cannot|couldn't) (?:remember|recall)|not (?:too |really |a hundred percent )?sure|(?:don't|do not) know|dunno|no idea|i forget|i forgot|i've forgotten)\b/g;
/** What a caller says when taking back what they just said, with nothing after it. */
const TRAILING_RETRACTION =
  /(?:^|\s)(?:no|nah|nope|wait|no wait|hang on|hold on|actually|actually no|no actually|scratch that|start again|let me start again|or|or was it|or maybe|i mean)(?:\s+(?:um|uh|er|erm|ah|hmm|sorry|no|wait|mate))*$/;

/**
 * Whether the caller took the address back: doubt after the last "at"
 * ("… at gmail dot com, no wait, I don't remember") or a retraction at the
 * very end ("… at gmail dot com, actually no").
 */
function retracted(prepared: string): boolean {
  const lastAt = Math.max(prepared.lastIndexOf(' at '), prepared.lastIndexOf('@'));
  if (lastAt < 0) return false;
  const after = prepared.slice(lastAt);
  if (DOUBT.test(after)) {
    DOUBT.lastIndex = 0;
    return true;
  }
  DOUBT.lastIndex = 0;
  const stripped = /(?:thanks|you|cheers|please|mate)$/.test(prepared)
    ? prepared.replace(/(?:\s+(?:thanks|thank you|cheers|please|mate))+$/, '')
    : prepared;
  // A retraction ends the text with one of these words: without one, there is none to look for.
  return RETRACTION_ENDS.has(stripped.slice(stripped.lastIndexOf(' ') + 1)) && TRAILING_RETRACTION.test(stripped);
}

/** The words TRAILING_RETRACTION can end with. */
const RETRACTION_ENDS = new Set([
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
const NOT_NAMES = new Set([
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

/**
 * Whether the words of a correction can be a new part before the at: spelled
 * letters, a word or two, digits and symbols; not a sentence ("I don't
 * remember", "hang on", "let me check").
 */
function looksLikeLocalCorrection(words: readonly string[]): boolean {
  const plain = words.filter((w) => !isLetterToken(w) && !isSymbolWord(w) && !DOT_WORDS.has(w) && !NUMBER_WORD(w) && !/^[0-9]+$/.test(w));
  return plain.length <= 3 && plain.every((w) => !w.includes("'") && !NOT_NAMES.has(w));
}

const ANCHOR_WORDS = new Set(['at', '@']);
const DOT_WORDS = new Set(['dot', 'period', 'point', 'dott']);
const DROP_WORDS = new Set(['capital', 'uppercase', 'upper', 'lowercase', 'lower', 'small', 'letter', 'case', 'all', 'one', 'word']);
const SYMBOL_WORDS: Readonly<Record<string, string>> = wordTable({
  underscore: '_',
  underline: '_',
  dash: '-',
  hyphen: '-',
  minus: '-',
  plus: '+',
  apostrophe: "'",
});
const isSymbolWord = keysOf(SYMBOL_WORDS);

/**
 * Words that end a local part when scanning backwards from the "at", and end
 * a domain when scanning forwards: they belong to the sentence, not the address.
 */
const SENTENCE_WORDS = new Set([
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
const PART_WORDS = new Set([
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
const SPELLING_HOMONYMS = new Set(['you', 'are', 'be', 'oh']);

export function extractEmail(text: string): EmailExtraction {
  const prepared = prepareEmailText(text);
  const segments = splitSelfCorrections(prepared);
  let current: string | undefined;
  let ambiguity: Extract<EmailExtraction, { kind: 'ambiguous' }> | undefined;
  for (const segment of segments) {
    const reading = readSegment(segment);
    if (reading.ambiguous) {
      ambiguity = reading.ambiguous;
      current = undefined;
      continue;
    }
    const distinct = [...new Set(reading.emails)];
    if (distinct.length > 1) {
      ambiguity = {
        kind: 'ambiguous',
        reason: 'two different email addresses in one answer',
        candidates: distinct,
        ask: { type: 'which-address' },
      };
      current = undefined;
    } else if (distinct.length === 1) {
      current = distinct[0];
      ambiguity = undefined;
      // "jane at hotmail dot com, no, not hotmail, outlook dot com": a swap after the address.
      const swap = reading.tail !== undefined && reading.tail.includes('not') ? readSwap(reading.tail.join(' ')) : undefined;
      const swapped = swap !== undefined ? applySwap(current, swap) : undefined;
      if (swapped?.kind === 'value') current = swapped.value;
      if (swapped?.kind === 'ambiguous') {
        ambiguity = swapped;
        current = undefined;
      }
    } else if (current !== undefined && reading.endingOnly !== undefined) {
      current = replaceEnding(current, reading.endingOnly);
    } else if (current !== undefined && reading.domainOnly !== undefined) {
      const replaced = finishReplaced(current, reading.domainOnly);
      if (replaced.kind === 'ambiguous') {
        ambiguity = replaced;
        current = undefined;
      } else {
        current = replaceDomain(current, reading.domainOnly);
      }
    } else if (
      current !== undefined &&
      reading.localOnly !== undefined &&
      reading.localWords !== undefined &&
      looksLikeLocalCorrection(reading.localWords)
    ) {
      current = `${reading.localOnly}@${current.split('@')[1]}`;
    }
  }
  if (ambiguity) return ambiguity;
  if (current === undefined) return { kind: 'none', reason: 'no email address found' };
  // "jane at gmail dot com, no wait, I don't remember": the caller took the address back.
  if (retracted(prepared)) return { kind: 'none', reason: 'the caller took the address back or was unsure of it' };
  if (!isValidEmail(current)) return { kind: 'none', reason: 'the address heard is not a valid email address' };
  return { kind: 'value', value: current };
}

/**
 * Normalises an utterance for reading an address, undoing what recognisers
 * and callers do to one: an "@" glued to a word or standing apart ("karen@bigpond",
 * "@gmail.com"), "dotcom" written as one word, a spelling written with hyphens
 * ("L-E-E"), number words joined by a hyphen ("eighty-five"), a provider split
 * by a hyphen ("g-mail"), a contracted lead-in ("my email's"), "at the rate"
 * and "at sign" for the at, and instructions that are not part of the address
 * ("all one word", "no spaces", "all lower case").
 */
export function prepareEmailText(text: string): string {
  const words: string[] = [];
  for (const token of tokens(normaliseUtterance(text))) words.push(...splitToken(token));
  let joined = ` ${words.join(' ')} `;
  if (ANY_REWRITE.test(joined)) {
    for (const [heard, said] of PADDED_REWRITES) {
      while (joined.includes(heard)) joined = joined.replace(heard, said);
    }
  }
  return joined.trim();
}

/** Phrases rewritten before reading: the at said another way, and spelling instructions (dropped). */
const PHRASE_REWRITES: ReadonlyArray<readonly [string, string]> = [
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

/** PHRASE_REWRITES as whole words (space-padded), built once. */
const PADDED_REWRITES: ReadonlyArray<readonly [string, string]> = PHRASE_REWRITES.map(([heard, said]) => [
  ` ${heard} `,
  said.length > 0 ? ` ${said} ` : ' ',
]);
/** Whether any of them is in a text: one test instead of one search per phrase (most addresses have none). */
const ANY_REWRITE = new RegExp(PADDED_REWRITES.map(([heard]) => heard.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

/** Nouns of a lead-in that callers contract with "is": "my email's …", "the address's …", "name's …". */
const CONTRACTED_LEAD_INS = new Set(['email', 'e-mail', 'address', 'name']);

const NUMBER_WORD = (w: string): boolean => (isDigitWord(w) && !WEAK_DIGIT_WORDS.has(w)) || isTeenWord(w) || isTensWord(w);

function splitToken(token: string): string[] {
  if (token.includes('@') && token !== '@') {
    const literal = token.replace(/^[._\-+]+|[._\-+]+$/g, '');
    if (isValidEmail(literal)) return [token];
    const at = token.indexOf('@');
    return [token.slice(0, at), '@', ...splitToken(token.slice(at + 1))].filter((w) => w.length > 0);
  }
  const glued = token.startsWith('dot') ? /^dot-?(com|net|org|edu|gov|au)$/.exec(token) : null;
  if (glued) return ['dot', glued[1]];
  if (token.endsWith("'s") && CONTRACTED_LEAD_INS.has(token.slice(0, -2))) return [token.slice(0, -2), 'is'];
  if (token.includes('-')) {
    const parts = token.split('-').filter((p) => p.length > 0);
    if (parts.length >= 2 && parts.every(isSingleLetter)) return parts;
    if (parts.length >= 2 && parts.every(NUMBER_WORD)) return parts;
    if (parts.length >= 2 && PROVIDER_DOMAINS[parts.join('')] !== undefined) return [parts.join('')];
  }
  return [token];
}

/**
 * Applies a caller's correction to a value they were asked to confirm: a whole
 * new address, "not outlook, optusnet", a new domain, or a new part before the at.
 * Returns undefined when the words do not change the address.
 */
export function repairEmail(previous: string, text: string): EmailExtraction | undefined {
  const whole = extractEmail(text);
  if (whole.kind !== 'none') return whole;
  const normalised = prepareEmailText(text);

  const swap = readSwap(normalised);
  const swapped = swap !== undefined ? applySwap(previous, swap) : undefined;
  if (swapped !== undefined) return swapped;

  const segment = splitSelfCorrections(normalised).pop() ?? '';
  const reading = readSegment(segment);
  if (reading.ambiguous) return reading.ambiguous;
  if (reading.endingOnly !== undefined) return validated(replaceEnding(previous, reading.endingOnly));
  if (reading.domainOnly !== undefined) return finishReplaced(previous, reading.domainOnly);
  if (reading.localOnly !== undefined && reading.localOnly.length > 1) {
    return validated(`${reading.localOnly}@${previous.split('@')[1]}`);
  }
  return undefined;
}

/** Replaces the label or local part the caller said was wrong; undefined when it is not in the address. */
function applySwap(previous: string, swap: { wrong: string; right: string }): EmailExtraction | undefined {
  const [local, domain] = previous.split('@');
  const labels = domain.split('.');
  const wrongIndex = labels.indexOf(swap.wrong);
  if (wrongIndex >= 0) {
    if (wrongIndex === 0 && PROVIDER_DOMAINS[swap.right] !== undefined) return finishDomain(local, swap.right);
    // "not hotmail, outlook dot com": the right name came with its ending.
    if (wrongIndex === 0 && swap.right.includes('.') && endsWithKnownTld(swap.right)) return validated(`${local}@${swap.right}`);
    labels[wrongIndex] = swap.right;
    return validated(`${local}@${labels.join('.')}`);
  }
  if (local === swap.wrong) return validated(`${swap.right}@${domain}`);
  return undefined;
}

function finishReplaced(previous: string, domain: string): EmailExtraction {
  const local = previous.split('@')[0];
  return domain.includes('.') ? validated(`${local}@${domain}`) : finishDomain(local, domain);
}

function replaceDomain(email: string, domain: string): string {
  const local = email.split('@')[0];
  if (domain.includes('.')) return `${local}@${domain}`;
  const domains = PROVIDER_DOMAINS[domain];
  return domains?.length === 1 ? `${local}@${domains[0]}` : `${local}@${domain}`;
}

function validated(email: string): EmailExtraction {
  return isValidEmail(email) ? { kind: 'value', value: email } : { kind: 'none', reason: 'the corrected address is not valid' };
}

export function isValidEmail(email: string): boolean {
  // The cheap checks first: validator's isEmail costs a few µs.
  return (
    !email.includes('..') &&
    // A part before the at that starts or ends with a symbol ("jane_@…") was cut short.
    /^[a-z0-9](?:.*[a-z0-9])?@/.test(email) &&
    !isEndingOnly(email.slice(email.indexOf('@') + 1)) &&
    isEmail(email, EMAIL_OPTIONS)
  );
}

/** Built once; validator fills in its (constant) defaults on the first call and reads it after. */
const EMAIL_OPTIONS = { require_tld: true, allow_utf8_local_part: false, allow_ip_domain: false };

/**
 * Labels that end a domain and are never its name: "com.au" or "net" alone is
 * an ending (a correction of the ending, or an address missing its name).
 */
const ENDING_LABELS = new Set(['com', 'net', 'org', 'edu', 'gov', 'asn', 'id', 'au', 'co', 'uk', 'nz']);

function isEndingOnly(domain: string): boolean {
  return domain.length > 0 && domain.split('.').every((label) => ENDING_LABELS.has(label));
}

/** jane@hotmail.com with the ending "com.au" → jane@hotmail.com.au: the name labels stay, the ending is replaced. */
function replaceEnding(email: string, ending: string): string {
  const [local, domain] = email.split('@');
  const labels = domain.split('.');
  let cut = labels.length;
  for (let i = labels.length - 1; i > 0 && ENDING_LABELS.has(labels[i]); i--) cut = i;
  return `${local}@${[...labels.slice(0, cut), ending].join('.')}`;
}

/** "not outlook, optusnet" / "optusnet not outlook" / "it's optusnet, not outlook" / "not com, com dot au". */
function readSwap(normalised: string): { wrong: string; right: string } | undefined {
  const words = collapseProviders(withoutFillers(tokens(normalised)));
  const notAt = words.indexOf('not');
  if (notAt < 0 || notAt + 1 >= words.length) return undefined;
  const wrong = words[notAt + 1];
  const content = (list: string[]): string[] => list.filter((w) => !SENTENCE_WORDS.has(w) && !PART_WORDS.has(w));
  const after = content(words.slice(notAt + 2));
  const before = content(words.slice(0, notAt));
  const side = after.length > 0 ? after : before;
  if (side.length === 0) return undefined;
  const right = spellDomain(side);
  if (right === '' || right === wrong) return undefined;
  return { wrong, right };
}

/** Reads one self-correction segment. */
function readSegment(segment: string): SegmentReading {
  const words = collapseProviders(withoutFillers(tokens(segment)));
  const anchors: number[] = [];
  words.forEach((w, i) => {
    if (ANCHOR_WORDS.has(w)) anchors.push(i);
  });

  const emails: string[] = [];
  let lastDomainEnd = -1;
  for (let a = 0; a < anchors.length; a++) {
    const at = anchors[a];
    const localStart = scanBack(words, at, lastDomainEnd + 1);
    if (localStart === at) {
      // "jane at gmail at hotmail": a second domain right after an address.
      const previous = emails[emails.length - 1];
      if (previous !== undefined && at === lastDomainEnd + 1) {
        const other = spellDomain(words.slice(at + 1, scanForward(words, at + 1, anchors[a + 1] ?? words.length)));
        if (other.length > 0 && (PROVIDER_DOMAINS[other] !== undefined || looksLikeDomain(other))) {
          const local = previous.split('@')[0];
          const candidates = [...new Set([previous, ...candidatesFor(local, other)])];
          if (candidates.length > 1) {
            return {
              emails,
              ambiguous: { kind: 'ambiguous', reason: 'two different domains offered', candidates, ask: { type: 'which-address' } },
            };
          }
        }
      }
      continue; // "reach me at ..." - not the address's at
    }
    const domainEnd = scanForward(words, at + 1, anchors[a + 1] ?? words.length);
    const localWords = words.slice(localStart, at);
    const local = spellLocal(localWords);
    const domainWords = withImpliedDots(words.slice(at + 1, domainEnd));
    const floor = lastDomainEnd + 1;
    lastDomainEnd = domainEnd - 1;
    if (domainWords.length === 0 || local.length === 0) continue;
    // "first name dot last name at …": a description of the address, not the address.
    if (localWords.some((w) => PLACEHOLDER_WORDS.has(w)) || domainWords.some((w) => PLACEHOLDER_WORDS.has(w))) continue;
    const domain = spellDomain(domainWords);
    // "jane or jenny at gmail dot com": two names offered for the part before the at.
    const otherLocal = alternativeLocal(words, localStart, floor);
    if (otherLocal !== undefined && otherLocal !== local) {
      return {
        emails,
        ambiguous: {
          kind: 'ambiguous',
          reason: 'two different names offered before the at',
          candidates: [otherLocal, local].flatMap((l) => candidatesFor(l, domain)),
          ask: { type: 'which-address' },
        },
      };
    }
    const alternative = alternativeDomain(words, domainEnd, domain);
    if (alternative !== undefined && alternative !== domain) {
      return {
        emails,
        ambiguous: {
          kind: 'ambiguous',
          reason: 'two different domains offered',
          candidates: [domain, alternative].flatMap((d) => candidatesFor(local, d)),
          ask: { type: 'which-address' },
        },
      };
    }
    const finished = finishDomain(local, domain);
    if (finished.kind === 'ambiguous' && emails.length > 0) {
      // An address, then another that is itself unclear: ask which, naming both.
      const candidates = [...new Set([...emails, ...finished.candidates])];
      return {
        emails,
        ambiguous: { kind: 'ambiguous', reason: 'two different email addresses in one answer', candidates, ask: { type: 'which-address' } },
      };
    }
    if (finished.kind === 'ambiguous') return { emails, ambiguous: finished };
    if (finished.kind === 'value') emails.push(finished.value);
  }

  for (const w of words) {
    if (w.includes('@') && w.length > 2) {
      const literal = w.replace(/^[._\-+]+|[._\-+]+$/g, '');
      if (isValidEmail(literal)) emails.push(literal);
    }
  }
  // "… sorry, I mean at yahoo dot com dot au": a new domain alone, after its at.
  if (emails.length === 0 && anchors.length === 1 && scanBack(words, anchors[0], 0) === anchors[0]) {
    const after = words.slice(anchors[0] + 1, scanForward(words, anchors[0] + 1, words.length));
    const domain = spellDomain(withImpliedDots(after));
    if (isEndingOnly(domain)) return { emails, endingOnly: domain };
    if (PROVIDER_DOMAINS[domain] !== undefined || (domain.includes('.') && looksLikeDomain(domain))) return { emails, domainOnly: domain };
  }
  if (emails.length > 0 || anchors.length > 0) return { emails, tail: words.slice(lastDomainEnd + 1) };

  // No "at": the segment may name only a part, as in a correction.
  const content = words.filter((w) => (!SENTENCE_WORDS.has(w) && !PART_WORDS.has(w)) || SPELLING_HOMONYMS.has(w));
  if (content.length === 0) return { emails };
  const spelled = spellDomain(content);
  if (isEndingOnly(spelled)) return { emails, endingOnly: spelled };
  // "yahoo dot com dot au" is a domain; "jane dot doe" is the part before the at.
  if (spelled.includes('.') && looksLikeDomain(spelled) && endsWithKnownTld(spelled)) return { emails, domainOnly: spelled };
  if (content.length === 1 && PROVIDER_DOMAINS[content[0]] !== undefined) return { emails, domainOnly: content[0] };
  return { emails, localOnly: spellLocal(content), localWords: content };
}

/**
 * "outlook com" (the recogniser heard "dot" as a full stop, then dropped it):
 * a domain without any dot whose last words are an unmistakable ending gets
 * its dots back. A bare "net" is not enough: it ends names (westnet, brightnet).
 */
function withImpliedDots(words: readonly string[]): string[] {
  if (words.length < 2 || words.some((w) => DOT_WORDS.has(w) || w.includes('.'))) return [...words];
  const n = words.length;
  const last = words[n - 1];
  const second = words[n - 2];
  if (last === 'au' && n >= 3 && ['com', 'net', 'org', 'edu', 'gov', 'asn', 'id'].includes(second)) {
    return [...words.slice(0, n - 2), 'dot', second, 'dot', 'au'];
  }
  if (['com', 'org', 'edu', 'gov'].includes(last)) return [...words.slice(0, n - 1), 'dot', last];
  return [...words];
}

function endsWithKnownTld(domain: string): boolean {
  const tld = domain.slice(domain.lastIndexOf('.') + 1);
  return COMMON_TLDS.has(tld) || tld.length === 2;
}

function looksLikeDomain(domain: string): boolean {
  const labels = domain.split('.');
  return labels.length >= 2 && labels.every((l) => /^[a-z0-9-]+$/.test(l)) && /^[a-z]{2,}$/.test(labels[labels.length - 1]);
}

/**
 * "… at gmail or hotmail", "… at gmail dot com I think, or hotmail", "… dot com
 * dot au or dot com": a second domain, or a second ending, offered after "or".
 */
function alternativeDomain(words: readonly string[], from: number, domain: string): string | undefined {
  let or = from;
  while (or < words.length && or - from < 3 && words[or] !== 'or' && HEDGE_WORDS.has(words[or])) or++;
  if (words[or] !== 'or') return undefined;
  const rest: string[] = [];
  for (let i = or + 1; i < words.length && !ANCHOR_WORDS.has(words[i]); i++) {
    if (SENTENCE_WORDS.has(words[i]) && rest.length > 0) break;
    if (!SENTENCE_WORDS.has(words[i])) rest.push(words[i]);
  }
  if (rest.length === 0) return undefined;
  const other = spellDomain(rest);
  if (isEndingOnly(other)) return replaceEnding(`x@${domain}`, other).split('@')[1];
  if (PROVIDER_DOMAINS[other] !== undefined || looksLikeDomain(other)) return other;
  return undefined;
}

/** Words that may stand between an address and an "or" that offers another: "…, I think, or …". */
const HEDGE_WORDS = new Set([
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

/** "jane or jenny at …": the name before an "or" that ends the part before the at, if it is one. */
function alternativeLocal(words: readonly string[], localStart: number, floor: number): string | undefined {
  if (words[localStart - 1] !== 'or') return undefined;
  let start = localStart - 1;
  while (start > floor && !SENTENCE_WORDS.has(words[start - 1]) && !ANCHOR_WORDS.has(words[start - 1])) start--;
  if (start === localStart - 1) return undefined;
  const other = spellLocal(words.slice(start, localStart - 1));
  return other.length > 0 ? other : undefined;
}

/** Words that describe an address instead of saying it ("first name dot surname at …"). */
const PLACEHOLDER_WORDS = new Set(['name', 'surname', 'username', 'firstname', 'lastname', 'whatever', 'something']);

/** Where the local part before `at` starts: back to the first sentence word. */
function scanBack(words: readonly string[], at: number, floor: number): number {
  let i = at;
  while (i > floor) {
    const w = words[i - 1];
    if (ANCHOR_WORDS.has(w)) break;
    // "two thousand and five": the "and" of a number.
    if (w === 'and' && (words[i - 2] === 'thousand' || words[i - 2] === 'hundred') && NUMBER_WORD(words[i] ?? '')) {
      i--;
      continue;
    }
    if (SENTENCE_WORDS.has(w) && !isSpelledContext(words, i - 1)) {
      // "my email is will at …", "contact at …": a mailbox name that is also a sentence word,
      // right after the lead-in or at the start.
      if (NAME_LIKE_WORDS.has(w) && (i - 1 === floor || LEAD_IN_ENDS.has(words[i - 2]))) i--;
      break;
    }
    i--;
  }
  return i;
}

/** Sentence words that are also names or mailbox names ("will", "contact", "mail"). */
const NAME_LIKE_WORDS = new Set(['will', 'contact', 'mail']);

/** Words a lead-in ends with, right before the address: "my email is …", "it's …". */
const LEAD_IN_ENDS = new Set(['is', "it's", 'its', 'was', 'email', 'e-mail', 'address', 'yeah', 'yes', 'yep', 'sure', 'ok', 'okay', 'so']);

/** Where the domain after `at` ends: at the first word that cannot be part of it. */
function scanForward(words: readonly string[], from: number, ceiling: number): number {
  let i = from;
  // Whether words[from, i) can spell a dot at all ("dot", "full stop", a word with "."): until then no top-level label has ended the domain.
  let dotted = false;
  while (i < ceiling) {
    const w = words[i];
    if (SENTENCE_WORDS.has(w) && !isSpelledContext(words, i) && !(i === from && startsDomain(words, i, ceiling))) break;
    // A domain ends after its top-level label unless another "dot" follows.
    if (dotted && i > from && !DOT_WORDS.has(w) && w !== '.' && !DOT_WORDS.has(words[i - 1]) && endsWithTld(words, from, i)) break;
    if (DOT_WORDS.has(w) || w.includes('.') || (w === 'stop' && words[i - 1] === 'full')) dotted = true;
    i++;
  }
  return i;
}

/** Words a domain's name may start with ("at the bakery dot com dot au", "at my mail dot …"). */
const DOMAIN_DETERMINERS = new Set(['the', 'my', 'our']);

/** Whether a sentence word right after the at begins the domain: "at me dot com", "at the bakery dot com dot au". */
function startsDomain(words: readonly string[], i: number, ceiling: number): boolean {
  const w = words[i];
  if (PROVIDER_DOMAINS[w] !== undefined && DOT_WORDS.has(words[i + 1] ?? '')) return true;
  return DOMAIN_DETERMINERS.has(w) && dottedNameFollows(words, i + 1, ceiling);
}

/** Whether one to three name words and then "dot" and a label follow from `from`. */
function dottedNameFollows(words: readonly string[], from: number, ceiling: number): boolean {
  let j = from;
  while (j < ceiling && j - from < 3 && !DOT_WORDS.has(words[j]) && !SENTENCE_WORDS.has(words[j]) && !ANCHOR_WORDS.has(words[j])) j++;
  return j > from && j + 1 < ceiling && DOT_WORDS.has(words[j]) && !SENTENCE_WORDS.has(words[j + 1]);
}

function endsWithTld(words: readonly string[], from: number, i: number): boolean {
  // True when words[from..i) already read as "label dot tld": the next word is not part of the domain.
  const spelled = spellDomain(words.slice(from, i));
  if (!spelled.includes('.')) return false;
  const next = words[i];
  // "dot com au" and "dot com dot a u" continue the domain.
  if (next === 'au' || next === 'a' || next === 'ay' || next === 'aus') return false;
  return looksLikeDomain(spelled);
}

/** Whether a sentence word at `i` is really a spelled letter ("j a n e you"...). */
function isSpelledContext(words: readonly string[], i: number): boolean {
  const w = words[i];
  if (!SPELLING_HOMONYMS.has(w)) return false;
  const prev = words[i - 1];
  const next = words[i + 1];
  return (prev !== undefined && isSingleLetter(prev)) || (next !== undefined && isSingleLetter(next));
}

/** Joins multi-word provider names ("gee mail" → gmail) before anything else reads the words. */
const AU_ENDINGS: ReadonlyArray<readonly [string, string]> = [
  ['dot a u', 'dot au'],
  ['dot ay you', 'dot au'],
  ['dot ay u', 'dot au'],
  ['dot a you', 'dot au'],
  ['dot aus', 'dot au'],
];

/** One pass per table: a regex alternation (longest phrase first) instead of a scan per phrase. */
function phraseReplacer(table: ReadonlyArray<readonly [string, string]>): (joined: string) => string {
  const map = new Map(table.map(([heard, said]) => [heard, said]));
  const alternatives = [...map.keys()].sort((a, b) => b.length - a.length).map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(` (?:${alternatives.join('|')})(?= )`, 'g');
  return (joined) => joined.replace(pattern, (match) => ` ${map.get(match.slice(1)) ?? match.slice(1)}`);
}

const collapseEndings = phraseReplacer(AU_ENDINGS);
const collapseHomophones = phraseReplacer(PROVIDER_HOMOPHONES);

function collapseProviders(words: string[]): string[] {
  const padded = ` ${words.join(' ')} `;
  // Every AU_ENDINGS phrase starts "dot a".
  const joined = collapseHomophones(padded.includes(' dot a') ? collapseEndings(padded) : padded);
  // "@gmail.com" written by the recogniser inside a word stays as it is; "at@" artefacts do not.
  return joined
    .trim()
    .split(' ')
    .filter((w) => w.length > 0);
}

/**
 * Spells the words of a local part: letters and letter names, digits (as
 * words or figures), symbols, "double"/"triple", "j for juliet", and a word
 * followed by its own spelling ("jane j a n e" is jane).
 */
export function spellLocal(words: readonly string[]): string {
  // The recogniser writes names with their apostrophe ("o'brien"); an address has one only when it is said.
  const pieces = spellPieces(words.map((w) => w.replace(/'/g, '')));
  return pieces.join('');
}

function spellDomain(words: readonly string[]): string {
  const pieces = spellPieces(words, true);
  // An apostrophe is never part of a domain: "sam's plumbing" is samsplumbing.
  // Each rewrite runs only when what it rewrites can be there.
  let domain = pieces.join('');
  if (domain.includes("'")) domain = domain.replace(/'/g, '');
  if (domain.includes('..')) domain = domain.replace(/\.+/g, '.');
  if (domain.startsWith('.') || domain.endsWith('.')) domain = domain.replace(/^\.|\.$/g, '');
  // "com au" without the second dot, and "a u" spelled out, both mean .com.au.
  if (domain.endsWith('au')) domain = domain.replace(/\.(com|net|org|edu|gov|asn|id)au$/, '.$1.au');
  if (domain.endsWith('.aus')) domain = domain.replace(/\.aus$/, '.au');
  // "dot com" misheard as "dot con", "dot come", "dot calm".
  if (domain.includes('.co') || domain.includes('.ca')) domain = domain.replace(/\.(con|come|calm|comb|comm)(?=\.au$|$)/, '.com');
  // A repeated ending label is a stutter: "dot com dot au dot au".
  if (/\.(com|net|org|au)\.\1/.test(domain)) domain = domain.replace(/\.(com|net|org|au)(?:\.\1)+(?=\.|$)/g, '.$1');
  return domain;
}

function spellPieces(words: readonly string[], inDomain = false): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const next = words[i + 1];
    if (DOT_WORDS.has(w)) {
      out.push('.');
      continue;
    }
    if (w === 'full' && next === 'stop') {
      out.push('.');
      i++;
      continue;
    }
    if (w === 'under' && next === 'score') {
      out.push('_');
      i++;
      continue;
    }
    if (isSymbolWord(w)) {
      out.push(SYMBOL_WORDS[w]);
      continue;
    }
    // "j then smith", "j followed by smith": words that join spelled pieces.
    if (!inDomain && out.length > 0 && next !== undefined && (w === 'then' || (w === 'followed' && next === 'by'))) {
      if (w === 'followed') i++;
      continue;
    }
    // An address has no spaces: "jane space doe" cannot be written down as said.
    if (w === 'space' && !inDomain) {
      out.push(UNREADABLE);
      continue;
    }
    // "sarah with an h", "sara without an h": a clarification of the word before, not part of the address.
    if ((w === 'with' || w === 'without') && (next === 'a' || next === 'an') && out.length > 0) {
      const letter = letterOf(words[i + 2]);
      if (letter !== undefined) {
        const previous = out[out.length - 1];
        // A clarification the word does not bear out cannot be applied: the address is left unreadable.
        if (previous.includes(letter) !== (w === 'with')) out.push(UNREADABLE);
        i += 2;
        continue;
      }
    }
    if (DROP_WORDS.has(w) && next !== undefined && (isSingleLetter(next) || isLetterName(next))) continue;
    if ((w === 'double' || w === 'triple') && next !== undefined) {
      const times = w === 'double' ? 2 : 3;
      if (next === 'you' || next === 'u') {
        // "double you" is the letter W; "double u" is how recognisers write it.
        out.push(w === 'double' ? 'w' : 'uuu');
        i++;
        continue;
      }
      const unit = spellOne(next, words, i + 1, inDomain);
      if (unit.length === 1) {
        out.push(unit.repeat(times));
        i++;
        continue;
      }
    }
    // "j for juliet", "a as in apple", "s like sugar"
    const carrier = phoneticCarrier(words, i);
    if (carrier > 0) {
      out.push(w);
      i += carrier;
      continue;
    }
    // "jane j a n e": the spelling replaces the word before it.
    if (w.length > 1 && !isLetterName(w) && isSpellingOf(words, i + 1, w)) continue;
    // "two thousand and five" is 2005, "two thousand" 2000.
    if (next === 'thousand' && isDigitWord(w) && !WEAK_DIGIT_WORDS.has(w)) {
      const [digits, used] = thousands(words, i);
      out.push(digits);
      i += used - 1;
      continue;
    }
    // "one hundred and one" is 101.
    if (next === 'hundred' && isDigitWord(w) && !WEAK_DIGIT_WORDS.has(w)) {
      let j = i + 2;
      if (words[j] === 'and' && NUMBER_WORD(words[j + 1] ?? '')) j++;
      while (j < words.length && j - i < 5 && NUMBER_WORD(words[j])) j++;
      const digits = numberWordsToDigits(words.slice(i, j));
      if (digits !== undefined) {
        out.push(digits);
        i = j - 1;
        continue;
      }
    }
    // Runs of number words make one number ("twenty three" is 23).
    if (isTensWord(w) || isTeenWord(w)) {
      let j = i;
      while (
        j < words.length &&
        (isTensWord(words[j]) || isTeenWord(words[j]) || (isDigitWord(words[j]) && !WEAK_DIGIT_WORDS.has(words[j])))
      )
        j++;
      out.push(numberWordsToDigits(words.slice(i, j)) ?? w);
      i = j - 1;
      continue;
    }
    out.push(spellOne(w, words, i, inDomain));
  }
  return out;
}

/** "two thousand [and] twelve" from `i`: the digits and how many words they took. */
function thousands(words: readonly string[], i: number): [string, number] {
  const base = Number(DIGIT_WORDS[words[i]]) * 1000;
  let j = i + 2;
  if (words[j] === 'and') j++;
  let end = j;
  while (
    end < words.length &&
    end - j < 2 &&
    (isTensWord(words[end]) || isTeenWord(words[end]) || (isDigitWord(words[end]) && !WEAK_DIGIT_WORDS.has(words[end])))
  )
    end++;
  const rest = end > j ? numberWordsToDigits(words.slice(j, end)) : undefined;
  if (rest === undefined || Number(rest) >= 1000) return [String(base), i + 2 - i];
  return [String(base + Number(rest)), end - i];
}

/** Marks a piece of an address that cannot be spelled; it makes the address invalid. */
const UNREADABLE = '\u0000';

function letterOf(w: string | undefined): string | undefined {
  if (w === undefined) return undefined;
  if (isSingleLetter(w)) return w;
  return isLetterName(w) && w !== 'you' && w !== 'are' && w !== 'be' ? LETTER_NAMES[w] : undefined;
}

function spellOne(w: string, words: readonly string[], i: number, inDomain: boolean): string {
  if (isDigitWord(w) && !WEAK_DIGIT_WORDS.has(w)) return DIGIT_WORDS[w];
  if ((w === 'oh' || w === 'o') && neighboursAreDigits(words, i)) return '0';
  if (w === 'oh') return 'o';
  if (isLetterName(w) && (inSpelledRun(words, i) || inDomain)) return LETTER_NAMES[w];
  if (isNatoWord(w) && inNatoRun(words, i)) return NATO_ALPHABET[w];
  return w;
}

function isDigitish(w: string | undefined): boolean {
  return w !== undefined && ((isDigitWord(w) && !WEAK_DIGIT_WORDS.has(w)) || /^[0-9]+$/.test(w));
}

function neighboursAreDigits(words: readonly string[], i: number): boolean {
  return isDigitish(words[i - 1]) || isDigitish(words[i + 1]);
}

function isLetterToken(w: string | undefined): boolean {
  return w !== undefined && (isSingleLetter(w) || isLetterName(w));
}

function inSpelledRun(words: readonly string[], i: number): boolean {
  if (isSingleLetter(words[i - 1] ?? '') || isSingleLetter(words[i + 1] ?? '')) return true;
  if (isLetterToken(words[i - 1]) && isLetterToken(words[i + 1])) return true;
  // The ends of a run of three or more letter names ("ess tee ee vee ee") are spelled too.
  let start = i;
  while (start > 0 && isRunLetter(words[start - 1])) start--;
  let end = i + 1;
  while (end < words.length && isRunLetter(words[end])) end++;
  return end - start >= 3;
}

/** A letter in a spelled run: a single letter, a letter name, or "oh" for O. */
function isRunLetter(w: string | undefined): boolean {
  return isLetterToken(w) || w === 'oh';
}

function inNatoRun(words: readonly string[], i: number): boolean {
  return isNatoWord(words[i - 1] ?? '') || isNatoWord(words[i + 1] ?? '');
}

/** Length of a "for juliet" / "as in apple" / "like sugar" carrier after a letter at i, else 0. */
function phoneticCarrier(words: readonly string[], i: number): number {
  const letter = words[i];
  if (!isSingleLetter(letter)) return 0;
  const a = words[i + 1];
  const b = words[i + 2];
  const c = words[i + 3];
  if ((a === 'for' || a === 'like') && b !== undefined && b.length > 1 && b[0] === letter) return 2;
  if (a === 'as' && b === 'in' && c !== undefined && c.length > 1 && c[0] === letter) return 3;
  return 0;
}

/** Whether words from `from` spell `word` out letter by letter (at least two letters). */
function isSpellingOf(words: readonly string[], from: number, word: string): boolean {
  let letters = '';
  let j = from;
  while (j < words.length && isLetterToken(words[j]) && letters.length < word.length + 3) {
    letters += isSingleLetter(words[j]) ? words[j] : LETTER_NAMES[words[j]];
    j++;
  }
  if (j - from < 2) return false;
  // The spelling may correct the word ("lee l e i g h"), but it must start the same way.
  return letters[0] === word[0] && (letters === word || j - from >= 3);
}

function candidatesFor(local: string, domain: string): string[] {
  const finished = finishDomain(local, domain);
  if (finished.kind === 'value') return [finished.value];
  return finished.kind === 'ambiguous' && finished.candidates.length > 0 ? finished.candidates : [`${local}@${domain}`];
}

/** Completes a domain: a bare provider is looked up; an unknown bare word is asked about. */
function finishDomain(local: string, domain: string): EmailExtraction {
  if (domain.includes('.')) return { kind: 'value', value: `${local}@${domain}` };
  const domains = PROVIDER_DOMAINS[domain];
  if (domains === undefined && COMMON_TLDS.has(domain)) return { kind: 'none', reason: 'the address has no domain name' };
  if (domains === undefined) {
    return {
      kind: 'ambiguous',
      reason: `the domain "${domain}" has no ending`,
      candidates: [],
      ask: { type: 'domain-ending', domain },
    };
  }
  if (domains.length === 1) return { kind: 'value', value: `${local}@${domains[0]}` };
  return {
    kind: 'ambiguous',
    reason: `"${domain}" has more than one domain`,
    candidates: domains.map((d) => `${local}@${d}`),
    ask: { type: 'provider-domain', provider: domain, domains: [...domains] },
  };
}

/** Exposed for the prompts: second-level AU zones read as "dot com dot a u". */
export function isAuSecondLevel(label: string): boolean {
  return AU_SECOND_LEVEL.has(label);
}

/** Reads an answer to "what comes after the at?": the domain alone. */
export function readDomainAnswer(text: string): string | undefined {
  const words = collapseProviders(withoutFillers(tokens(prepareEmailText(text)))).filter(
    (w) => !SENTENCE_WORDS.has(w) && !ANCHOR_WORDS.has(w),
  );
  if (words.length === 0) return undefined;
  const domain = spellDomain(words);
  return domain.length > 0 ? domain : undefined;
}

/** Reads an answer to "spell the part before the at": the local part alone. */
export function readLocalAnswer(text: string): string | undefined {
  const words = withoutFillers(tokens(prepareEmailText(text)));
  if (words.some((w) => ANCHOR_WORDS.has(w) || w.includes('@'))) return undefined;
  const content = words.filter((w) => !SENTENCE_WORDS.has(w) || isSpelledContext(words, words.indexOf(w)));
  const local = spellLocal(content);
  return /^[a-z0-9._%+-]+$/.test(local) && /^[a-z0-9]/.test(local) ? local : undefined;
}

/** Completes local@domain, asking again when the domain is bare or ambiguous. */
export function completeEmail(local: string, domain: string): EmailExtraction {
  const finished = finishDomain(local, domain);
  return finished.kind === 'value' ? validated(finished.value) : finished;
}
