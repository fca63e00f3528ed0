import { similarNames, soundKey } from './format';
import { applyModifier, readModifier } from './modifiers';
import { readSpelledRun } from './spelling';
import { ALTERNATIVE_WORDS, CUT_WORDS, LEAD_WORDS, NOT_NAME_WORDS, SPELL_CONNECTORS } from './vocabulary';

/**
 * The words of a name as items: spelled runs read and applied, joins made
 * ("o brien", "mac donald", "hyphen"), repeats and restarts dropped, and
 * where the name ends in a sentence.
 */

export interface Item {
  /** Lowercase, except capitals that were spelled or made by a join (mac + donald). */
  text: string;
  spelled: boolean;
  /** The word as said, when a spelling or a described spelling changed it ("steven" for Stephen). */
  heard?: string;
  /** A described spelling ("Jane with a Y") that fits no respelling: the caller is asked to spell. */
  uncertain?: boolean;
}

/** "that's", "that is", "spelled", "as in" right before a spelling. */
export function leadsToSpelling(words: readonly string[], i: number): boolean {
  for (let j = i; j < words.length && j <= i + 2 && (SPELL_CONNECTORS.has(words[j]) || NOT_NAME_WORDS.has(words[j])); j++) {
    if (readSpelledRun(words, j + 1) !== undefined) return true;
  }
  return false;
}

/**
 * Indexes of words inside spelled runs ("T R A N": "a" there is a letter, not
 * a word) and described spellings ("with an I E", "without an E").
 */
export function spelledPositions(words: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < words.length;) {
    const run = readSpelledRun(words, i) ?? (i > 0 ? readModifier(words, i) : undefined);
    if (run === undefined) {
      i++;
      continue;
    }
    for (let k = i; k < run.end; k++) out.add(k);
    i = run.end;
  }
  return out;
}

/**
 * Whether the name ends before words[i]: "Jane Smith calling about my bill",
 * "Jane Smith, do you need my date of birth?", "Jane and my surname is …".
 * Not before a spelling ("Leigh, that's L E I G H") or a second name ("Jane or Janet").
 */
export function endsName(words: readonly string[], i: number): boolean {
  const w = words[i];
  if (readModifier(words, i) !== undefined) return false;
  if (CUT_WORDS.has(w)) return true;
  if (ALTERNATIVE_WORDS.has(w)) return !isNameWord(words[i + 1]);
  return NOT_NAME_WORDS.has(w) && !leadsToSpelling(words, i);
}

export function isNameWord(w: string | undefined): boolean {
  return w !== undefined && !NOT_NAME_WORDS.has(w) && !LEAD_WORDS.has(w) && /^[a-z][a-z'-]*$/.test(w);
}

export function isSpelledTail(words: readonly string[]): boolean {
  return words.length >= 2 && readSpelledRun(words, words.length - 2) !== undefined;
}

/**
 * Turns words into name items: spelled runs replace the word they spell (or
 * stand alone), "hyphen" and "apostrophe" join, "o brien" is O'Brien, and
 * "mac donald" after a first name is MacDonald.
 */
export function readItems(words: readonly string[], inSurname: boolean): Item[] | 'alternatives' | 'non-answer' {
  const items: Item[] = [];
  let joiner = '';
  let connector = false;
  // The word a following spelling or description is about: "Lee Jackson, Lee is spelled L E I G H".
  let target: Item | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const prev = items[items.length - 1];
    const modifier = joiner === '' ? readModifier(words, i) : undefined;
    if (modifier !== undefined && (target ?? prev) !== undefined) {
      // "Steven with a P H", "Jo without an E", "Philip with two L's"
      const item = target ?? prev;
      const applied = applyModifier(item.text, modifier);
      item.heard ??= item.text.toLowerCase();
      if (applied.kind === 'uncertain') item.uncertain = true;
      else item.text = applied.text;
      item.spelled = true;
      i = modifier.end - 1;
      target = undefined;
      connector = false;
      continue;
    }
    const run = readSpelledRun(words, i);
    if (run !== undefined) {
      const letters = run.letters;
      i = run.end - 1;
      const same = items.find((it) => it.text.toLowerCase() === letters.toLowerCase());
      if (joiner !== '' && prev !== undefined) {
        prev.text += joiner + letters;
        prev.spelled = true;
      } else if (target !== undefined) {
        target.heard ??= target.text.toLowerCase();
        target.text = letters;
        target.spelled = true;
      } else if (same !== undefined) {
        // A spelling of a word said earlier ("Siobhan Kelly, S I O B H A N", "Jo Walsh, just J O") confirms it.
        same.spelled = true;
      } else if (prev !== undefined && (connector || (!prev.spelled && similarNames(prev.text, letters)))) {
        prev.heard ??= prev.text.toLowerCase();
        prev.text = letters;
        prev.spelled = true;
      } else {
        items.push({ text: letters, spelled: true });
      }
      joiner = '';
      connector = false;
      target = undefined;
      continue;
    }
    // A name said again before its spelling or description ("Lee is spelled …", "Jo without an E") names the word it is about.
    const named = /^[a-z][a-z'-]*$/.test(w) ? items.find((it) => it.text.toLowerCase() === w || it.heard === w) : undefined;
    if (named !== undefined && joiner === '' && (readModifier(words, i + 1) !== undefined || leadsToSpelling(words, i + 1))) {
      target = named;
      continue;
    }
    // "Steven with a P H, Steven Clarke": the name said again as heard is the one already respelled.
    if (named !== undefined && joiner === '' && named.heard === w && named.text.toLowerCase() !== w) continue;
    if (w === 'hyphen' || w === 'dash' || w === 'hyphenated' || w === '-') {
      joiner = '-';
      continue;
    }
    if (w === 'apostrophe' || w === "'") {
      joiner = "'";
      continue;
    }
    if (prev !== undefined && leadsToSpelling(words, i)) {
      connector = true;
      continue;
    }
    if (SPELL_CONNECTORS.has(w) && prev !== undefined && (words[i + 1] === undefined || SPELL_CONNECTORS.has(words[i + 1]))) continue;
    // "Tegan Price, and Tegan's spelled T E A G A N": "and" before a name said again and its spelling joins, it does not add a name.
    const again = words[i + 1];
    if (w === 'and' && again !== undefined && items.some((it) => it.text.toLowerCase() === again || it.heard === again)) {
      if (readModifier(words, i + 2) !== undefined || leadsToSpelling(words, i + 2)) continue;
    }
    if (ALTERNATIVE_WORDS.has(w) && prev !== undefined && i < words.length - 1) return 'alternatives';
    if (NOT_NAME_WORDS.has(w) || !/^[a-z][a-z'-]*$/.test(w)) return 'non-answer';
    if (joiner !== '' && prev !== undefined) {
      prev.text += joiner + w;
      joiner = '';
    } else if (prev !== undefined && !prev.spelled && (prev.text === 'o' || prev.text === 'd') && w.length >= 3) {
      prev.text = `${prev.text}'${w}`;
    } else if (prev !== undefined && (prev.text === 'mac' || prev.text === 'mc') && (items.length >= 2 || inSurname) && w.length >= 3) {
      prev.text = `${prev.text}${w[0].toUpperCase()}${w.slice(1)}`;
    } else {
      items.push({ text: w, spelled: false });
    }
    connector = false;
  }
  return items;
}

/**
 * Drops repeats ("Jane, Jane Smith") and, where `restarts`, restarts: a short
 * name then the full name it is part of ("Chris, um, Christopher Lee", "first
 * name Bec, Rebecca"). Not between two words alone, which are a first name
 * and a surname ("Will Williams", "Jack Jackson").
 */
export function tidy(items: readonly Item[], restarts: boolean): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    const prev = out[out.length - 1];
    const lower = item.text.toLowerCase();
    if (prev !== undefined && prev.text.toLowerCase() === lower) continue;
    // "Lee, Leigh": the same name again, spelled differently; the later one stands.
    const prevKey = prev !== undefined && !prev.spelled && !item.spelled ? soundKey(prev.text) : '';
    if (prev !== undefined && prevKey !== '' && prevKey === soundKey(item.text)) {
      out[out.length - 1] = { ...item };
      continue;
    }
    if (
      restarts &&
      prev !== undefined &&
      !prev.spelled &&
      prev.text.length >= 3 &&
      lower.length > prev.text.length &&
      lower.includes(prev.text.toLowerCase())
    ) {
      out[out.length - 1] = item;
      continue;
    }
    out.push({ ...item });
  }
  return out;
}

/** "Jane Smith, Jane Smith": the same name twice is one. */
export function saidTwice(names: readonly Item[]): boolean {
  const half = names.length / 2;
  if (names.length < 4 || !Number.isInteger(half)) return false;
  const lower = names.map((n) => n.text.toLowerCase());
  return lower.slice(0, half).join(' ') === lower.slice(half).join(' ');
}

/** "Jane Smith John Smith": two people's names run together. */
export function isTwoNames(names: readonly Item[]): boolean {
  if (names.length < 4) return false;
  const lower = names.map((n) => n.text.toLowerCase());
  return lower.slice(1, -1).includes(lower[lower.length - 1]);
}
