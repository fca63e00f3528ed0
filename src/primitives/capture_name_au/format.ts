import { editDistance } from '../spoken/edit-distance';
/**
 * How a name is written, since the recogniser's casing cannot be trusted:
 *
 *   - each part in Title Case, and each part of a hyphenated name: Smith-Jones, Mary-Jane;
 *   - O'Brien, D'Angelo: the letter after an apostrophe that follows one letter is a capital;
 *   - McDonald, McKenzie: "Mc" is always followed by a capital;
 *   - "Mac" is followed by a capital only when the caller said it apart ("mac donald")
 *     or the recogniser wrote it so (MacDonald); otherwise Macey, Mackenzie, Machin stay as one word;
 *   - a casing the recogniser wrote inside a word (DeLuca, LeBlanc) is kept;
 *   - Dutch, German and Arabic particles stay lowercase inside a surname (van der Berg,
 *     von Trapp, bin Ahmad); Romance ones are capitalised as Australians write them
 *     (De Luca, Di Stefano, Da Silva, Du Plessis, La Rosa, Le Roux).
 */

export const LOWERCASE_PARTICLES: ReadonlySet<string> = new Set([
  'van',
  'von',
  'der',
  'den',
  'ter',
  'ten',
  'het',
  'bin',
  'binti',
  'bint',
  'ibn',
]);
export const CAPITAL_PARTICLES: ReadonlySet<string> = new Set([
  'de',
  'di',
  'da',
  'del',
  'della',
  'dos',
  'das',
  'du',
  'la',
  'le',
  'al',
  'el',
  'st',
]);

export function isParticle(word: string): boolean {
  const w = word.toLowerCase();
  return LOWERCASE_PARTICLES.has(w) || CAPITAL_PARTICLES.has(w);
}

/**
 * Writes one name word. `word` is lowercase except for capitals the caller
 * spelled ("capital D") or that a join made (mac + donald → macDonald);
 * `hint` is the recogniser's own spelling when it had capitals inside the word.
 */
export function nameCase(word: string, hint?: string, insideSurname = false): string {
  if (hint !== undefined && /^[A-Z]/.test(hint)) return hint;
  if (insideSurname && LOWERCASE_PARTICLES.has(word)) return word;
  if (word === 'st') return 'St';
  return word
    .split('-')
    .map((part) => capitalisePart(part))
    .join('-');
}

function capitalisePart(part: string): string {
  if (part.length === 0) return part;
  if (/[A-Z]/.test(part.slice(1))) return part[0].toUpperCase() + part.slice(1);
  const lower = part.toLowerCase();
  if (/^mc[a-z]{2,}$/.test(lower)) return `Mc${lower[2].toUpperCase()}${lower.slice(3)}`;
  if (/^[a-z]'[a-z]{2,}$/.test(lower)) return `${lower[0].toUpperCase()}'${lower[2].toUpperCase()}${lower.slice(3)}`;
  return lower[0].toUpperCase() + lower.slice(1);
}

/** "Jane Smith" → "J*** S****": initials only, one star per hidden letter. */
export function maskName(value: string): string {
  return value
    .split(' ')
    .filter((w) => w.length > 0)
    .map((w) => `${w[0]}${'*'.repeat(Math.max(w.length - 1, 1))}`)
    .join(' ');
}

/**
 * Whether `b` is plausibly `a` said or spelled differently (Lee/Leigh,
 * Smith/Smyth, Jon/John, Catherine/Kathryn, Shaun/Sean): same first sound, and
 * close in spelling, sharing the start, or the same consonants once the usual
 * spellings of one sound are folded together (soundKey): the vowels of one name
 * are spelled many ways (Shaun, Sean, Shawn), its consonants far fewer.
 */
export function similarNames(a: string, b: string): boolean {
  const x = a.toLowerCase().replace(/[^a-z]/g, '');
  const y = b.toLowerCase().replace(/[^a-z]/g, '');
  if (x.length === 0 || y.length === 0) return false;
  if (x === y) return true;
  const sameStart =
    x[0] === y[0] ||
    (/^[ck]/.test(x) && /^[ck]/.test(y)) ||
    (x.startsWith('ph') && y.startsWith('f')) ||
    (x.startsWith('f') && y.startsWith('ph'));
  if (!sameStart) return false;
  if (x.slice(0, 2) === y.slice(0, 2)) return true;
  if (editDistance(x, y) / Math.max(x.length, y.length) < 0.4) return true;
  // soundKey ends with the first vowel; the consonants are the rest. Two at least: one alone says too little.
  const consonants = soundKey(x).replace(/[aeiou]$/, '');
  return consonants.length >= 2 && consonants === soundKey(y).replace(/[aeiou]$/, '');
}

/**
 * A rough sound key: the consonants, with the usual spellings of one sound
 * folded together, and the first vowel (Lee/Leigh → le, Smith/Smyth → smti,
 * Jon/John → jno, but Tim → tmi and Tam → tma). Two
 * different words next to each other with the same key are one name said
 * again differently ("Lee, Leigh"), not a first name and a surname.
 */
export function soundKey(word: string): string {
  const lower = word.toLowerCase().replace(/y/g, 'i');
  // The first vowel is kept: Tim and Tam are two names, Lee and Leigh one.
  const vowel = /[aeiou]/.exec(lower.slice(1))?.[0] ?? '';
  // The rarer foldings only when their letters are there.
  let consonants = /[^a-z]/.test(lower) ? lower.replace(/[^a-z]/g, '') : lower;
  if (consonants.includes('ph')) consonants = consonants.replace(/ph/g, 'f');
  if (consonants.includes('gh')) consonants = consonants.replace(/gh/g, '');
  if (consonants.includes('c') || consonants.includes('q')) consonants = consonants.replace(/ck|c(?=[aou])|q/g, 'k');
  if (consonants.includes('z')) consonants = consonants.replace(/z/g, 's');
  consonants = consonants.replace(/[aeiouyhw]/g, '').replace(/(.)\1+/g, '$1');
  return consonants === '' ? '' : `${consonants}${vowel}`;
}

export { editDistance };
