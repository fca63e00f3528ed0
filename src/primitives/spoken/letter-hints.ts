import { isLetterName, isSingleLetter, LETTER_NAMES } from './characters';
import { editDistance } from './edit-distance';
import { SOUND_ALIKES } from './sound-alike-letters';

/**
 * Letter hints: how callers say a spelling without spelling it all. "with a y", "with a p h",
 * "without the h", "double l", "one l", and the swap "not v, p h" ("p h not v", "a y instead of
 * an i"). Shared by the primitives that take spelled repairs (name; email has its own reader).
 * Words are lowercase tokens (normalise.ts); a comma said between the two halves of a swap may
 * stand as the token "§".
 */
export interface DescribedLetters {
  kind: 'with' | 'without' | 'double' | 'single';
  /** Lowercase letters: "ph", "y", "ie"; for double and single, the one letter. */
  letters: string;
}

export type LetterHint = DescribedLetters | { kind: 'swap'; from: string; to: string };

/** Words around the halves of a swap that are not letters: "not a v, it's p h". */
const SWAP_EDGE: ReadonlySet<string> = new Set(['a', 'an', 'the', "it's", 'its', 'it', 'is', 'but', 'should', 'be', 'letter', '§']);
const ONE: ReadonlySet<string> = new Set(['one', 'single', '1']);
const TWO: ReadonlySet<string> = new Set(['two', 'double', '2']);

/** One letter at words[i]: a single letter, "l's" (plural), or a letter's name ("aitch", "why"). */
function letterAt(words: readonly string[], i: number): string | undefined {
  const w = words[i];
  if (w === undefined) return undefined;
  if (isSingleLetter(w)) return w;
  if (/^[a-z]'?s$/.test(w)) return w[0];
  if (isLetterName(w)) return LETTER_NAMES[w];
  return undefined;
}

/** Up to three letters from words[from], skipping articles: "a p h" → "ph". */
function lettersFrom(words: readonly string[], from: number, to: number): string | undefined {
  const content = words.slice(from, to).filter((w) => !SWAP_EDGE.has(w));
  if (content.length === 0 || content.length > 3) return undefined;
  const letters = content.map((_, k) => letterAt(content, k));
  return letters.every((l): l is string => l !== undefined) ? letters.join('') : undefined;
}

/**
 * A swap of letters said on its own: "not v, p h", "not a v it's a p h", "p h not v",
 * "y instead of i", "a y rather than an i". Undefined when the words are not only that.
 */
export function readLetterSwap(words: readonly string[]): { from: string; to: string } | undefined {
  const notAt = words.indexOf('not');
  if (notAt >= 0) {
    if (notAt === 0 || words.slice(0, notAt).every((w) => SWAP_EDGE.has(w) || w === 'no' || w === 'nah')) {
      // "not v, p h": the comma, or else the first letter, ends the wrong part.
      const after = words.slice(notAt + 1);
      const comma = after.indexOf('§');
      const firstLetter = after.findIndex((w) => !SWAP_EDGE.has(w));
      const cut = comma > 0 ? comma : firstLetter + 1;
      const from = lettersFrom(after, 0, cut);
      const to = lettersFrom(after, cut, after.length);
      return from !== undefined && to !== undefined && from !== to ? { from, to } : undefined;
    }
    const to = lettersFrom(words, 0, notAt);
    const from = lettersFrom(words, notAt + 1, words.length);
    return from !== undefined && to !== undefined && from !== to ? { from, to } : undefined;
  }
  const instead = words.findIndex((w, i) => (w === 'instead' || w === 'rather') && (words[i + 1] === 'of' || words[i + 1] === 'than'));
  if (instead > 0) {
    const to = lettersFrom(words, 0, instead);
    const from = lettersFrom(words, instead + 2, words.length);
    return from !== undefined && to !== undefined && from !== to ? { from, to } : undefined;
  }
  return undefined;
}

/** A bare count of one letter: "double l", "two l's", "one l", "a single t". */
export function readLetterCount(words: readonly string[]): DescribedLetters | undefined {
  const content = words.filter((w) => w !== 'with' && w !== "it's" && w !== 'its' && w !== 'just' && w !== 'only' && w !== 'the');
  if (content.length === 3 && content[0] === 'a' && content[1] === 'single') {
    const letter = letterAt(content, 2);
    return letter === undefined ? undefined : { kind: 'single', letters: letter };
  }
  if (content.length !== 2) return undefined;
  const letter = letterAt(content, 1);
  if (letter === undefined) return undefined;
  if (TWO.has(content[0])) return { kind: 'double', letters: letter };
  if (ONE.has(content[0])) return { kind: 'single', letters: letter };
  return undefined;
}

/** "not v, p h" on "steven": the wrong letters, where they are said once, become the right ones. */
function applySwap(word: string, from: string, to: string): AppliedHint {
  const at = word.indexOf(from);
  if (at < 0) return word.includes(to) ? { kind: 'spelled', text: word } : { kind: 'uncertain' };
  if (at !== word.lastIndexOf(from)) return { kind: 'uncertain' };
  return { kind: 'spelled', text: word.slice(0, at) + to + word.slice(at + from.length) };
}

/** A hint applied to a word: the word respelled (lowercase; unchanged when it already fits), or uncertain. */
export type AppliedHint = { kind: 'spelled'; text: string } | { kind: 'uncertain' };

/**
 * Applies a hint to a word by the smallest sound-alike respelling that makes it fit. A hint the
 * word already meets leaves it as it is; one that fits no respelling, or more than one equally,
 * is uncertain: the caller is asked, never guessed for.
 */
export function applyLetterHint(text: string, hint: LetterHint): AppliedHint {
  const word = text.toLowerCase();
  if (hint.kind === 'swap') return applySwap(word, hint.from, hint.to);
  const { letters } = hint;
  switch (hint.kind) {
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

function pick(candidates: readonly Candidate[]): AppliedHint {
  if (candidates.length === 0) return { kind: 'uncertain' };
  const best = [...candidates].sort((x, y) => x.cost - y.cost || y.spanEnd - x.spanEnd || y.span - x.span || x.text.length - y.text.length);
  const top = best[0];
  const rivals = best.filter(
    (c) =>
      c.cost === top.cost && c.spanEnd === top.spanEnd && c.span === top.span && c.text.length === top.text.length && c.text !== top.text,
  );
  return rivals.length > 0 ? { kind: 'uncertain' } : { kind: 'spelled', text: top.text };
}
