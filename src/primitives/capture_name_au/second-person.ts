import { BEFORE_THEIR_NAME, FOR_WORDS, RELATION_QUALIFIERS, RELATION_WORDS, SELF_STARTS, THEIR_THINGS } from './second-person-words';

/**
 * Another person's name in the same answer: "it's John, my wife is Mary" (John: the caller's
 * own name), "put it under my husband's name, Peter" (Peter: the name the caller asks for),
 * "my son is Jack and my daughter is Kate" (asked: which?). Decides which words hold the name
 * to read; extract.ts then reads them as any answer. Nothing is guessed: two people the name
 * could be for are asked about.
 */
export type Focus =
  /** Read only these words as the answer. */
  | { kind: 'read'; text: string }
  /** Two people's names and nothing says which is wanted; `alternatives`: offered with "or". */
  | { kind: 'ask'; reason: string; alternatives?: boolean };

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\']/g, (c) => (c === "'" ? "['’]" : `\\${c}`));
const byLength = (words: readonly string[]): string[] => [...words].sort((a, b) => b.length - a.length).map(escape);

/** "my husband", "our eldest daughter's", "her other half". */
const RELATION = new RegExp(
  `\\b(?:my|our|his|her|their)\\s+(?:(?:${byLength(RELATION_QUALIFIERS).join('|')})\\s+)?(?:${byLength(RELATION_WORDS).join('|')})\\b`,
  'i',
);
const THEIR_NAME = new RegExp(`^(?:(?:${byLength(BEFORE_THEIR_NAME).join('|')})(?![a-z])[\\s:,-]*)+`, 'i');
const SELF_START = new RegExp(`^(?:${byLength(SELF_STARTS).join('|')})\\b`, 'i');
const THEIR_THING = new RegExp(`^['’]s\\s+(?:${byLength(THEIR_THINGS).join('|')})\\b`, 'i');
/** Pauses and joining words between clauses; kept (a capture group) so the caller's own clauses are read as said. */
const CLAUSE_BREAK = /(\s*[,;.!?]+\s*|\s+(?:and|but|so|or)\s+)/i;

interface Clause {
  /** The words that may hold a name (for another person: what follows "my wife"). */
  text: string;
  /** What came before it in the utterance (a pause or "and"), and its position among the parts. */
  before: string;
  at: number;
  /** Whose name: the caller's own (or unmarked), another person's, or the person the name is for. */
  role: 'self' | 'other' | 'for';
}

/**
 * Which words of an utterance to read as the name; undefined when no other person is mentioned.
 * `hasName` says whether words hold a name at all.
 */
export function secondPerson(text: string, hasName: (words: string) => boolean): Focus | undefined {
  if (!RELATION.test(text)) return undefined;
  const clauses = readClauses(text);
  const named = (role: Clause['role']): string[] => clauses.filter((c) => c.role === role && hasName(c.text)).map((c) => c.text);
  const others = [...named('for'), ...named('other')];
  const self = ownWords(clauses);
  // "The account's in my husband's name": another person, unnamed, is no name of the caller's; only their own words are read.
  if (others.length === 0) return { kind: 'read', text: self };
  const distinct = (names: readonly string[]): number =>
    new Set(
      names.map((n) =>
        n
          .toLowerCase()
          .replace(/[^a-z' -]/g, '')
          .trim(),
      ),
    ).size;

  // "Jack, or put it under my wife's name, Mary": names offered as alternatives are asked about, whoever they belong to.
  if (/\bor\b/i.test(text)) {
    return distinct([...named('self'), ...others]) > 1
      ? { kind: 'ask', reason: 'more than one name in one answer', alternatives: true }
      : undefined;
  }

  // "Put it under my husband's name, Peter": the person the name is for, named, wins.
  const forNames = named('for');
  if (distinct(forNames) > 1) return { kind: 'ask', reason: 'the names of two people the name could be for' };
  if (forNames.length === 1) return { kind: 'read', text: forNames[0] };
  // "It's John, my wife is Mary": the caller's own name; the other person is only mentioned.
  if (self !== '' && hasName(self)) return { kind: 'read', text: self };
  // Only other people named: one is the answer ("my husband Peter"), two are asked about.
  if (distinct(others) > 1) return { kind: 'ask', reason: 'the names of two other people, and none the caller said is theirs' };
  return { kind: 'read', text: others[0] };
}

/** The caller's own clauses, joined as they were said where they were next to each other. */
function ownWords(clauses: readonly Clause[]): string {
  let text = '';
  let last = -2;
  for (const c of clauses) {
    if (c.role !== 'self') continue;
    text += text === '' ? c.text : `${c.at === last + 1 ? c.before : ', '}${c.text}`;
    last = c.at;
  }
  return text;
}

function readClauses(text: string): Clause[] {
  const pieces = text.split(CLAUSE_BREAK);
  // split with a capture group alternates words and breaks: [words, break, words, …]
  const parts: Array<{ text: string; before: string }> = [];
  for (let k = 0; k < pieces.length; k += 2) {
    if (pieces[k].trim() !== '') parts.push({ text: pieces[k], before: pieces[k - 1] ?? '' });
  }
  const clauses: Clause[] = [];
  for (let i = 0; i < parts.length; i++) {
    const { text: part, before: pause } = parts[i];
    const relation = RELATION.exec(part);
    if (relation === null) {
      clauses.push({ text: part, before: pause, at: i, role: 'self' });
      continue;
    }
    const before = part.slice(0, relation.index).trim();
    const lastBefore = before.toLowerCase().split(/\s+/).pop() ?? '';
    const isFor = FOR_WORDS.includes(lastBefore) && (lastBefore !== 'of' || /\bbehalf of$/i.test(before));
    // "John Smith, my wife is Mary" said without a pause: what came before the other person is the caller's own.
    if (!isFor && before !== '') clauses.push({ text: before, before: pause, at: i, role: 'self' });
    const after = part.slice(relation.index + relation[0].length);
    // "my husband's appointment": a thing of theirs, no name.
    let theirs = THEIR_THING.test(after) ? '' : after.replace(THEIR_NAME, '').trim();
    // "Put it under my husband's name, Peter": the name follows the pause, unless the caller goes on about themselves.
    const next = parts[i + 1]?.text;
    if (theirs === '' && next !== undefined && !RELATION.test(next) && !SELF_START.test(next.trim())) {
      theirs = next;
      i++;
    }
    clauses.push({ text: theirs, before: pause, at: i, role: isFor ? 'for' : 'other' });
  }
  return clauses;
}
