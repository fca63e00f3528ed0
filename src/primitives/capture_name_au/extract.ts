import { normaliseUtterance, splitSelfCorrections, tokens, withoutFillers } from '../spoken/normalise';
import { isParticle, nameCase, similarNames } from './format';
import { hintedParts } from './part-repair';
import { secondPerson } from './second-person';
import { readSpelledRun } from './spelling';
import {
  endsName,
  isNameWord,
  isSpelledTail,
  isTwoNames,
  leadsToSpelling,
  readItems,
  saidTwice,
  spelledPositions,
  tidy,
  type Item,
} from './items';
import { LABELS, LEAD_WORDS, NOT_NAME_WORDS, SUFFIXES, TITLES, TRAIL_WORDS } from './vocabulary';

/**
 * Turns what a caller said into a person's name: lead-ins and titles dropped,
 * spelled names read ("Leigh, L E I G H": the spelling wins), NATO and "double
 * L", O'Brien, McDonald, Smith-Jones, labelled parts ("my surname is …"),
 * self-corrections (the last one wins, and may give only one part). One name
 * alone is kept and the other part asked for; two names are asked about;
 * non-answers ("why do you need it") are not names.
 */
export interface NameParts {
  first?: string;
  middle?: string;
  last?: string;
}

export type NameAsk = 'first' | 'last';

export type NameExtraction =
  | { kind: 'value'; value: string; fields: Record<string, string> }
  | { kind: 'partial'; parts: NameParts; ask: NameAsk }
  /**
   * `spell`: a spelling was described that fits no one respelling ("Jane with a Y"): ask for it letter by letter.
   * `which`: two people's names ("my son is Jack and my daughter is Kate"): ask whose name it is.
   */
  | { kind: 'ambiguous'; reason: string; spell?: boolean; which?: boolean }
  | { kind: 'none'; reason: string; nonAnswer: boolean };

export interface NameOptions {
  requireLastName: boolean;
}

/** What one segment (or one restatement inside it) says. */
interface SegmentName {
  parts: NameParts;
  /** How many unlabelled name words were said: one alone is a first name or, after a title, a surname. */
  words: number;
  labelled: boolean;
  issue?: 'alternatives' | 'non-answer' | 'too-long' | 'unspelled';
  /** The label of the part said last, when it was labelled: a correction right after it continues it. */
  endLabel?: Label;
}

type Label = 'first' | 'middle' | 'last';

/**
 * "Bec, Rebecca actually", "Smith, Smyth sorry": a correction said after the
 * word it brings in (one word, after a pause, before the next pause or
 * part). Rewritten the usual way round ("Bec, actually Rebecca") so the word
 * after the marker wins.
 */
const CORRECTION_AFTER =
  /((?:^|[,;.]|\b(?:um+|uh+|er+|erm|ah+)\b)[\s,]*)([a-z][a-z'-]*)\s+(actually|sorry)(?=\s*(?:[,;.!?]|$)|\s+(?:and|then|last|surname|family|second|middle|first|my)\b)/gi;

export function correctionsFirst(text: string): string {
  // Only a text with one of the markers can have such a correction.
  if (!/actually|sorry/i.test(text)) return text;
  return text.replace(CORRECTION_AFTER, (_all, before: string, word: string, marker: string) => `${before}${marker} ${word}`);
}

export function extractName(said: string, options: NameOptions, pending?: { parts: NameParts; ask?: NameAsk }): NameExtraction {
  // Another person named in the same answer: only the words of the person the name is for are read.
  const focus = secondPerson(said, (words) => extractName(words, { requireLastName: false }).kind !== 'none');
  if (focus?.kind === 'ask') return { kind: 'ambiguous', reason: focus.reason, which: focus.alternatives !== true };
  const text = focus?.text ?? said;
  const hints = casingHints(text);
  let parts: NameParts = { ...pending?.parts };
  // What the last prompt asked for applies to the first name words of this turn only.
  let ask = pending?.ask;
  let heard = false;
  let nonAnswer = false;
  let ambiguous: 'alternatives' | 'unspelled' | undefined;
  // "First name is Bec, sorry, Rebecca": a correction right after a labelled part continues that part.
  let carry: Label | undefined;
  for (const segment of splitSelfCorrections(normaliseUtterance(correctionsFirst(text)))) {
    for (const piece of restatements(withoutFillers(tokens(segment)))) {
      // "John Smith, sorry, with a y": a spelling hint after a correction respells the part it fits.
      const hinted = heard && ask === undefined ? hintedParts(parts, piece) : undefined;
      if (hinted !== undefined) {
        if ('ask' in hinted) return { kind: 'ambiguous', reason: hinted.ask, spell: true };
        parts = hinted;
        carry = undefined;
        continue;
      }
      const reading = readSegment(piece, hints, carry);
      carry = reading?.endLabel;
      if (reading === undefined) continue;
      if (reading.issue === 'non-answer' || reading.issue === 'too-long') {
        nonAnswer ||= reading.issue === 'non-answer';
        continue;
      }
      if (reading.issue === 'alternatives' || reading.issue === 'unspelled') {
        ambiguous = reading.issue;
        continue;
      }
      ambiguous = undefined;
      heard = true;
      parts = combine(parts, reading, ask);
      ask = undefined;
    }
  }
  if (ambiguous === 'alternatives') return { kind: 'ambiguous', reason: 'more than one name in one answer' };
  if (ambiguous === 'unspelled')
    return { kind: 'ambiguous', reason: 'a described spelling that fits more than one name, or none', spell: true };
  if (!heard) return { kind: 'none', reason: nonAnswer ? 'the caller did not give a name' : 'no name heard', nonAnswer };
  return complete(parts, options);
}

/** A value once both parts are known; otherwise what to ask for. */
export function complete(parts: NameParts, options: NameOptions): NameExtraction {
  const { first, middle, last } = parts;
  if (first !== undefined && first.length > 1 && last !== undefined) {
    const fields: Record<string, string> = { first, last };
    if (middle !== undefined) fields.middle = middle;
    return { kind: 'value', value: [first, middle, last].filter((p) => p !== undefined).join(' '), fields };
  }
  if (first !== undefined && first.length > 1 && !options.requireLastName) {
    return { kind: 'value', value: first, fields: { first } };
  }
  if (first === undefined || first.length <= 1) return { kind: 'partial', parts, ask: 'first' };
  return { kind: 'partial', parts, ask: 'last' };
}

/** Applies a segment's reading to what is known: a full name replaces, one word fills or corrects a part. */
export function combine(parts: NameParts, reading: SegmentName, ask: NameAsk | undefined): NameParts {
  const next = reading.parts;
  if (reading.labelled) return { ...parts, ...definedOnly(next) };
  if (next.first !== undefined && next.last !== undefined) return next;
  const word = next.first ?? next.last;
  if (word === undefined) return parts;
  if (next.last !== undefined) return { ...parts, last: next.last };
  if (ask === 'last') return { ...parts, last: word };
  if (ask === 'first') return { ...parts, first: word };
  const { first, last } = parts;
  if (first !== undefined && last !== undefined) {
    // "Jane Smith, sorry, Smyth": the one word corrects the part it resembles, else the surname.
    if (similarNames(first, word) && !similarNames(last, word)) return { ...parts, first: word };
    return { ...parts, last: word };
  }
  if (first !== undefined) return similarNames(first, word) ? { ...parts, first: word } : { ...parts, last: word };
  if (last !== undefined) return similarNames(last, word) ? { ...parts, last: word } : { ...parts, first: word };
  return { first: word };
}

function definedOnly(parts: NameParts): NameParts {
  return Object.fromEntries(Object.entries(parts).filter(([, v]) => v !== undefined)) as NameParts;
}

/**
 * "Jane Smith, that's Jane Smith", "Jess, that's Jessica Brown": a restatement
 * is read like a self-correction. "that's" before a spelling ("that's L E
 * I G H", "that's spelled T E A G A N") is not one.
 */
function restatements(words: readonly string[]): string[][] {
  const out: string[][] = [[]];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const restates = (w === "that's" || w === 'thats') && out[out.length - 1].length > 0 && !leadsToSpelling(words, i);
    if (restates) out.push([]);
    else out[out.length - 1].push(w);
  }
  return out.filter((p) => p.length > 0);
}

/** Reads one piece: labelled chunks ("first name Jane, surname Smith") or one unlabelled name. */
export function readSegment(words: readonly string[], hints: ReadonlyMap<string, string>, carry?: Label): SegmentName | undefined {
  const chunks = splitLabels(withoutConnectives(words));
  const parts: NameParts = {};
  let labelled = false;
  let count = 0;
  let issue: SegmentName['issue'];
  let endLabel: Label | undefined;
  chunks.forEach((chunk, index) => {
    let label = chunk.label;
    let read: SegmentName | undefined;
    // One word right after a correction of a labelled part is that part again ("first name Bec, sorry, Rebecca").
    if (index === 0 && label === undefined && carry !== undefined) {
      const carried = readChunk(chunk.words, carry, hints);
      if (carried !== undefined && carried.issue === undefined && carried.words === 1) {
        label = carry;
        read = carried;
      }
    }
    read ??= readChunk(chunk.words, label, hints);
    endLabel = undefined;
    if (read === undefined) return;
    if (read.issue !== undefined) {
      issue ??= read.issue;
      return;
    }
    if (label !== undefined) {
      labelled = true;
      parts[label] = read.parts.first ?? read.parts.last;
      endLabel = label;
    } else {
      Object.assign(parts, read.parts);
      count = read.words;
    }
  });
  if (parts.first === undefined && parts.last === undefined && parts.middle === undefined) {
    return issue !== undefined ? { parts, words: 0, labelled, issue } : undefined;
  }
  return { parts, words: count, labelled, endLabel };
}

/**
 * Words that join the parts of one name rather than two names: "Caitlin, and
 * then Nguyen", "Jane then Smith", "C A I T L I N and N G U Y E N" (an "and"
 * right after a spelling). Dropped when a name is on both sides.
 */
function withoutConnectives(words: readonly string[]): string[] {
  const spelled = spelledPositions(words);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const before = out.length > 0;
    const next = words[i + 1];
    // Whether a name follows matters only for "then" and "and".
    const nameNext = (): boolean =>
      next !== undefined && (isNameWord(next) || LABEL_STARTS.has(next) || readSpelledRun(words, i + 1) !== undefined);
    if (before && w === 'then' && nameNext()) {
      if (out[out.length - 1] === 'and') out.pop();
      continue;
    }
    if (before && w === 'and' && spelled.has(i - 1) && !spelled.has(i) && next !== 'then' && nameNext()) continue;
    out.push(w);
  }
  return out;
}

interface Chunk {
  label?: 'first' | 'middle' | 'last';
  words: string[];
}

/** The first words of LABELS: only at one of them can a label start. */
const LABEL_STARTS: ReadonlySet<string> = new Set(LABELS.map(([phrase]) => phrase[0]));

function splitLabels(words: readonly string[]): Chunk[] {
  const chunks: Chunk[] = [{ words: [] }];
  for (let i = 0; i < words.length; i++) {
    const label = LABEL_STARTS.has(words[i]) ? LABELS.find(([phrase]) => phrase.every((p, k) => words[i + k] === p)) : undefined;
    if (label !== undefined) {
      chunks.push({ label: label[1], words: [] });
      i += label[0].length - 1;
    } else {
      chunks[chunks.length - 1].words.push(words[i]);
    }
  }
  return chunks.filter((c) => c.words.length > 0);
}

/**
 * Phrases after which the name comes, even mid-sentence ("I'm calling about
 * my booking, the name's Sam Green"). The last one that leads to a name wins.
 */
const ANCHORS: ReadonlyArray<readonly string[]> = [
  ["name's"],
  ['name', 'is'],
  ['names'],
  ['this', 'is'],
  ["it's"],
  ["i'm"],
  ['i', 'am'],
  ['call', 'me'],
  // "you can put me down as …", "book me in as …", "put it under …", "it's under the name …", "I go by …"
  ['down', 'as'],
  ['in', 'as'],
  ['under'],
  ['known', 'as'],
  ['go', 'by'],
  ['goes', 'by'],
];

/** The first words of ANCHORS: only at one of them can an anchor start. */
const ANCHOR_STARTS: ReadonlySet<string> = new Set(ANCHORS.map((anchor) => anchor[0]));

/** "my husband's name, David Jones", "her name Mia Chen": a possessive and "name" lead to the name. */
function possessiveName(words: readonly string[], i: number): boolean {
  const before = words[i - 1];
  return words[i] === 'name' && before !== undefined && (/'s$/.test(before) || ['my', 'his', 'her', 'their', 'our'].includes(before));
}

/** Reads the name words of one chunk. */
function readChunk(input: readonly string[], label: Chunk['label'], hints: ReadonlyMap<string, string>): SegmentName | undefined {
  const alternative = readAlternatives(input, label, hints);
  if (alternative !== undefined) return alternative;
  const starts: number[] = [];
  for (let i = 1; i < input.length; i++) {
    if (ANCHOR_STARTS.has(input[i]))
      for (const anchor of ANCHORS) if (anchor.every((a, k) => input[i + k] === a)) starts.push(i + anchor.length);
    if (possessiveName(input, i)) starts.push(i + 1);
  }
  for (const start of starts.reverse()) {
    const reading = readWords(input.slice(start), label, hints);
    if (reading !== undefined && reading.issue === undefined) return reading;
  }
  return readWords(input, label, hints);
}

/**
 * "Sarah Jones, or you can put it under my husband's name, David Jones": a
 * name, "or", and words that give another name are two names offered; the
 * same name again ("Jane Smith, or just Jane") is one.
 */
function readAlternatives(input: readonly string[], label: Chunk['label'], hints: ReadonlyMap<string, string>): SegmentName | undefined {
  const or = input.indexOf('or');
  if (or <= 0 || or >= input.length - 1) return undefined;
  const before = readChunk(input.slice(0, or), label, hints);
  const rest = input.slice(or + 1);
  let after = readChunk(rest, label, hints);
  // "… or put it under the manager, Dev Shah": a role, then the name it ends with.
  if ((after === undefined || after.issue !== undefined) && rest.length > 2) after = readChunk(rest.slice(-2), label, hints);
  if (before === undefined || after === undefined || before.issue !== undefined || after.issue !== undefined) return undefined;
  const wordsOf = (r: SegmentName): string[] =>
    Object.values(r.parts)
      .flatMap((p) => (p ?? '').toLowerCase().split(' '))
      .filter((w) => w.length > 0);
  const a = wordsOf(before);
  const b = wordsOf(after);
  if (b.every((w) => a.includes(w))) return before;
  if (a.every((w) => b.includes(w))) return after;
  return { parts: {}, words: 0, labelled: false, issue: 'alternatives' };
}

function readWords(input: readonly string[], label: Chunk['label'], hints: ReadonlyMap<string, string>): SegmentName | undefined {
  let words = [...input];
  let titled = false;
  // Lead-ins and titles, then anything after "calling"/"from", then sign-offs.
  for (;;) {
    if (words.length > 0 && TITLES.has(words[0])) {
      titled = true;
      words.shift();
    } else if (words.length > 0 && LEAD_WORDS.has(words[0]) && readSpelledRun(words, 0) === undefined) {
      words.shift();
    } else break;
  }
  const spelled = spelledPositions(words);
  const cut = words.findIndex((_, i) => i > 0 && !spelled.has(i) && endsName(words, i));
  if (cut > 0) {
    words = words.slice(0, cut);
    // "Jack Smith's my name"
    words[words.length - 1] = words[words.length - 1].replace(/'s$/, '');
  }
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1])) words.pop();
  let strippedSentence = false;
  while (words.length > 0 && !isSpelledTail(words)) {
    const last = words[words.length - 1];
    if (!TRAIL_WORDS.has(last) && !NOT_NAME_WORDS.has(last)) break;
    strippedSentence ||= NOT_NAME_WORDS.has(last) && !TRAIL_WORDS.has(last);
    words.pop();
  }
  if (words.length === 0) return strippedSentence ? { parts: {}, words: 0, labelled: false, issue: 'non-answer' } : undefined;

  const items = readItems(words, label === 'last');
  if (items === 'alternatives') return { parts: {}, words: 0, labelled: false, issue: 'alternatives' };
  if (items === 'non-answer') return { parts: {}, words: 0, labelled: false, issue: 'non-answer' };
  const names = tidy(items, label !== undefined || items.length >= 3);
  if (names.length === 0) return undefined;
  if (names.some((n) => n.uncertain === true)) return { parts: {}, words: 0, labelled: false, issue: 'unspelled' };

  const format = (item: Item, inSurname: boolean): string =>
    nameCase(item.text, item.spelled ? undefined : hints.get(item.text), inSurname);
  if (label !== undefined) {
    const text = names.map((n, i) => format(n, label === 'last' && i < names.length - 1)).join(' ');
    return { parts: { first: text }, words: names.length, labelled: true };
  }
  if (saidTwice(names)) names.splice(names.length / 2);
  // "O'Reilly, Patrick O'Reilly": a surname said first, then the full name.
  if (names.length >= 3 && names.slice(1).some((n) => n.text.toLowerCase() === names[0].text.toLowerCase())) names.shift();
  if (names.filter((n) => !isParticle(n.text)).length > 4) return { parts: {}, words: 0, labelled: false, issue: 'too-long' };
  if (isTwoNames(names)) return { parts: {}, words: 0, labelled: false, issue: 'alternatives' };
  if (names.length === 1) {
    const only = format(names[0], false);
    return { parts: titled ? { last: only } : { first: only }, words: 1, labelled: false };
  }
  // The surname is the last word and the particles before it: "van der Berg", "De Luca".
  let surnameStart = names.length - 1;
  while (surnameStart > 1 && isParticle(names[surnameStart - 1].text)) surnameStart--;
  const first = format(names[0], false);
  const last = names
    .slice(surnameStart)
    .map((n, i, all) => format(n, i < all.length - 1))
    .join(' ');
  const middle = names
    .slice(1, surnameStart)
    .map((n) => format(n, false))
    .join(' ');
  return { parts: middle.length > 0 ? { first, middle, last } : { first, last }, words: names.length, labelled: false };
}

/** Words the recogniser wrote with capitals inside (MacDonald, DeLuca): kept as written. */
function casingHints(text: string): Map<string, string> {
  const hints = new Map<string, string>();
  for (const raw of text.split(/[\s,.;:!?"()]+/)) {
    // Both forms start with a capital and have at least three characters.
    if (raw.length < 3 || raw[0] < 'A' || raw[0] > 'Z') continue;
    if (/^[A-Z][a-z]+[A-Z][a-zA-Z]*$/.test(raw) || /^[A-Z]'[A-Z][a-z]+$/.test(raw)) hints.set(raw.toLowerCase(), raw);
  }
  return hints;
}
