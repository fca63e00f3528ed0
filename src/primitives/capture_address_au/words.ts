import { isDigitWord, isTeenWord, isTensWord } from '../spoken/characters';
import { keysOf } from '../spoken/keys';
import { normaliseUtterance, splitSelfCorrections, tokens, withoutFillers } from '../spoken/normalise';
import { ORDINALS, SENTENCE_WORDS, PLACE_NAME_WORDS, STATE_PHRASE_WORDS, type StateCode } from './vocabulary';

const isOrdinalWord = keysOf(ORDINALS);

/**
 * Word-level helpers for addresses. A comma the recogniser wrote is kept as
 * the token "§": it often separates the street from the suburb ("12 Broadway,
 * Ultimo"), and normaliseUtterance would otherwise turn it into a space.
 */
export const COMMA = '§';

/** Normalised self-correction segments of an utterance, each as words without fillers. */
export function addressSegments(text: string): string[][] {
  const marked = text.replace(/,/g, ` ${COMMA} `);
  return splitSelfCorrections(normaliseUtterance(marked)).map((segment) => splitTokens(withoutFillers(tokens(segment))));
}

/**
 * Labels callers put before a part, contracted with "is": "postcode's 3121",
 * "the suburb's Richmond", "state's Victoria" are read as "postcode is …".
 */
const CONTRACTED_LABEL = /^(postcode|code|zip|suburb|state|street|number|unit|town|locality)'s$/;

/** "4/56" → 4 / 56; "n.s.w" → nsw; "postcode's" → postcode is; "no." and "#" are gone already. */
function splitTokens(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    // Each form needs its character ("'s", "/", ".", "-"): most words are none of them.
    const label = w.endsWith("'s") ? CONTRACTED_LABEL.exec(w) : null;
    if (label !== null) {
      out.push(label[1], 'is');
    } else if (w.includes('/') && /^[0-9a-z]+\/[0-9a-z]+$/.test(w)) {
      const [a, b] = w.split('/');
      out.push(a, '/', b);
    } else if (w.includes('.') && /^([a-z]\.)+[a-z]?$/.test(w)) {
      out.push(w.replace(/\./g, ''));
    } else if (w.includes('-') && /^[a-z]+(-[a-z]+)+$/.test(w) && w.split('-').every((part) => isNumberWord(part))) {
      // "forty-two", "twenty-six"
      out.push(...w.split('-'));
    } else if (w.endsWith(COMMA) && w.length > 1) {
      out.push(w.slice(0, -1), COMMA);
    } else if (w.length > 0) {
      out.push(w);
    }
  }
  return out;
}

const isNumberWord = (w: string): boolean => isDigitWord(w) || isTeenWord(w) || isTensWord(w) || w === 'hundred' || w === 'thousand';

export const isFigureLike = (w: string | undefined): boolean => w !== undefined && /^[0-9]+([a-z]|-[0-9]+[a-z]?)?$/.test(w);

/** A word that can be part of a street or suburb name. */
export function isPlaceWord(w: string | undefined): boolean {
  if (w === undefined) return false;
  if (isOrdinalWord(w)) return true;
  if (!/^[a-z][a-z'-]*$/.test(w)) return false;
  return !SENTENCE_WORDS.has(w) || PLACE_NAME_WORDS.has(w);
}

/** State phrases by their last word, longest first, so a lookup touches only the phrases that can match. */
const PHRASES_BY_LAST_WORD: ReadonlyMap<string, ReadonlyArray<readonly [readonly string[], StateCode]>> = (() => {
  const map = new Map<string, Array<readonly [readonly string[], StateCode]>>();
  for (const entry of STATE_PHRASE_WORDS) {
    const last = entry[0][entry[0].length - 1];
    map.set(last, [...(map.get(last) ?? []), entry]);
  }
  return map;
})();

/** The state phrase that ends just before `end`, if any: [code, its length in words]. */
export function stateEndingAt(words: readonly string[], end: number, floor = 0): readonly [StateCode, number] | undefined {
  const candidates = PHRASES_BY_LAST_WORD.get(words[end - 1]);
  if (candidates === undefined) return undefined;
  for (const [phrase, code] of candidates) {
    const start = end - phrase.length;
    if (start < floor) continue;
    let ok = true;
    for (let k = 0; k < phrase.length && ok; k++) ok = words[start + k] === phrase[k];
    if (ok) return [code, phrase.length];
  }
  return undefined;
}

/** The state phrase that starts at `start`, if any. */
export function stateStartingAt(words: readonly string[], start: number): readonly [StateCode, number] | undefined {
  for (const [phrase, code] of STATE_PHRASE_WORDS) {
    let ok = start + phrase.length <= words.length;
    for (let k = 0; k < phrase.length && ok; k++) ok = words[start + k] === phrase[k];
    if (ok) return [code, phrase.length];
  }
  return undefined;
}

/**
 * Title Case for place names: "st kilda" → St Kilda, "mckinnon" → McKinnon,
 * "o'connor" → O'Connor, "wagga-wagga" → Wagga-Wagga, "saint" → St (as
 * Australia Post writes St Kilda, St Ives), "mt" → Mount, "2nd" → Second.
 */
export function placeCase(words: readonly string[]): string {
  return words
    .map((w) => {
      if (isOrdinalWord(w)) return ORDINALS[w];
      if (w === 'st' || w === 'saint') return 'St';
      if (w === 'mt') return 'Mount';
      return w.includes('-')
        ? w
            .split('-')
            .map((part) => capitalisePart(part))
            .join('-')
        : capitalisePart(w);
    })
    .join(' ');
}

function capitalisePart(part: string): string {
  if (part.length === 0) return part;
  if (part.startsWith('mc') && /^mc[a-z]{2,}$/.test(part)) return `Mc${part[2].toUpperCase()}${part.slice(3)}`;
  if (part[1] === "'" && /^[od]'[a-z]+$/.test(part)) return `${part[0].toUpperCase()}'${part[2].toUpperCase()}${part.slice(3)}`;
  return part[0].toUpperCase() + part.slice(1);
}

/** How a postcode is said: "3065" → "three oh six five". */
export function speakDigits(digits: string): string {
  // 2000, 3000, 4000: said "two thousand" by everyone.
  if (/^[1-9]000$/.test(digits)) return `${speakDigits(digits[0])} thousand`;
  const names = ['oh', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
  return [...digits].map((d) => (/[0-9]/.test(d) ? names[Number(d)] : d)).join(' ');
}
