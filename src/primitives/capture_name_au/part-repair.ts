import { isLetterName, isSingleLetter } from '../spoken/characters';
import { applyLetterHint, readLetterCount, readLetterSwap, type LetterHint } from '../spoken/letter-hints';
import { normaliseUtterance, tokens, withoutFillers } from '../spoken/normalise';
import { nameCase } from './format';
import { readModifier } from './modifiers';
import { HINT_EDGE_WORDS, PART_LABELS } from './part-words';

/**
 * A spelled repair of one part of a name the caller did not confirm, given only as a hint:
 * "with a y", "the surname's with a y", "first name with a p h", "not v, p h", "double l",
 * "no, one l". The hint is applied to the part it names, or else to the one part it changes;
 * when it changes no part, or more than one, the caller is asked to spell it (never guessed).
 * Undefined when the words are not a bare hint (a name said again is read by repair.ts).
 */
export function repairWithHint(previous: HintedParts, utterance: string): HintedParts | { ask: string } | undefined {
  return hintedParts(previous, withoutFillers(tokens(normaliseUtterance(utterance.replace(/,/g, ' § ')))));
}

/** The parts of a name a hint may respell (as NameParts in extract.ts, which reads hints inside an answer too). */
export interface HintedParts {
  first?: string;
  middle?: string;
  last?: string;
}

/** As repairWithHint, for words already read (lowercase tokens; "§" where a comma was). */
export function hintedParts(previous: HintedParts, words: readonly string[]): HintedParts | { ask: string } | undefined {
  let target: keyof HintedParts | undefined;
  const rest: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const label = PART_LABELS.find(([phrase]) => phrase.every((p, k) => words[i + k] === p));
    if (label !== undefined) {
      if (target !== undefined && target !== label[1]) return undefined;
      target = label[1];
      i += label[0].length - 1;
    } else if (words[i] === 'no' && i === words.length - 2 && isLetter(words[i + 1])) {
      // "no h": a letter the name has not.
      rest.push(words[i]);
    } else if (!HINT_EDGE_WORDS.has(words[i]) || (words[i] === '§' && rest.length > 0)) {
      rest.push(words[i]);
    }
  }
  while (rest[rest.length - 1] === '§') rest.pop();
  const hint = readHint(rest);
  if (hint === undefined) return undefined;

  const parts: Array<keyof HintedParts> = target !== undefined ? [target] : ['first', 'middle', 'last'];
  const changed: Array<[keyof HintedParts, string]> = [];
  for (const part of parts) {
    const current = previous[part];
    if (current === undefined) continue;
    const applied = applyLetterHint(current, hint);
    if (applied.kind === 'spelled' && applied.text !== current.toLowerCase()) changed.push([part, applied.text]);
  }
  if (changed.length !== 1) {
    const reason =
      changed.length === 0
        ? 'a spelling hint that changes no part of the name'
        : 'a spelling hint that fits more than one part of the name';
    return { ask: reason };
  }
  const [part, text] = changed[0];
  return { ...previous, [part]: nameCase(text, undefined, false) };
}

function isLetter(word: string | undefined): boolean {
  return word !== undefined && (isSingleLetter(word) || isLetterName(word));
}

/** The hint the words are, and nothing else: a swap, a count, or "with …"/"without …". */
function readHint(words: readonly string[]): LetterHint | undefined {
  if (words.length === 0) return undefined;
  const swap = readLetterSwap(words);
  if (swap !== undefined) return { kind: 'swap', ...swap };
  const count = readLetterCount(words);
  if (count !== undefined) return count;
  const modifier = readModifier(words, 0);
  if (modifier !== undefined && modifier.end === words.length) return { kind: modifier.kind, letters: modifier.letters };
  return undefined;
}
