import isEmail from 'validator/lib/isEmail';
import {
  DIGIT_WORDS,
  LETTER_NAMES,
  NATO_ALPHABET,
  TEEN_WORDS,
  TENS_WORDS,
  WEAK_DIGIT_WORDS,
  isSingleLetter,
  numberWordsToDigits,
} from '../spoken/characters';
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
  | { type: 'provider-domain'; provider: string; domains: string[] }
  | { type: 'which-address' }
  | { type: 'domain-ending'; domain: string };

/** A segment's contribution: a whole address, or just one of its parts. */
interface SegmentReading {
  emails: string[];
  ambiguous?: Extract<EmailExtraction, { kind: 'ambiguous' }>;
  localOnly?: string;
  domainOnly?: string;
}

const ANCHOR_WORDS = new Set(['at', '@']);
const DOT_WORDS = new Set(['dot', 'period', 'point', 'dott']);
const DROP_WORDS = new Set(['capital', 'uppercase', 'upper', 'lowercase', 'lower', 'small', 'letter', 'case', 'all', 'one', 'word']);
const SYMBOL_WORDS: Readonly<Record<string, string>> = {
  underscore: '_',
  underline: '_',
  dash: '-',
  hyphen: '-',
  minus: '-',
  plus: '+',
};

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
]);

/** Words a caller uses to point at a part of the address in a correction ("the domain is …"). */
const PART_WORDS = new Set(['domain', 'part', 'first', 'second', 'bit', 'end', 'ending', 'after', 'before', 'name', 'username', 'user', 'one', 'should']);

/** Sentence words that are also the names of letters or digits, spelled out. */
const SPELLING_HOMONYMS = new Set(['you', 'are', 'be', 'oh']);

export function extractEmail(text: string): EmailExtraction {
  const segments = splitSelfCorrections(normaliseUtterance(text));
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
    } else if (current !== undefined && reading.domainOnly !== undefined) {
      current = replaceDomain(current, reading.domainOnly);
    } else if (current !== undefined && reading.localOnly !== undefined) {
      current = `${reading.localOnly}@${current.split('@')[1]}`;
    }
  }
  if (ambiguity) return ambiguity;
  if (current === undefined) return { kind: 'none', reason: 'no email address found' };
  if (!isValidEmail(current)) return { kind: 'none', reason: 'the address heard is not a valid email address' };
  return { kind: 'value', value: current };
}

/**
 * Applies a caller's correction to a value they were asked to confirm: a whole
 * new address, "not outlook, optusnet", a new domain, or a new part before the at.
 * Returns undefined when the words do not change the address.
 */
export function repairEmail(previous: string, text: string): EmailExtraction | undefined {
  const whole = extractEmail(text);
  if (whole.kind !== 'none') return whole;
  const normalised = normaliseUtterance(text);

  const swap = readSwap(normalised);
  if (swap) {
    const [local, domain] = previous.split('@');
    const labels = domain.split('.');
    const wrongIndex = labels.indexOf(swap.wrong);
    if (wrongIndex >= 0 && wrongIndex < labels.length) {
      const domains = PROVIDER_DOMAINS[swap.right];
      if (wrongIndex === 0 && domains !== undefined) {
        return finishDomain(local, swap.right);
      }
      labels[wrongIndex] = swap.right;
      return validated(`${local}@${labels.join('.')}`);
    }
    if (local === swap.wrong) return validated(`${swap.right}@${domain}`);
  }

  const segment = splitSelfCorrections(normalised).pop() ?? '';
  const reading = readSegment(segment);
  if (reading.ambiguous) return reading.ambiguous;
  if (reading.domainOnly !== undefined) return finishReplaced(previous, reading.domainOnly);
  if (reading.localOnly !== undefined && reading.localOnly.length > 1) {
    return validated(`${reading.localOnly}@${previous.split('@')[1]}`);
  }
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
  return isEmail(email, { require_tld: true, allow_utf8_local_part: false, allow_ip_domain: false }) && !email.includes('..');
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
    if (localStart === at) continue; // "reach me at ..." - not the address's at
    const domainEnd = scanForward(words, at + 1, anchors[a + 1] ?? words.length);
    const local = spellLocal(words.slice(localStart, at));
    const domainWords = words.slice(at + 1, domainEnd);
    lastDomainEnd = domainEnd - 1;
    if (domainWords.length === 0 || local.length === 0) continue;
    const alternative = alternativeDomain(words, domainEnd);
    const domain = spellDomain(domainWords);
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
    if (finished.kind === 'ambiguous') return { emails, ambiguous: finished };
    if (finished.kind === 'value') emails.push(finished.value);
  }

  for (const w of words) {
    if (w.includes('@') && w.length > 2) {
      const literal = w.replace(/^[._\-+]+|[._\-+]+$/g, '');
      if (isValidEmail(literal)) emails.push(literal);
    }
  }
  if (emails.length > 0 || anchors.length > 0) return { emails };

  // No "at": the segment may name only a part, as in a correction.
  const content = words.filter((w) => (!SENTENCE_WORDS.has(w) && !PART_WORDS.has(w)) || SPELLING_HOMONYMS.has(w));
  if (content.length === 0) return { emails };
  const spelled = spellDomain(content);
  if (spelled.includes('.') && looksLikeDomain(spelled)) return { emails, domainOnly: spelled };
  if (content.length === 1 && PROVIDER_DOMAINS[content[0]] !== undefined) return { emails, domainOnly: content[0] };
  return { emails, localOnly: spellLocal(content) };
}

function looksLikeDomain(domain: string): boolean {
  const labels = domain.split('.');
  return labels.length >= 2 && labels.every((l) => /^[a-z0-9-]+$/.test(l)) && /^[a-z]{2,}$/.test(labels[labels.length - 1]);
}

/** "… at gmail or hotmail": a second domain offered after "or". */
function alternativeDomain(words: readonly string[], from: number): string | undefined {
  if (words[from] !== 'or') return undefined;
  const rest: string[] = [];
  for (let i = from + 1; i < words.length && !ANCHOR_WORDS.has(words[i]); i++) {
    if (SENTENCE_WORDS.has(words[i]) && rest.length > 0) break;
    if (!SENTENCE_WORDS.has(words[i])) rest.push(words[i]);
  }
  if (rest.length === 0) return undefined;
  const domain = spellDomain(rest);
  if (PROVIDER_DOMAINS[domain] !== undefined || looksLikeDomain(domain)) return domain;
  return undefined;
}

/** Where the local part before `at` starts: back to the first sentence word. */
function scanBack(words: readonly string[], at: number, floor: number): number {
  let i = at;
  while (i > floor) {
    const w = words[i - 1];
    if (ANCHOR_WORDS.has(w) || (SENTENCE_WORDS.has(w) && !isSpelledContext(words, i - 1))) break;
    i--;
  }
  return i;
}

/** Where the domain after `at` ends: at the first word that cannot be part of it. */
function scanForward(words: readonly string[], from: number, ceiling: number): number {
  let i = from;
  while (i < ceiling) {
    const w = words[i];
    if (SENTENCE_WORDS.has(w) && !isSpelledContext(words, i)) break;
    // A domain ends after its top-level label unless another "dot" follows.
    if (i > from && !DOT_WORDS.has(w) && w !== '.' && !DOT_WORDS.has(words[i - 1]) && endsWithTld(words, from, i)) break;
    i++;
  }
  return i;
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

function collapseProviders(words: string[]): string[] {
  let joined = ` ${words.join(' ')} `;
  for (const [heard, said] of AU_ENDINGS) {
    if (joined.includes(` ${heard} `)) joined = joined.split(` ${heard} `).join(` ${said} `);
  }
  for (const [heard, label] of PROVIDER_HOMOPHONES) {
    if (joined.includes(` ${heard} `)) joined = joined.split(` ${heard} `).join(` ${label} `);
  }
  // "@gmail.com" written by the recogniser inside a word stays as it is; "at@" artefacts do not.
  return joined.trim().split(' ').filter((w) => w.length > 0);
}

/**
 * Spells the words of a local part: letters and letter names, digits (as
 * words or figures), symbols, "double"/"triple", "j for juliet", and a word
 * followed by its own spelling ("jane j a n e" is jane).
 */
export function spellLocal(words: readonly string[]): string {
  const pieces = spellPieces(words);
  return pieces.join('');
}

function spellDomain(words: readonly string[]): string {
  const pieces = spellPieces(words, true);
  let domain = pieces.join('').replace(/\.+/g, '.').replace(/^\.|\.$/g, '');
  // "com au" without the second dot, and "a u" spelled out, both mean .com.au.
  domain = domain.replace(/\.(com|net|org|edu|gov|asn|id)au$/, '.$1.au');
  domain = domain.replace(/\.aus$/, '.au');
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
    if (w in SYMBOL_WORDS) {
      out.push(SYMBOL_WORDS[w]);
      continue;
    }
    if (DROP_WORDS.has(w) && next !== undefined && (isSingleLetter(next) || next in LETTER_NAMES)) continue;
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
    if (w.length > 1 && !(w in LETTER_NAMES) && isSpellingOf(words, i + 1, w)) continue;
    // Runs of number words make one number ("twenty three" is 23).
    if (w in TENS_WORDS || w in TEEN_WORDS) {
      let j = i;
      while (j < words.length && (words[j] in TENS_WORDS || words[j] in TEEN_WORDS || (words[j] in DIGIT_WORDS && !WEAK_DIGIT_WORDS.has(words[j])))) j++;
      out.push(numberWordsToDigits(words.slice(i, j)) ?? w);
      i = j - 1;
      continue;
    }
    out.push(spellOne(w, words, i, inDomain));
  }
  return out;
}

function spellOne(w: string, words: readonly string[], i: number, inDomain: boolean): string {
  if (w in DIGIT_WORDS && !WEAK_DIGIT_WORDS.has(w)) return DIGIT_WORDS[w];
  if ((w === 'oh' || w === 'o') && neighboursAreDigits(words, i)) return '0';
  if (w === 'oh') return 'o';
  if (w in LETTER_NAMES && (inSpelledRun(words, i) || inDomain)) return LETTER_NAMES[w];
  if (w in NATO_ALPHABET && inNatoRun(words, i)) return NATO_ALPHABET[w];
  return w;
}

function isDigitish(w: string | undefined): boolean {
  return w !== undefined && ((w in DIGIT_WORDS && !WEAK_DIGIT_WORDS.has(w)) || /^[0-9]+$/.test(w));
}

function neighboursAreDigits(words: readonly string[], i: number): boolean {
  return isDigitish(words[i - 1]) || isDigitish(words[i + 1]);
}

function isLetterToken(w: string | undefined): boolean {
  return w !== undefined && (isSingleLetter(w) || w in LETTER_NAMES);
}

function inSpelledRun(words: readonly string[], i: number): boolean {
  return isSingleLetter(words[i - 1] ?? '') || isSingleLetter(words[i + 1] ?? '') ||
    (isLetterToken(words[i - 1]) && isLetterToken(words[i + 1]));
}

function inNatoRun(words: readonly string[], i: number): boolean {
  return (words[i - 1] ?? '') in NATO_ALPHABET || (words[i + 1] ?? '') in NATO_ALPHABET;
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
  const words = collapseProviders(withoutFillers(tokens(normaliseUtterance(text)))).filter(
    (w) => !SENTENCE_WORDS.has(w) && !ANCHOR_WORDS.has(w),
  );
  if (words.length === 0) return undefined;
  const domain = spellDomain(words);
  return domain.length > 0 ? domain : undefined;
}

/** Reads an answer to "spell the part before the at": the local part alone. */
export function readLocalAnswer(text: string): string | undefined {
  const words = withoutFillers(tokens(normaliseUtterance(text)));
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
