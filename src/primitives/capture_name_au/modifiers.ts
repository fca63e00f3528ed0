import { isSingleLetter, LETTER_NAMES } from '../spoken/characters';
import { editDistance } from './format';
import { readSpelledRun } from './spelling';

/**
 * Spelling described rather than spelled: "Steven with a P H" (Stephen),
 * "Caitlin with a Y" (Caitlyn), "Kelly with an I E" (Kellie), "Philip with two
 * L's" (Phillip), "Phillip with one L", "Anne with an E", "Sara without an H",
 * "Jo, no E". Each says which letters the written name has or lacks; the
 * name said is changed by the smallest sound-alike respelling that makes it
 * so. A description the name already meets confirms it; one that fits no
 * respelling, or more than one equally, leaves the name uncertain (the
 * caller is asked to spell it).
 */
export interface Modifier {
  kind: 'with' | 'without' | 'double' | 'single';
  /** Lowercase letters: "ph", "y", "ie"; for double and single, the one letter. */
  letters: string;
  /** Index after the modifier. */
  end: number;
}

/** Letter names safe after "with a"/"without an": "with a why", "without an aitch". */
const NAMED_LETTERS: ReadonlySet<string> = new Set([
  'aitch',
  'haitch',
  'why',
  'zed',
  'kay',
  'jay',
  'ell',
  'el',
  'em',
  'en',
  'ess',
  'ee',
  'ef',
  'eff',
  'vee',
  'pee',
  'dee',
  'gee',
  'tee',
  'ex',
  'cee',
]);
const ONE_WORDS: ReadonlySet<string> = new Set(['one', 'single', '1']);
const TWO_WORDS: ReadonlySet<string> = new Set(['two', 'double', '2']);
/** "with an E on the end", "with a Y at the end". */
const PLACE_TAILS: ReadonlyArray<readonly string[]> = [
  ['on', 'the', 'end'],
  ['at', 'the', 'end'],
  ['on', 'the', 'end', 'of', 'it'],
];

/** One letter at words[i]: "y", "l's", "ls", or a letter name ("aitch"). */
function letterAt(words: readonly string[], i: number, plural: boolean): string | undefined {
  const w = words[i];
  if (w === undefined) return undefined;
  if (isSingleLetter(w)) return w;
  if (plural && /^[a-z]'?s$/.test(w)) return w[0];
  if (NAMED_LETTERS.has(w)) return LETTER_NAMES[w];
  return undefined;
}

function skipTail(words: readonly string[], end: number): number {
  for (const tail of PLACE_TAILS) if (tail.every((t, k) => words[end + k] === t)) return end + tail.length;
  return end;
}

/** The letters described at words[i] (after "with", "without", "no"): "a p h", "an i e", "two l's", "one l". */
function describedLetters(words: readonly string[], i: number): { count?: 'one' | 'two'; letters: string; end: number } | undefined {
  let j = i;
  if (ONE_WORDS.has(words[j] ?? '') || (words[j] === 'a' && words[j + 1] === 'single')) {
    j += words[j] === 'a' ? 2 : 1;
    const letter = letterAt(words, j, false);
    return letter === undefined ? undefined : { count: 'one', letters: letter, end: j + 1 };
  }
  if (TWO_WORDS.has(words[j] ?? '')) {
    const letter = letterAt(words, j + 1, true);
    return letter === undefined ? undefined : { count: 'two', letters: letter, end: j + 2 };
  }
  const article = words[j] === 'a' || words[j] === 'an';
  if (article) {
    // "with a P H": the article, then a spelling; "with an A" is one letter, a.
    const run = readSpelledRun(words, j + 1);
    if (run !== undefined && /^[a-z]+$/.test(run.letters) && run.letters.length <= 3) return { letters: run.letters, end: run.end };
    const letter = letterAt(words, j + 1, false);
    if (letter !== undefined) return { letters: letter, end: j + 2 };
    if (words[j] === 'an' || words[j] === 'a') return undefined;
  }
  const run = readSpelledRun(words, j);
  if (run !== undefined && /^[a-z]+$/.test(run.letters) && run.letters.length <= 3) return { letters: run.letters, end: run.end };
  // "with no E", "without H"
  const letter = letterAt(words, j, false);
  return letter === undefined ? undefined : { letters: letter, end: j + 1 };
}

/** A spelling description starting at words[i], if there is one. */
export function readModifier(words: readonly string[], i: number): Modifier | undefined {
  const w = words[i];
  if (w === 'with' || w === 'without') {
    let j = i + 1;
    // "with no E", "with just the one L"
    let negated = w === 'without';
    if (w === 'with' && words[j] === 'no') {
      negated = true;
      j++;
    }
    if (words[j] === 'just' || words[j] === 'only') j++;
    if (words[j] === 'the' && ONE_WORDS.has(words[j + 1] ?? '')) j++;
    const described = describedLetters(words, j);
    if (described === undefined) return undefined;
    const end = skipTail(words, described.end);
    if (described.count === 'two') return negated ? undefined : { kind: 'double', letters: described.letters, end };
    if (described.count === 'one') return negated ? undefined : { kind: 'single', letters: described.letters, end };
    return { kind: negated ? 'without' : 'with', letters: described.letters, end };
  }
  // "Jo, no E", "Sara no H": "no" and one letter, then nothing more of the name.
  if (w === 'no') {
    const letter = letterAt(words, i + 1, false);
    const after = words[i + 2];
    if (letter !== undefined && (after === undefined || !isSingleLetter(after))) return { kind: 'without', letters: letter, end: i + 2 };
  }
  return undefined;
}

/**
 * Sound-alike spellings, each way round: the respellings a description may
 * ask for. `end`: only as the name's last letters (Tracy/Tracey/Tracie,
 * Kelly/Kellie, Ashlee/Ashley). One substitution is made; the fewest letters
 * changed wins, then the one nearest the end of the name (where spellings of
 * one name differ), then the one that replaces more of what was said, then
 * the shorter (Eric with a K is Erik, not Erick).
 */
const SOUND_ALIKES: ReadonlyArray<readonly [string, string, 'end'?]> = [
  ['v', 'ph'],
  ['f', 'ph'],
  ['ff', 'ph'],
  ['c', 'k'],
  ['ck', 'k'],
  ['ck', 'c'],
  ['ch', 'k'],
  ['cks', 'x'],
  ['ks', 'x'],
  ['s', 'z'],
  ['i', 'y'],
  ['ai', 'ay'],
  ['ei', 'ie'],
  ['ie', 'y', 'end'],
  ['ey', 'y', 'end'],
  ['ee', 'y', 'end'],
  ['ie', 'ey', 'end'],
  ['ee', 'ey', 'end'],
  ['ie', 'ee', 'end'],
  ['i', 'ie', 'end'],
  ['i', 'ey', 'end'],
  ['i', 'ee', 'end'],
];

/** The result of applying a description: the name respelled, unchanged, or uncertain. */
export type Applied = { kind: 'spelled'; text: string } | { kind: 'uncertain' };

export function applyModifier(text: string, modifier: Modifier): Applied {
  const word = text.toLowerCase();
  const { letters } = modifier;
  switch (modifier.kind) {
    case 'with':
      return word.includes(letters) ? { kind: 'spelled', text: word } : pick(respellings(word, (c) => c.includes(letters), letters));
    case 'without': {
      if (!word.includes(letters)) return { kind: 'spelled', text: word };
      if (letters.length > 1) return pick(respellings(word, (c) => !c.includes(letters), undefined));
      // "Sarah without an H": the letter is dropped; at the end first, else where it is said once.
      if (word.endsWith(letters) && word.length > 2) return { kind: 'spelled', text: word.slice(0, -1) };
      const at = word.indexOf(letters);
      return at > 0 && at === word.lastIndexOf(letters)
        ? { kind: 'spelled', text: word.slice(0, at) + word.slice(at + 1) }
        : { kind: 'uncertain' };
    }
    case 'double': {
      if (word.includes(letters + letters)) return { kind: 'spelled', text: word };
      const at: number[] = [];
      for (let k = 1; k < word.length; k++) if (word[k] === letters) at.push(k);
      return at.length === 1 ? { kind: 'spelled', text: word.slice(0, at[0]) + letters + word.slice(at[0]) } : { kind: 'uncertain' };
    }
    case 'single': {
      const pair = letters + letters;
      if (!word.includes(pair)) return word.includes(letters) ? { kind: 'spelled', text: word } : { kind: 'uncertain' };
      return word.indexOf(pair) === word.lastIndexOf(pair) ? { kind: 'spelled', text: word.replace(pair, letters) } : { kind: 'uncertain' };
    }
  }
}

interface Candidate {
  text: string;
  cost: number;
  /** Where the replaced letters end, and how many there were. */
  spanEnd: number;
  span: number;
}

/** Single sound-alike substitutions that meet `ok`; else, for "with" one letter, that letter added where it is silent. */
function respellings(word: string, ok: (candidate: string) => boolean, added: string | undefined): Candidate[] {
  const out: Candidate[] = [];
  for (const [a, b, where] of SOUND_ALIKES) {
    for (const [from, to] of [
      [a, b],
      [b, a],
    ] as const) {
      for (let at = word.indexOf(from); at >= 0; at = word.indexOf(from, at + 1)) {
        if (where === 'end' && at + from.length !== word.length) continue;
        const text = word.slice(0, at) + to + word.slice(at + from.length);
        if (ok(text) && text.length > 1) out.push({ text, cost: editDistance(from, to), spanEnd: at + from.length, span: from.length });
      }
    }
  }
  if (out.length > 0 || added === undefined || added.length !== 1) return out;
  // "Anne with an E", "Brooke with an E": a silent E at the end.
  if (added === 'e' && /[^aeiouy]$/.test(word)) return [{ text: `${word}e`, cost: 1, spanEnd: word.length, span: 0 }];
  if (added === 'h') {
    // "Sarah with an H" at the end after a vowel; "John with an H" after the only vowel.
    if (/[aeiou]$/.test(word)) return [{ text: `${word}h`, cost: 1, spanEnd: word.length, span: 0 }];
    const vowels = [...word.matchAll(/[aeiou]+/g)];
    if (vowels.length === 1 && vowels[0].index !== undefined && vowels[0].index > 0) {
      const at = vowels[0].index + vowels[0][0].length;
      return [{ text: word.slice(0, at) + 'h' + word.slice(at), cost: 1, spanEnd: at, span: 0 }];
    }
  }
  return out;
}

function pick(candidates: readonly Candidate[]): Applied {
  if (candidates.length === 0) return { kind: 'uncertain' };
  const best = [...candidates].sort((x, y) => x.cost - y.cost || y.spanEnd - x.spanEnd || y.span - x.span || x.text.length - y.text.length);
  const top = best[0];
  const rivals = best.filter(
    (c) =>
      c.cost === top.cost && c.spanEnd === top.spanEnd && c.span === top.span && c.text.length === top.text.length && c.text !== top.text,
  );
  return rivals.length > 0 ? { kind: 'uncertain' } : { kind: 'spelled', text: top.text };
}
