/**
 * Letters that sound alike, for spelling hints. Two tables for now: SOUND_ALIKES is read by
 * letter-hints.ts (name repairs), SOUND_ALIKE_LETTERS by letter-repair.ts (email repairs).
 * They were written in parallel and are still to be merged into one.
 */

/**
 * Sound-alike spellings, each way round: the respellings a description may
 * ask for. `end`: only as the name's last letters (Tracy/Tracey/Tracie,
 * Kelly/Kellie, Ashlee/Ashley). One substitution is made; the fewest letters
 * changed wins, then the one nearest the end of the name (where spellings of
 * one name differ), then the one that replaces more of what was said, then
 * the shorter (Eric with a K is Erik, not Erick).
 */
export const SOUND_ALIKES: ReadonlyArray<readonly [string, string, 'end'?]> = [
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

/**
 * Letters that sound alike in names, for spelling hints ("jane with a y", "steven with a p h").
 * A hint names the letters the caller wants; these say which letters of the word as heard
 * could be standing in for them. Each rewrite is a pattern in the word (a regular expression
 * source, lowercase) and what it becomes. Read by letter-repair.ts.
 *
 * Kept short on purpose: a rewrite listed here is one the hint can apply without asking
 * when it is the only place it fits; a hint with no rewrite that fits is asked about.
 */
export interface SoundAlike {
  /** Regular expression source matched in the word as heard. */
  readonly pattern: string;
  /** What the matched letters become. */
  readonly becomes: string;
}

export const SOUND_ALIKE_LETTERS: Readonly<Record<string, readonly SoundAlike[]>> = {
  // lin → lyn, katie → katy, jane → jayne, kaitlin → kaitlyn
  y: [
    { pattern: 'i', becomes: 'y' },
    { pattern: 'ie(?=$|[^aeiou])', becomes: 'y' },
    { pattern: 'ee$', becomes: 'y' },
    { pattern: 'a(?=[^aeiouy]e$)', becomes: 'ay' },
  ],
  // lyn → lin
  i: [{ pattern: 'y', becomes: 'i' }],
  // katy → katie, amy → amie
  ie: [
    { pattern: 'y$', becomes: 'ie' },
    { pattern: 'ee$', becomes: 'ie' },
  ],
  // kati → katey, brady → bradey
  ey: [
    { pattern: 'y$', becomes: 'ey' },
    { pattern: 'ie$', becomes: 'ey' },
    { pattern: 'i$', becomes: 'ey' },
  ],
  // steven → stephen, stefan → stephan
  ph: [
    { pattern: 'ff', becomes: 'ph' },
    { pattern: 'f', becomes: 'ph' },
    { pattern: 'v', becomes: 'ph' },
  ],
  // stephen → stefen
  f: [{ pattern: 'ph', becomes: 'f' }],
  // stephen → steven
  v: [{ pattern: 'ph', becomes: 'v' }],
  // eric → erik, christine → kristine
  k: [
    { pattern: 'ch', becomes: 'k' },
    { pattern: 'c(?!k)', becomes: 'k' },
    { pattern: 'q', becomes: 'k' },
  ],
  // katherine → catherine, bryse → bryce
  c: [
    { pattern: 'k', becomes: 'c' },
    { pattern: 's(?=e$)', becomes: 'c' },
  ],
  // mick → mik is not a sound-alike: ck only from a k
  ck: [{ pattern: 'k$', becomes: 'ck' }],
  // isabel → izabel
  z: [{ pattern: 's', becomes: 'z' }],
  // izabel → isabel, grace → grase
  s: [
    { pattern: 'z', becomes: 's' },
    { pattern: 'c(?=e)', becomes: 's' },
  ],
  // sara → sarah, jon → john, tomas → thomas
  h: [
    { pattern: '[aeiou]$', becomes: '$&h' },
    { pattern: 'on$', becomes: 'ohn' },
    { pattern: '^t(?!h)', becomes: 'th' },
  ],
  th: [{ pattern: '^t(?!h)', becomes: 'th' }],
  // grey → gray
  a: [{ pattern: 'e(?=y$)', becomes: 'a' }],
  // clark → clarke, ann → anne: an e said for a name is the silent one on the end
  e: [
    { pattern: '(?<=[^aeiouy])$', becomes: 'e' },
    { pattern: 'a(?=y$)', becomes: 'e' },
  ],
};

/** Letter clusters a hint can name ("with a p h", "with an i e"): the longest that fits is the hint, the rest a spelling. */
export const HINT_CLUSTERS: readonly string[] = Object.keys(SOUND_ALIKE_LETTERS)
  .filter((k) => k.length > 1)
  .sort((a, b) => b.length - a.length);
