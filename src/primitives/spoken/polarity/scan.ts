import { normaliseUtterance, tokens } from '../normalise';
import type { AnswerScan, Cue, CueKind } from './cues';
import { ECHOES } from './echoes';
import { LEXICON } from './lexicon';

/**
 * Scans an answer into cues: the longest phrase of the lexicon at each word,
 * then the few rewrites that depend on neighbours ("not" before a yes, a
 * negated change, an echo followed by content).
 */

interface LexiconEntry {
  words: string[];
  kind: CueKind;
  aux?: string;
  subject?: boolean;
}

/** Longest phrases first, so that "no worries" is read before "no" and "i don't know" before "i don't". */
const ENTRIES: readonly LexiconEntry[] = [...LEXICON.map(([phrase, kind]) => ({ words: phrase.split(' '), kind })), ...ECHOES].sort(
  (a, b) => b.words.length - a.words.length,
);

const FIRST_WORDS = new Map<string, LexiconEntry[]>();
for (const entry of ENTRIES) {
  const list = FIRST_WORDS.get(entry.words[0]) ?? [];
  list.push(entry);
  FIRST_WORDS.set(entry.words[0], list);
}

/** Normalised words of an answer; hyphens split words ("yeah-nah", "uh-huh", "mm-hmm"). */
export function answerWords(text: string): string[] {
  // Each rewrite only when its character is there (most answers have no hyphen, and few words a quote at an end).
  let normalised = normaliseUtterance(text);
  if (normalised.includes('-')) normalised = normalised.replace(/-/g, ' ');
  if (/\s\s|[^\S ]/.test(normalised)) normalised = normalised.replace(/\s+/g, ' ');
  const words = tokens(normalised.trim());
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.startsWith("'") || w.endsWith("'")) words[i] = w.replace(/^'+|'+$/g, '');
  }
  return words;
}

/** Scans an answer into cues; words no phrase covers become "other" cues, one per word. */
export function scanAnswer(text: string): AnswerScan {
  const words = answerWords(text).filter((w) => w.length > 0);
  const cues: Cue[] = [];
  let i = 0;
  while (i < words.length) {
    const entry = match(words, i);
    if (entry === undefined) {
      cues.push({ kind: 'other', start: i, end: i + 1, text: words[i] });
      i++;
      continue;
    }
    const end = i + entry.words.length;
    cues.push({ kind: entry.kind, start: i, end, text: entry.words.join(' '), aux: entry.aux, subject: entry.subject });
    i = end;
  }
  // "that's what I want": a relative "what" is content, not a request to hear the question again.
  for (let k = 1; k < cues.length; k++) {
    if (cues[k].text === 'what' && RELATIVE_BEFORE.has(words[cues[k].start - 1])) cues[k] = { ...cues[k], kind: 'other' };
  }
  // A negated change is no change: "we've not moved", "it didn't change", "not changed".
  for (let k = cues.length - 2; k >= 0; k--) {
    const next = cues[k + 1];
    if ((cues[k].kind === 'echo-no' || cues[k].text === 'not' || cues[k].text === 'never') && next.kind === 'changed') {
      cues.splice(k, 2, { kind: 'unchanged', start: cues[k].start, end: next.end, text: `${cues[k].text} ${next.text}` });
    }
  }
  // "not" before a yes negates it: "not happy with that", "not good", "not ok".
  for (let k = cues.length - 2; k >= 0; k--) {
    const next = cues[k + 1];
    if (cues[k].text === 'not' && NEGATABLE.has(next.kind)) {
      cues.splice(k, 2, { kind: 'deny', start: cues[k].start, end: next.end, text: `not ${next.text}` });
    }
  }
  // An affirmative echo answers only when nothing but other cues follow: "I have" is a yes,
  // "I have a question" is not. A negated one may carry content: "haven't seen it".
  for (let k = 0; k < cues.length; k++) {
    const cue = cues[k];
    const next = cues[k + 1];
    const contentFollows = next !== undefined && next.kind === 'other';
    if (cue.kind === 'echo-yes' && contentFollows) cues[k] = { ...cue, kind: 'neutral' };
    if (cue.kind === 'echo-no') cues[k] = { ...cue, followed: contentFollows };
  }
  return { words, cues };
}

const RELATIVE_BEFORE = new Set(["that's", 'is', 'exactly', 'just', "it's", 'was', 'thats']);

const NEGATABLE = new Set<CueKind>(['yes', 'truth', 'proceed', 'settled', 'self-ok']);

function match(words: readonly string[], i: number): LexiconEntry | undefined {
  for (const entry of FIRST_WORDS.get(words[i]) ?? []) {
    if (i + entry.words.length > words.length) continue;
    let ok = true;
    for (let k = 1; k < entry.words.length; k++) {
      if (words[i + k] !== entry.words[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return entry;
  }
  return undefined;
}
