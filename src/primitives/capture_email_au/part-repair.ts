import { normaliseUtterance } from '../spoken/normalise';
import { extractEmail } from './extract';
import type { EmailExtraction } from './extraction';
import { repairSpelling } from './spelling-repair';
import { BETWEEN_THEM, HINT_PATTERNS, KEEP_DOMAIN, KEEP_LOCAL, LEAD_INS, ONE_WORD, SEPARATOR_WORDS } from './repair-words';

/**
 * Repairs at confirmation that change one part of the address and keep the rest
 * (words in repair-words.ts):
 *   keep the part before the at   "the first bit's right but it's outlook dot com"
 *   keep the domain               "the last bit's right, it's jayne dot doe"
 *   one word                      "there's no dot, all one word": jane.doe → janedoe
 *   one separator for another     "a dash not an underscore": jane_doe → jane-doe
 *   a separator put in            "a dot between jane and smith": janesmith → jane.smith
 *   a separator taken out         "no underscore": jane_doe → janedoe
 *   a spelling hint              "jane with a y", "p h not v", "double l" (spelling-repair.ts)
 * A spelling hint it cannot apply is a `none`: the caller is asked, never guessed for.
 * Returns undefined when the words are none of these.
 */
export function repairPart(previous: string, text: string): EmailExtraction | undefined {
  const words = normaliseUtterance(text).replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim();
  const [local, domain] = previous.split('@');

  const keepLocal = after(words, KEEP_LOCAL);
  if (keepLocal !== undefined) return keepLocal === '' ? unread('the new domain') : rebuild(`${spell(local)} at ${keepLocal}`);
  const keepDomain = after(words, KEEP_DOMAIN);
  if (keepDomain !== undefined) {
    return keepDomain === '' ? unread('the new part before the at') : rebuild(`${keepDomain} at ${domain.split('.').join(' dot ')}`);
  }

  // "a dot between jane and smith", "underscore between them": one separator put in, or changed.
  const between = readBetween(words);
  if (between !== undefined) return putBetween(previous, between);
  // "no underscore", "without the dash": that separator goes.
  const dropped = readDropped(words);
  if (dropped !== undefined) {
    if (!local.includes(dropped)) return unread('a separator to remove');
    return valid(`${local.split(dropped).join('')}@${domain}`);
  }

  const swap = readSeparatorSwap(words);
  if (swap !== undefined) {
    const count = [...local].filter((c) => c === swap.from).length;
    // Exactly one to change: with none or several, which one is meant is not known.
    if (count !== 1) return unread(`which ${swap.from} to change`);
    return valid(`${local.replace(swap.from, swap.to)}@${domain}`);
  }
  if (ONE_WORD.some((p) => p.test(words))) {
    if (!/[._-]/.test(local)) return unread('a separator to remove');
    return valid(`${local.replace(/[._-]/g, '')}@${domain}`);
  }
  // A whole address said again wins over a hint in it ("jayne with a y at gmail dot com" is read as said).
  const hinted = repairSpelling(previous, text);
  if (hinted !== undefined) return extractEmail(text).kind === 'none' ? hinted : undefined;
  if (HINT_PATTERNS.some((p) => p.test(words))) return unread('a spelling hint');
  return undefined;
}

/** "a dash not an underscore", "dash instead of underscore", "not an underscore, a dash", "change the dot to an underscore". */
function readSeparatorSwap(words: string): { from: string; to: string } | undefined {
  const names = Object.keys(SEPARATOR_WORDS).join('|');
  const a = '(?:an? )?';
  const forward = new RegExp(`\\b${a}(${names}) (?:not|instead of|rather than) ${a}(${names})\\b`).exec(words);
  if (forward !== null) return pair(forward[2], forward[1]);
  const backward = new RegExp(`\\bnot ${a}(${names}) (?:but |it's |its )?${a}(${names})\\b`).exec(words);
  if (backward !== null) return pair(backward[1], backward[2]);
  const verb = new RegExp(`\\b(?:change|replace|swap) (?:the )?(${names}) (?:with|to|for) ${a}(${names})\\b`).exec(words);
  if (verb !== null) return pair(verb[1], verb[2]);
  return undefined;
}

/** "a dot between jane and smith", "underscore between them", "a dash in the middle". */
function readBetween(words: string): { separator: string; left?: string; right?: string } | undefined {
  const names = Object.keys(SEPARATOR_WORDS).join('|');
  const m = new RegExp(`\\b(${names}) (?:in )?between (?:the )?([a-z0-9]+) and (?:the )?([a-z0-9]+)\\b`).exec(words);
  if (m !== null) return { separator: SEPARATOR_WORDS[m[1]], left: m[2], right: m[3] };
  const bare = new RegExp(`\\b(${names}) (?:${BETWEEN_THEM.join('|')})\\b`).exec(words);
  return bare === null ? undefined : { separator: SEPARATOR_WORDS[bare[1]] };
}

/** Puts the separator between the two words named, or in place of the one separator there is. */
function putBetween(previous: string, between: { separator: string; left?: string; right?: string }): EmailExtraction {
  const [local, domain] = previous.split('@');
  const { separator, left, right } = between;
  if (left !== undefined && right !== undefined) {
    // The two words as heard, with or without a separator between them, once in the part before the at.
    const joined = new RegExp(`${left}[._-]?${right}`, 'g');
    const found = local.match(joined) ?? [];
    if (found.length !== 1) return unread(`${left} and ${right} together`);
    return valid(`${local.replace(joined, `${left}${separator}${right}`)}@${domain}`);
  }
  const separators = [...local].filter((c) => /[._-]/.test(c));
  // With no separator, or several, where it goes is not known; the same one again changes nothing.
  if (separators.length !== 1 || separators[0] === separator) return unread('where the separator goes');
  return valid(`${local.replace(/[._-]/, separator)}@${domain}`);
}

/** "no underscore", "without the dash", "there's no hyphen": the separator to take out. */
function readDropped(words: string): string | undefined {
  const m = /\b(?:no |without (?:the |an? |any )?)(underscores?|dash(?:es)?|hyphens?)\b/.exec(words);
  if (m === null) return undefined;
  return SEPARATOR_WORDS[m[1].replace(/(es|s)$/, '')] ?? SEPARATOR_WORDS[m[1]];
}

function pair(fromWord: string, toWord: string): { from: string; to: string } | undefined {
  const from = SEPARATOR_WORDS[fromWord];
  const to = SEPARATOR_WORDS[toWord];
  return from !== undefined && to !== undefined && from !== to ? { from, to } : undefined;
}

/**
 * The words after the last of the phrases said, without lead-ins; undefined when none is said.
 * The last, so that "the first bit's right but the end is wrong, it's …" keeps only "it's …".
 */
function after(words: string, phrases: readonly string[]): string | undefined {
  let end = -1;
  for (const p of phrases) {
    const at = ` ${words} `.lastIndexOf(` ${p} `);
    if (at >= 0) end = Math.max(end, at + p.length);
  }
  if (end < 0) return undefined;
  let rest = words.slice(end).trim();
  for (let changed = true; changed;) {
    changed = false;
    for (const lead of LEAD_INS) {
      if (rest === lead || rest.startsWith(`${lead} `)) {
        rest = rest.slice(lead.length).trim();
        changed = true;
      }
    }
  }
  return rest;
}

/** A local part as words extractEmail reads back the same: "jane.doe" → "jane dot doe". */
function spell(local: string): string {
  return local.replace(/\./g, ' dot ').replace(/_/g, ' underscore ').replace(/-/g, ' dash ').replace(/\s+/g, ' ').trim();
}

function rebuild(said: string): EmailExtraction {
  const read = extractEmail(said);
  return read.kind === 'none' ? unread('the replaced part') : read;
}

function valid(value: string): EmailExtraction {
  return /^[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(value) && !/[._-]{2}|[._-]@/.test(value)
    ? { kind: 'value', value }
    : unread('the repaired address');
}

function unread(what: string): EmailExtraction {
  return { kind: 'none', reason: `could not apply the repair: ${what}` };
}
