import { tokens, withoutFillers } from '../spoken/normalise';
import { candidatesFor, endsWithKnownTld, finishDomain, isValidEmail, looksLikeDomain, replaceEnding } from './domain';
import { AU_ZONES, UNMISTAKABLE_LABELS, isEndingOnly } from './domain-endings';
import type { EmailExtraction } from './extraction';
import { collapseProviders } from './prepare';
import { PROVIDER_DOMAINS } from './providers';
import { NUMBER_WORD, isSpelledContext, spellDomain, spellLocal } from './spell';
import {
  ANCHOR_WORDS,
  DOMAIN_DETERMINERS,
  DOT_WORDS,
  HEDGE_WORDS,
  LEAD_IN_ENDS,
  NAME_LIKE_WORDS,
  PART_WORDS,
  PLACEHOLDER_WORDS,
  SENTENCE_WORDS,
  SPELLING_HOMONYMS,
} from './vocabulary';

/**
 * Reads one self-correction segment: finds each "at", scans back for the part
 * before it and forward for the domain, and reports a whole address, a part
 * of one, or the choice the caller left open.
 */

export /** A segment's contribution: a whole address, or just one of its parts. */
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

/** Reads one self-correction segment. */
export function readSegment(segment: string): SegmentReading {
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
  // "dot net not dot com dot au" is a swap (swap.ts), never the one ending net.com.au.
  if (isEndingOnly(spelled)) return words.includes('not') ? { emails } : { emails, endingOnly: spelled };
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
export function withImpliedDots(words: readonly string[]): string[] {
  if (words.length < 2 || words.some((w) => DOT_WORDS.has(w) || w.includes('.'))) return [...words];
  const n = words.length;
  const last = words[n - 1];
  const second = words[n - 2];
  if (last === 'au' && n >= 3 && AU_ZONES.has(second)) {
    return [...words.slice(0, n - 2), 'dot', second, 'dot', 'au'];
  }
  if (UNMISTAKABLE_LABELS.has(last)) return [...words.slice(0, n - 1), 'dot', last];
  return [...words];
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

/** "jane or jenny at …": the name before an "or" that ends the part before the at, if it is one. */
function alternativeLocal(words: readonly string[], localStart: number, floor: number): string | undefined {
  if (words[localStart - 1] !== 'or') return undefined;
  let start = localStart - 1;
  while (start > floor && !SENTENCE_WORDS.has(words[start - 1]) && !ANCHOR_WORDS.has(words[start - 1])) start--;
  if (start === localStart - 1) return undefined;
  const other = spellLocal(words.slice(start, localStart - 1));
  return other.length > 0 ? other : undefined;
}

/** Where the local part before `at` starts: back to the first sentence word. */
export function scanBack(words: readonly string[], at: number, floor: number): number {
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

/** Where the domain after `at` ends: at the first word that cannot be part of it. */
export function scanForward(words: readonly string[], from: number, ceiling: number): number {
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
