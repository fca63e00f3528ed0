import { DIGIT_WORDS, LETTER_NAMES, NATO_ALPHABET, TEEN_WORDS, TENS_WORDS } from '../spoken/characters';
import { ANCHORS, CONNECTORS, CORRECTIONS, NOT_CODES, REPEATS, WEAK_LETTERS, WEAK_WORDS } from './vocabulary';

/**
 * Reads a code spelled out loud: letters said as themselves ("A B"), by name
 * ("bee"), by NATO word ("bravo") or anchored to a word ("B for bravo",
 * "D as in dog"), digits as figures or words ("oh four", "twelve",
 * "forty two"), "double"/"triple" before a character, and what a recogniser
 * wrote in capitals ("QF12", "AB 12").
 *
 * A code is a run of characters in the utterance; words that are not
 * characters end a run. What is heard is given as candidates in order of
 * preference, so that the primitive's length and pattern can choose between
 * readings of the words that are uncertain ("oh": 0 or O; a leading "a": the
 * letter or the article).
 */

/**
 * One character or group heard. `weak`: often not a character at all ("a",
 * "for"); `everyday`: an everyday word of two letters or more ("are", "to");
 * `alternative`: another reading ("oh": 0 or O).
 */
interface Piece {
  chars: string;
  weak: boolean;
  everyday?: boolean;
  alternative?: string;
}

export type Heard =
  | { kind: 'code'; candidates: string[] }
  /** Different codes heard, without a correction between them. */
  | { kind: 'conflict'; codes: string[] }
  | { kind: 'none' };

const own = (table: object, word: string): boolean => Object.hasOwn(table, word);

/** Splits the transcription into words, keeping the capitals a recogniser uses for spelled letters. */
function words(text: string): string[] {
  return (
    text
      .replace(/[\u2018\u2019\u02bc`]/g, "'")
      .replace(/[,;:!?()[\]{}"\u201c\u201d/\\]|\.(?=\s|$)/g, ' ')
      .split(/\s+/)
      // "F-G-H-1-2-3" is spelled with hyphens; "x-ray" and "double-u" are one word each.
      .flatMap((w) => (w.includes('-') && !HYPHENATED.has(w.toLowerCase()) ? w.split('-') : [w]))
      .filter((w) => w.length > 0)
  );
}

const HYPHENATED: ReadonlySet<string> = new Set(['x-ray', 'double-u']);

/** A word written as a code: "QF12", "ab12cd", "1234", "X" (a capital letter alone). */
function writtenCode(word: string): string | undefined {
  if (NOT_CODES.has(word)) return undefined;
  if (/^[A-Z0-9]+$/.test(word) && (word.length > 1 || /[A-Z]/.test(word))) return word;
  if (/^[a-z0-9]+$/i.test(word) && /[0-9]/.test(word)) return word.toUpperCase();
  return undefined;
}

/** A word that is one letter: "b", "bee", "bravo". */
function letterOf(word: string): string | undefined {
  if (/^[a-z]$/.test(word)) return word;
  if (own(NATO_ALPHABET, word)) return NATO_ALPHABET[word];
  if (own(LETTER_NAMES, word)) return LETTER_NAMES[word];
  return undefined;
}

function startsWith(list: readonly string[], at: number, phrase: readonly string[]): boolean {
  return phrase.every((w, k) => list[at + k] === w);
}

/** Reads the words into pieces; `null` marks a word that is not part of a code. */
function pieces(raw: readonly string[]): Array<Piece | null> {
  const out: Array<Piece | null> = [];
  const lower = raw.map((w) => w.toLowerCase());
  for (let i = 0; i < raw.length; i++) {
    const read = readPiece(raw, lower, i);
    if (read !== undefined) {
      out.push(...read.pieces);
      i += read.used - 1;
    } else if (!CONNECTORS.has(lower[i])) {
      out.push(null);
    }
  }
  return out;
}

/** The piece (or pieces) starting at word i, and how many words it used. */
function readPiece(raw: readonly string[], lower: readonly string[], i: number): { pieces: Piece[]; used: number } | undefined {
  const word = lower[i];
  // "B for bravo", "D as in dog": the anchor word decides the letter (a recogniser often mishears the letter itself).
  const letter = letterOf(word);
  if (letter !== undefined) {
    for (const anchor of ANCHORS) {
      const next = lower[i + 1 + anchor.length];
      if (startsWith(lower, i + 1, anchor) && next !== undefined && /^[a-z][a-z'-]+$/.test(next) && !isNumberWord(next)) {
        return { pieces: [{ chars: next[0].toUpperCase(), weak: false }], used: 2 + anchor.length };
      }
    }
  }
  const written = writtenCode(raw[i]);
  if (written !== undefined) return { pieces: [...written].map((c) => ({ chars: c, weak: false })), used: 1 };

  if (own(REPEATS, word)) {
    if (word === 'double' && (lower[i + 1] === 'you' || lower[i + 1] === 'u')) return { pieces: [{ chars: 'W', weak: false }], used: 2 };
    const next = i + 1 < lower.length ? readPiece(raw, lower, i + 1) : undefined;
    const one = next?.pieces.length === 1 ? next.pieces[0] : undefined;
    if (next === undefined || one === undefined || one.chars.length !== 1) return undefined;
    const times = REPEATS[word];
    const alternative = one.alternative === undefined ? undefined : one.alternative.repeat(times);
    return { pieces: [{ chars: one.chars.repeat(times), weak: false, alternative }], used: 1 + next.used };
  }
  if (word === 'double-u' || word === 'doubleyou') return { pieces: [{ chars: 'W', weak: false }], used: 1 };

  if (word === 'o' || word === 'oh') return { pieces: [{ chars: '0', weak: true, alternative: 'O' }], used: 1 };
  if (own(DIGIT_WORDS, word)) {
    const everyday = WEAK_WORDS.has(word);
    return { pieces: [{ chars: DIGIT_WORDS[word], weak: everyday, everyday }], used: 1 };
  }
  if (own(TEEN_WORDS, word)) return { pieces: [{ chars: TEEN_WORDS[word], weak: false }], used: 1 };
  if (own(TENS_WORDS, word)) {
    // "forty two" is 42; "forty" alone, or before a word that is not a digit, is 40.
    const unit = lower[i + 1];
    if (
      unit !== undefined &&
      own(DIGIT_WORDS, unit) &&
      !WEAK_WORDS.has(unit) &&
      DIGIT_WORDS[unit] !== '0' &&
      unit !== 'o' &&
      unit !== 'oh'
    ) {
      return { pieces: [{ chars: TENS_WORDS[word] + DIGIT_WORDS[unit], weak: false }], used: 2 };
    }
    return { pieces: [{ chars: `${TENS_WORDS[word]}0`, weak: false }], used: 1 };
  }
  // The word before is read on its own; never a repeat word, which would read this one again ("triple thousand" looped).
  if (
    (word === 'hundred' || word === 'thousand') &&
    i > 0 &&
    !own(REPEATS, lower[i - 1]) &&
    /^[0-9]$/.test(readPiece(raw, lower, i - 1)?.pieces[0]?.chars ?? '')
  ) {
    return { pieces: [{ chars: word === 'hundred' ? '00' : '000', weak: false }], used: 1 };
  }
  if (letter !== undefined) {
    // "I" is how a recogniser writes the pronoun too.
    const everyday = WEAK_WORDS.has(word) || raw[i] === 'I';
    const weak = everyday || (/^[a-z]$/.test(raw[i]) && WEAK_LETTERS.has(word));
    return { pieces: [{ chars: letter.toUpperCase(), weak, everyday }], used: 1 };
  }
  return undefined;
}

function isNumberWord(word: string): boolean {
  return own(DIGIT_WORDS, word) || own(TEEN_WORDS, word) || own(TENS_WORDS, word);
}

/** The runs of pieces between words that are not characters; a run of weak words alone is ordinary speech. */
function runs(all: ReadonlyArray<Piece | null>): Piece[][] {
  const out: Piece[][] = [];
  let run: Piece[] = [];
  let startsUtterance = true;
  const close = (endsUtterance: boolean): void => {
    const trimmed = trimEdges(run, startsUtterance, endsUtterance);
    if (trimmed.some((p) => !p.weak)) out.push(trimmed);
    run = [];
    startsUtterance = false;
  };
  for (const piece of all) {
    if (piece === null) close(false);
    else run.push(piece);
  }
  close(true);
  return out;
}

/**
 * Everyday words at the edge of a run are speech running into the code ("the
 * letters are A B", "AB12 for you"), not characters; at the very start or end
 * of the utterance they stay ("see four seven two" is C472).
 */
function trimEdges(run: readonly Piece[], startsUtterance: boolean, endsUtterance: boolean): Piece[] {
  let from = 0;
  let to = run.length;
  if (!startsUtterance) while (from < to && run[from].everyday === true) from++;
  if (!endsUtterance) while (to > from && run[to - 1].everyday === true) to--;
  return run.slice(from, to);
}

/** The nearest piece on one side that has a single reading. */
function nearestSure(run: readonly Piece[], k: number, step: 1 | -1): Piece | undefined {
  for (let j = k + step; j >= 0 && j < run.length; j += step) if (run[j].alternative === undefined) return run[j];
  return undefined;
}

const isLetters = (p: Piece | undefined): boolean => p !== undefined && /^[A-Z]+$/.test(p.chars);

/**
 * The readings of a run, preferred first: "oh" is 0 unless it sits among
 * letters ("K oh R"); with and without a leading weak word ("a", "for").
 */
function candidatesOf(run: readonly Piece[]): string[] {
  const resolved = run.map((p, k) => {
    if (p.alternative === undefined) return [p.chars];
    const before = nearestSure(run, k, -1);
    const after = nearestSure(run, k, 1);
    const amongLetters =
      (isLetters(before) || before === undefined) && (isLetters(after) || after === undefined) && (before ?? after) !== undefined;
    return amongLetters ? [p.alternative, p.chars] : [p.chars, p.alternative];
  });
  let readings = [''];
  for (const options of resolved) {
    readings = readings.flatMap((r) => options.map((o) => r + o));
    if (readings.length > 32) readings = readings.slice(0, 32);
  }
  const out = [...readings];
  if (run.length > 1 && run[0].weak) out.push(...candidatesOf(run.slice(1)));
  return [...new Set(out)];
}

/** Splits the words at the last self-correction: what follows it is what the caller means. */
function afterCorrection(list: readonly string[]): string[] {
  const lower = list.map((w) => w.toLowerCase());
  for (let i = lower.length - 1; i >= 0; i--) {
    for (const phrase of CORRECTIONS) {
      if (startsWith(lower, i, phrase) && i + phrase.length < lower.length) {
        const rest = list.slice(i + phrase.length);
        if (runs(pieces(rest)).length > 0) return rest;
      }
    }
  }
  return [...list];
}

export function hearCode(utterance: string): Heard {
  const found = runs(pieces(afterCorrection(words(utterance))));
  if (found.length === 0) return { kind: 'none' };
  const codes = [...new Set(found.map((r) => candidatesOf(r)[0]))];
  if (codes.length > 1) {
    // "AB12, that's alpha bravo one two": the same code twice is one code.
    return { kind: 'conflict', codes };
  }
  return { kind: 'code', candidates: candidatesOf(found[0]) };
}

/**
 * "not B, D", "no, not bravo, delta", "D instead of B": the part of the code
 * said to be wrong becomes the other. Undefined unless the part occurs
 * exactly once in the code, so nothing is guessed.
 */
export function repairCode(previous: string, utterance: string): string | undefined {
  const notThis = /\bnot\s+(.+?)\s*(?:,|\bbut\b|\bit'?s\b|\bit is\b)\s*(.+)$/i.exec(utterance);
  const instead = /^(.+?)\s+instead of\s+(.+)$/i.exec(utterance);
  const [wrong, right] = notThis !== null ? [notThis[1], notThis[2]] : instead !== null ? [instead[2], instead[1]] : [];
  if (wrong === undefined || right === undefined) return undefined;
  const from = onlyCode(wrong);
  const to = onlyCode(right);
  if (from === undefined || to === undefined || from.length !== to.length) return undefined;
  const at = previous.indexOf(from);
  if (at < 0 || previous.indexOf(from, at + 1) >= 0) return undefined;
  return previous.slice(0, at) + to + previous.slice(at + from.length);
}

/** The one code in a part of an utterance, if it holds exactly one. */
function onlyCode(part: string): string | undefined {
  const heard = hearCode(part);
  return heard.kind === 'code' ? heard.candidates[0] : undefined;
}
