/**
 * Letters that sound alike, for spelling hints ("jane with a y", "steven with a p h", "not v,
 * p h"): one table of letter confusions, LETTER_CONFUSIONS, and the view each reader needs
 * derived from it. Names (letter-hints.ts) read SOUND_ALIKES: plain respellings, each way
 * round. Email (letter-repair.ts) reads SOUND_ALIKE_LETTERS: for the letters a hint names,
 * which letters of the word as heard could be standing in for them, with the letters around
 * them where that matters (a c before a k is not a k).
 *
 * Kept short on purpose: a confusion listed here is one a hint can apply without asking when
 * it is the only place it fits; a hint with no confusion that fits is asked about.
 */

/** One letter confusion: letters heard that may be standing in for the letters meant. */
export interface LetterConfusion {
  /** The letters as heard; for email only, a regular expression source ("[aeiou]"), "" for none. */
  readonly heard: string;
  /** What they become: the letters meant ("$&" stands for the letters heard, email only). */
  readonly becomes: string;
  /** The letters a hint names to ask for it, when not `becomes` ("with a y": jane → jayne). */
  readonly hint?: string;
  /** Only as the word's first letters, or its last (Tracy/Tracey/Tracie, Kelly/Kellie). */
  readonly at?: 'start' | 'end';
  /** Email only: what must come before the letters heard, or after them, or not after them (regular expression sources). */
  readonly before?: string;
  readonly after?: string;
  readonly notAfter?: string;
  /** Who reads it: names both ways (v for ph and ph for v), email as written, or both. */
  readonly use: 'names' | 'email' | 'both';
}

/** In the order email tries them for one hint (its offers follow that order); names do not depend on the order. */
export const LETTER_CONFUSIONS: readonly LetterConfusion[] = [
  // with a y: lin → lyn, katie → katy, jane → jayne, kaitlin → kaitlyn
  { heard: 'i', becomes: 'y', use: 'both' },
  { heard: 'ie', becomes: 'y', after: '$|[^aeiou]', use: 'email' },
  { heard: 'ee', becomes: 'y', at: 'end', use: 'both' },
  { heard: 'a', becomes: 'ay', hint: 'y', after: '[^aeiouy]e$', use: 'email' },
  // with an i: lyn → lin
  { heard: 'y', becomes: 'i', use: 'email' },
  // with an i e: katy → katie, amy → amie
  { heard: 'y', becomes: 'ie', at: 'end', use: 'both' },
  { heard: 'ee', becomes: 'ie', at: 'end', use: 'both' },
  // with an e y: kati → katey, brady → bradey
  { heard: 'y', becomes: 'ey', at: 'end', use: 'both' },
  { heard: 'ie', becomes: 'ey', at: 'end', use: 'both' },
  { heard: 'i', becomes: 'ey', at: 'end', use: 'both' },
  // with a p h: steven → stephen, stefan → stephan
  { heard: 'ff', becomes: 'ph', use: 'both' },
  { heard: 'f', becomes: 'ph', use: 'both' },
  { heard: 'v', becomes: 'ph', use: 'both' },
  // with an f, with a v: stephen → stefen, steven
  { heard: 'ph', becomes: 'f', use: 'email' },
  { heard: 'ph', becomes: 'v', use: 'email' },
  // with a k: eric → erik, christine → kristine
  { heard: 'ch', becomes: 'k', use: 'both' },
  { heard: 'c', becomes: 'k', notAfter: 'k', use: 'email' },
  { heard: 'q', becomes: 'k', use: 'email' },
  // with a c: katherine → catherine, bryse → bryce
  { heard: 'k', becomes: 'c', use: 'both' },
  { heard: 's', becomes: 'c', after: 'e$', use: 'email' },
  // with a c k: mick → mik is not a sound-alike in an email, ck only from a k at the end
  { heard: 'k', becomes: 'ck', at: 'end', use: 'email' },
  // with a z: isabel → izabel
  { heard: 's', becomes: 'z', use: 'both' },
  // with an s: izabel → isabel, grace → grase
  { heard: 'z', becomes: 's', use: 'email' },
  { heard: 'c', becomes: 's', after: 'e', use: 'email' },
  // with an h: sara → sarah, jon → john, tomas → thomas
  { heard: '[aeiou]', becomes: '$&h', hint: 'h', at: 'end', use: 'email' },
  { heard: 'on', becomes: 'ohn', hint: 'h', at: 'end', use: 'email' },
  { heard: 't', becomes: 'th', hint: 'h', at: 'start', notAfter: 'h', use: 'email' },
  // with a t h
  { heard: 't', becomes: 'th', at: 'start', notAfter: 'h', use: 'email' },
  // with an a: grey → gray
  { heard: 'e', becomes: 'a', after: 'y$', use: 'email' },
  // with an e: clark → clarke, ann → anne (an e said for a name is the silent one on the end)
  { heard: '', becomes: 'e', before: '[^aeiouy]', at: 'end', use: 'email' },
  { heard: 'a', becomes: 'e', after: 'y$', use: 'email' },
  // Names only, read both ways.
  { heard: 'ck', becomes: 'k', use: 'names' },
  { heard: 'ck', becomes: 'c', use: 'names' },
  { heard: 'cks', becomes: 'x', use: 'names' },
  { heard: 'ks', becomes: 'x', use: 'names' },
  { heard: 'ai', becomes: 'ay', use: 'names' },
  { heard: 'ei', becomes: 'ie', use: 'names' },
  { heard: 'ee', becomes: 'ey', at: 'end', use: 'names' },
  { heard: 'i', becomes: 'ie', at: 'end', use: 'names' },
  { heard: 'i', becomes: 'ee', at: 'end', use: 'names' },
];

/**
 * The names view: sound-alike spellings, each way round: the respellings a description may
 * ask for. `end`: only as the name's last letters. One substitution is made; the fewest
 * letters changed wins, then the one nearest the end of the name (where spellings of one
 * name differ), then the one that replaces more of what was said, then the shorter (Eric
 * with a K is Erik, not Erick).
 */
export const SOUND_ALIKES: ReadonlyArray<readonly [string, string, 'end'?]> = LETTER_CONFUSIONS.filter((c) => c.use !== 'email').map((c) =>
  c.at === 'end' ? [c.heard, c.becomes, 'end'] : [c.heard, c.becomes],
);

/** The email view of one confusion: a pattern in the word as heard (a regular expression source, lowercase) and what it becomes. */
export interface SoundAlike {
  /** Regular expression source matched in the word as heard. */
  readonly pattern: string;
  /** What the matched letters become. */
  readonly becomes: string;
}

/** The email view: for the letters a hint names, the confusions that could give them, in the table's order. */
export const SOUND_ALIKE_LETTERS: Readonly<Record<string, readonly SoundAlike[]>> = emailView(LETTER_CONFUSIONS);

function emailView(confusions: readonly LetterConfusion[]): Record<string, SoundAlike[]> {
  const view: Record<string, SoundAlike[]> = {};
  for (const c of confusions) {
    if (c.use === 'names') continue;
    const pattern =
      (c.before === undefined ? '' : `(?<=${c.before})`) +
      (c.at === 'start' ? '^' : '') +
      c.heard +
      (c.after === undefined ? '' : `(?=${c.after})`) +
      (c.notAfter === undefined ? '' : `(?!${c.notAfter})`) +
      (c.at === 'end' ? '$' : '');
    (view[c.hint ?? c.becomes] ??= []).push({ pattern, becomes: c.becomes });
  }
  return view;
}

/** Letter clusters a hint can name ("with a p h", "with an i e"): the longest that fits is the hint, the rest a spelling. */
export const HINT_CLUSTERS: readonly string[] = Object.keys(SOUND_ALIKE_LETTERS)
  .filter((k) => k.length > 1)
  .sort((a, b) => b.length - a.length);
