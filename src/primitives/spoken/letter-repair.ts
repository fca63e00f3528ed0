import { isSingleLetter, LETTER_NAMES } from './characters';
import { normaliseUtterance } from './normalise';
import { HINT_CLUSTERS, SOUND_ALIKE_LETTERS } from './sound-alike-letters';

/**
 * Spelling hints that change some letters of a word the caller said ("jane with a y",
 * "steven with a p h", "p h not v", "double l in allan", "with an e on the end", "no e",
 * "c for charlie"), read from the words and applied to one word. Pure and deterministic:
 * a hint that fits more than one place in the word gives the choices, never a guess.
 * Which letters sound alike is data (sound-alike-letters.ts).
 */
export type LetterHint =
  /** "with a y", "with a p h", "c for charlie": these letters are in the word, for letters that sound alike. */
  | { kind: 'with'; letters: string }
  /** "without an h", "no e": these letters are not in the word. */
  | { kind: 'without'; letters: string }
  /** "p h not v", "not v, p h", "k instead of c". */
  | { kind: 'swap'; from: string; to: string }
  /** "double l", "two l's". */
  | { kind: 'double'; letter: string }
  /** "one l", "single l". */
  | { kind: 'single'; letter: string }
  /** "with an e on the end", "an e at the end". */
  | { kind: 'end'; letters: string };

export interface HintReading {
  hint: LetterHint;
  /** The word the hint is about, when the caller said it ("jayne with a y", "double l in allan"). */
  named?: string;
  /** The word spelled out after the hint ("with a y, j a y n e"). */
  spelled?: string;
}

/** A hint applied to a word: the word changed, the words it could become, already so, or not applicable. */
export type LetterRepair = { kind: 'word'; word: string } | { kind: 'choice'; words: string[] } | { kind: 'same' } | { kind: 'none' };

/** Letter names that are everyday words too: read as letters only right after "with a", "double" and the like. */
const WORDLIKE_NAMES: ReadonlySet<string> = new Set(['you', 'are', 'be', 'see', 'sea', 'tea']);

/** Words between a named word and its hint: "jane, it's spelt with a y", "sarah has an h on the end". */
const BRIDGE_WORDS: ReadonlySet<string> = new Set([
  'its',
  "it's",
  'it',
  'is',
  'spelt',
  'spelled',
  'spelling',
  'thats',
  "that's",
  'but',
  'and',
  'a',
  'an',
  'the',
  'has',
  'got',
  'theres',
  "there's",
  'there',
  'ends',
  'end',
  'ending',
  'starts',
]);

/** Words that are never the word a hint is about. */
const NOT_NAMED: ReadonlySet<string> = new Set([
  'no',
  'nah',
  'nope',
  'not',
  'yes',
  'yeah',
  'yep',
  'yup',
  'ok',
  'okay',
  'right',
  'correct',
  'mate',
  'nup',
  'the',
  'my',
  'name',
  'sorry',
  'actually',
  'oh',
  'one',
  'word',
  'first',
  'last',
  'bit',
  'part',
  'that',
  'this',
  'only',
  'just',
  'with',
  'double',
  'single',
  'two',
  'there',
  "there's",
  'theres',
  ...BRIDGE_WORDS,
]);

const ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'the']);

/** Tokens of a repair: lowercase, punctuation gone, "p.h." as two letters. */
export function hintTokens(text: string): string[] {
  return normaliseUtterance(text)
    .replace(/[.,:;]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

/** The letters a token stands for: a letter, a letter name, or "ph" written as one word. */
function letterOf(w: string | undefined, strict: boolean): string | undefined {
  if (w === undefined) return undefined;
  if (isSingleLetter(w)) return w;
  if (w === 'ph') return 'ph';
  const name = LETTER_NAMES[w];
  if (name === undefined || (strict && WORDLIKE_NAMES.has(w))) return undefined;
  return name;
}

/** "l's", "ls", "els", "ells": a letter in the plural. */
function pluralLetter(w: string | undefined): string | undefined {
  if (w === undefined) return undefined;
  const single = /^([a-z])'?s$/.exec(w)?.[1];
  if (single !== undefined) return single;
  const stem = /^([a-z]+?)'?s$/.exec(w)?.[1];
  return stem === undefined ? undefined : letterOf(stem, true);
}

/** A run of letters from `i`: the letters and how many words they took. */
function letterRun(words: readonly string[], i: number, short = false): { letters: string; used: number } {
  let letters = '';
  let j = i;
  while (j < words.length) {
    // "not a v, a p h": in a short run an "a" before another letter is the article.
    if (short && j > i && words[j] === 'a' && letterOf(words[j + 1], true) !== undefined) break;
    const l = letterOf(words[j], j > i);
    if (l === undefined) break;
    letters += l;
    j++;
  }
  return { letters, used: j - i };
}

/** Splits a run of letters into the hint (the longest cluster it starts with, else one letter) and a spelling of the word. */
function splitRun(letters: string): { hint: string; spelled?: string } {
  const cluster = HINT_CLUSTERS.find((c) => letters.startsWith(c)) ?? letters.slice(0, 1);
  const rest = letters.slice(cluster.length);
  if (rest.length >= 2) return { hint: cluster, spelled: rest };
  return { hint: letters };
}

function skipArticle(words: readonly string[], i: number): number {
  return ARTICLES.has(words[i] ?? '') ? i + 1 : i;
}

/** "… on the end", "… at the end". */
function endsAt(words: readonly string[], i: number): number {
  if ((words[i] === 'on' || words[i] === 'at') && words[i + 1] === 'the' && words[i + 2] === 'end') return 3;
  return 0;
}

/** The word a hint names: "in allan" after it, else the word just before it. */
function namedWord(words: readonly string[], start: number, end: number): string | undefined {
  if (words[end] === 'in' && isWord(words[end + 1])) return words[end + 1];
  let j = start - 1;
  while (j >= 0 && BRIDGE_WORDS.has(words[j])) j--;
  return j >= 0 && isWord(words[j]) ? words[j] : undefined;
}

function isWord(w: string | undefined): w is string {
  return w !== undefined && /^[a-z]{2,}$/.test(w) && !NOT_NAMED.has(w) && letterOf(w, true) === undefined;
}

/**
 * Reads the first spelling hint in a caller's words, with the word it is about when said.
 * Returns undefined when there is none.
 */
export function readLetterHint(text: string | readonly string[]): HintReading | undefined {
  const words = typeof text === 'string' ? hintTokens(text) : text;
  for (let i = 0; i < words.length; i++) {
    const found = hintAt(words, i);
    if (found === undefined) continue;
    const named = namedWord(words, i, found.end);
    return {
      hint: found.hint,
      ...(named !== undefined ? { named } : {}),
      ...(found.spelled !== undefined ? { spelled: found.spelled } : {}),
    };
  }
  return undefined;
}

/** A hint starting at word `i`: the hint, where it ends, and a spelling after it. */
export function hintAt(words: readonly string[], i: number): { hint: LetterHint; end: number; spelled?: string } | undefined {
  const w = words[i];
  // "double l", "two l's", "two ells"
  if (w === 'double' || w === 'two' || w === '2') {
    // "two l s": the recogniser wrote the plural's s as a letter of its own.
    const splitPlural = w !== 'double' && words[i + 2] === 's' && isSingleLetter(words[i + 1] ?? '');
    const letter = w === 'double' || splitPlural ? letterOf(words[i + 1], false) : pluralLetter(words[i + 1]);
    if (letter !== undefined && letter.length === 1) return { hint: { kind: 'double', letter }, end: splitPlural ? i + 3 : i + 2 };
  }
  // "one l", "single l", "just the one l"
  if (w === 'single' || w === 'one' || w === '1') {
    const letter = letterOf(words[i + 1], true) ?? pluralLetter(words[i + 1]);
    const before = words[i - 1];
    const said = w === 'single' || before === 'only' || before === 'just' || before === 'the' || before === 'with';
    if (letter !== undefined && letter.length === 1 && said) return { hint: { kind: 'single', letter }, end: i + 2 };
  }
  // "with a y", "with a p h", "with an e on the end", "with a y, j a y n e"
  if (w === 'with' || w === 'without' || w === 'no' || w === 'minus') {
    const at = skipArticle(words, i + 1);
    const run = letterRun(words, at);
    if (run.used === 0) return undefined;
    const { hint, spelled } = splitRun(run.letters);
    const end = at + run.used;
    const tail = endsAt(words, end);
    // "no e", "no h in sara", but not "no, a dot …" or "no, i said …": after a bare "no" the letters end the words.
    if (w === 'no' && tail === 0 && words[end] !== undefined && words[end] !== 'in') return undefined;
    if (w === 'with' && (words[end] === 'not' || words[end] === 'instead' || words[end] === 'rather')) return swapAfter(words, end, hint);
    if (w === 'with' || w === 'minus') {
      if (tail > 0) return { hint: { kind: 'end', letters: hint }, end: end + tail };
      return { hint: { kind: 'with', letters: hint }, end, ...(spelled !== undefined ? { spelled } : {}) };
    }
    // "no e", "without an h": only a short cluster, and not "no, j a n e" (a spelling after a no).
    if (spelled !== undefined || run.letters.length > 2) return undefined;
    return { hint: { kind: 'without', letters: hint }, end: end + tail };
  }
  // "not v, p h", "not a c, a k"
  if (w === 'not') {
    const fromAt = skipArticle(words, i + 1);
    const from = letterRun(words, fromAt, true);
    if (from.used === 0 || from.letters.length > 4) return undefined;
    let toAt = fromAt + from.used;
    if (words[toAt] === 'but' || words[toAt] === 'its' || words[toAt] === "it's") toAt++;
    toAt = skipArticle(words, toAt);
    const to = letterRun(words, toAt);
    if (to.used === 0) {
      // "not v p h" (the comma lost): the first letter or cluster is the one replaced, the rest its replacement.
      const first = HINT_CLUSTERS.find((c) => from.letters.startsWith(c) && c.length < from.letters.length) ?? from.letters[0];
      const used = letterOf(words[fromAt], true)?.length === first.length ? 1 : first.length;
      if (from.letters.length < 2 || words.slice(fromAt, fromAt + used).join('').length !== first.length) return undefined;
      const rest = letterRun(words, fromAt + used);
      return { hint: { kind: 'swap', from: first, to: rest.letters }, end: fromAt + used + rest.used };
    }
    if (from.letters.length > 3) return undefined;
    const split = splitRun(to.letters);
    return {
      hint: { kind: 'swap', from: from.letters, to: split.hint },
      end: toAt + to.used,
      ...(split.spelled !== undefined ? { spelled: split.spelled } : {}),
    };
  }
  // "there's an h in it", "it has a y", "it's got a y" are "with …"
  if ((w === 'has' || w === 'got' || w === 'theres' || w === "there's") && ARTICLES.has(words[i + 1] ?? '')) {
    const at = i + 2;
    const run = letterRun(words, at, true);
    if (run.used > 0 && run.letters.length <= 2) {
      const end = at + run.used;
      const tail = endsAt(words, end);
      if (tail > 0) return { hint: { kind: 'end', letters: run.letters }, end: end + tail };
      return { hint: { kind: 'with', letters: run.letters }, end: words[end] === 'in' && words[end + 1] === 'it' ? end + 2 : end };
    }
  }
  // "e on the end", "p h not v", "k instead of c", "c for charlie"
  const lead = letterOf(w, true);
  if (lead !== undefined && (i === 0 || letterOf(words[i - 1], true) === undefined)) {
    const run = letterRun(words, i);
    if (run.letters.length > 3) return undefined;
    const end = i + run.used;
    const tail = endsAt(words, end);
    if (tail > 0) return { hint: { kind: 'end', letters: run.letters }, end: end + tail };
    if (words[end] === 'not' || words[end] === 'instead' || words[end] === 'rather') return swapAfter(words, end, run.letters);
    const carrier = words[end] === 'for' ? 1 : words[end] === 'as' && words[end + 1] === 'in' ? 2 : 0;
    const example = words[end + carrier];
    // "c for charlie" alone; "j for juliet a n e" is a spelling, not a hint.
    const spelling = letterOf(words[end + carrier + 1], true) !== undefined;
    if (
      run.letters.length === 1 &&
      carrier > 0 &&
      example !== undefined &&
      example.length > 1 &&
      example.startsWith(run.letters) &&
      !spelling
    ) {
      return { hint: { kind: 'with', letters: run.letters }, end: end + carrier + 1 };
    }
  }
  return undefined;
}

/** "… not v", "… instead of v", "… rather than a v" after the letters wanted. */
function swapAfter(words: readonly string[], at: number, to: string): { hint: LetterHint; end: number } | undefined {
  let i = at + 1;
  if (words[at] === 'instead' || words[at] === 'rather') {
    if (words[i] !== 'of' && words[i] !== 'than') return undefined;
    i++;
  }
  i = skipArticle(words, i);
  const from = letterRun(words, i);
  if (from.used === 0 || from.letters.length > 3 || from.letters === to) return undefined;
  return { hint: { kind: 'swap', from: from.letters, to }, end: i + from.used };
}

/** Whether a word already bears a hint out ("jayne" has its y). */
export function bearsOut(word: string, hint: LetterHint): boolean {
  switch (hint.kind) {
    case 'with':
      return word.includes(hint.letters);
    case 'without':
      return !word.includes(hint.letters);
    case 'end':
      return word.endsWith(hint.letters);
    case 'swap':
      return word.includes(hint.to) && !word.includes(hint.from);
    case 'double':
      return word.includes(hint.letter + hint.letter) && singles(word, hint.letter).length === 0;
    case 'single':
      return word.includes(hint.letter) && !word.includes(hint.letter + hint.letter);
  }
}

/** Applies a hint to a word. */
export function applyLetterHint(word: string, hint: LetterHint): LetterRepair {
  if (bearsOut(word, hint)) return { kind: 'same' };
  switch (hint.kind) {
    case 'with':
      return choices(soundAlikes(word, hint.letters));
    case 'without':
      return choices(occurrences(word, hint.letters).map((at) => word.slice(0, at) + word.slice(at + hint.letters.length)));
    case 'end':
      return { kind: 'word', word: word + hint.letters };
    case 'swap': {
      const swapped = occurrences(word, hint.from).map((at) => word.slice(0, at) + hint.to + word.slice(at + hint.from.length));
      // "p h not f" when v was heard: the letters wanted still replace the ones that sound like them.
      return choices(swapped.length > 0 ? swapped : soundAlikes(word, hint.to));
    }
    case 'double':
      // Names do not start with a doubled letter ("lee" never becomes "llee").
      return choices(
        singles(word, hint.letter)
          .filter((at) => at > 0)
          .map((at) => word.slice(0, at) + hint.letter + word.slice(at)),
      );
    case 'single':
      return choices(occurrences(word, hint.letter + hint.letter).map((at) => word.slice(0, at) + word.slice(at + 1)));
  }
}

function choices(words: readonly string[]): LetterRepair {
  const distinct = [...new Set(words)];
  if (distinct.length === 0) return { kind: 'none' };
  return distinct.length === 1 ? { kind: 'word', word: distinct[0] } : { kind: 'choice', words: distinct };
}

function occurrences(word: string, letters: string): number[] {
  const out: number[] = [];
  for (let at = word.indexOf(letters); at >= 0; at = word.indexOf(letters, at + letters.length)) out.push(at);
  return out;
}

/** Where a letter stands alone (not doubled). */
function singles(word: string, letter: string): number[] {
  return occurrences(word, letter).filter((at) => word[at - 1] !== letter && word[at + 1] !== letter);
}

/**
 * The words the letters could be standing in for, by the sound-alike table: one rewrite at a
 * time. A rewrite whose letters lie inside a longer one's is dropped ("katie" with a y is katy,
 * not katye).
 */
function soundAlikes(word: string, letters: string): string[] {
  const found: Array<{ start: number; end: number; word: string }> = [];
  for (const rule of SOUND_ALIKE_LETTERS[letters] ?? []) {
    const pattern = new RegExp(rule.pattern, 'g');
    for (let m = pattern.exec(word); m !== null; m = pattern.exec(word)) {
      const start = m.index;
      const end = start + m[0].length;
      found.push({ start, end, word: word.slice(0, start) + rule.becomes.replace('$&', m[0]) + word.slice(end) });
      if (m[0].length === 0) pattern.lastIndex++;
    }
  }
  return found
    .filter((f) => !found.some((g) => g !== f && g.end - g.start > f.end - f.start && g.start <= f.start && f.end <= g.end))
    .map((f) => f.word);
}

/** Edit distance (insertions, deletions, substitutions), for finding which word of a value a hint is about. */
export function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}

/** Whether a word the caller said could be a word of the value as heard ("jayne" for "jane"). */
export function soundsLike(said: string, heard: string): boolean {
  if (said === heard) return true;
  if (said[0] !== heard[0] && !(said.length > 3 && said.slice(1) === heard.slice(1))) return false;
  return editDistance(said, heard) <= Math.max(2, Math.floor(Math.min(said.length, heard.length) / 3));
}

/**
 * A hint applied to the words of a value (the parts of an email's local part, a name's
 * parts): the value's words as changed, or the choices when more than one word or place
 * could take it. `named` and `spelled` point at the word; without them the one word the
 * hint can change is changed.
 */
export function repairWords(parts: readonly string[], reading: HintReading): { kind: 'parts'; options: string[][] } | { kind: 'none' } {
  const { hint, named, spelled } = reading;
  const options: string[][] = [];
  const replace = (index: number, word: string): void => {
    options.push(parts.map((p, k) => (k === index ? word : p)));
  };
  // A spelling, or a word said that is close to one of the value's words, says which word and how.
  const said = spelled ?? named;
  if (said !== undefined) {
    const exact = parts.indexOf(said);
    const close = exact >= 0 ? [exact] : parts.flatMap((p, k) => (soundsLike(said, p) ? [k] : []));
    if (close.length !== 1) return { kind: 'none' };
    const index = close[0];
    if (said !== parts[index] && bearsOut(said, hint)) {
      replace(index, said);
      return { kind: 'parts', options };
    }
    const applied = applyLetterHint(said === parts[index] ? parts[index] : said, hint);
    if (applied.kind === 'word') replace(index, applied.word);
    else if (applied.kind === 'choice') applied.words.forEach((w) => replace(index, w));
    return options.length > 0 ? { kind: 'parts', options } : { kind: 'none' };
  }
  parts.forEach((part, index) => {
    if (!/^[a-z]+$/.test(part)) return;
    const applied = applyLetterHint(part, hint);
    if (applied.kind === 'word') replace(index, applied.word);
    else if (applied.kind === 'choice') applied.words.forEach((w) => replace(index, w));
  });
  return options.length > 0 ? { kind: 'parts', options } : { kind: 'none' };
}
