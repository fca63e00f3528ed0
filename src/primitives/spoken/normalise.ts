/**
 * Text clean-up shared by every primitive: ASR output arrives in mixed case,
 * with punctuation that the recogniser guessed, curly quotes and fillers.
 */

const FILLERS = new Set(['um', 'umm', 'uh', 'uhh', 'er', 'erm', 'ah', 'ahh', 'hmm', 'mm', 'eh']);

/**
 * Lowercases, straightens quotes and turns punctuation other than the
 * characters that can be part of a value (@ . _ - + / : ') into spaces.
 * A trailing full stop on a word is dropped: recognisers end sentences with one.
 */
export function normaliseUtterance(text: string): string {
  const lower = text.toLowerCase();
  // Most utterances have nothing to replace: then lowercasing and trimming is all (the replacements are identities).
  if (!NEEDS_CLEANING.test(lower)) return lower.trim();
  return lower
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u201c\u201d"]/g, ' ')
    .replace(/[,;!?()[\]{}<>|\\*#~^=]/g, ' ')
    .replace(/\.(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Something the replacements in normaliseUtterance would change: a quote, punctuation, a full stop ending a word, or white space other than single spaces. */
const NEEDS_CLEANING = /[\u2018\u2019\u02bc`\u201c\u201d",;!?()[\]{}<>|\\*#~^=]|\.(?=\s|$)|\s\s|[^\S ]/;

export function tokens(text: string): string[] {
  return text.length === 0 ? [] : text.split(' ');
}

export function isFiller(token: string): boolean {
  return FILLERS.has(token);
}

export function withoutFillers(words: readonly string[]): string[] {
  return words.filter((w) => !FILLERS.has(w));
}

/**
 * Phrases with which callers take back what they just said. The text after
 * the last one is what they mean ("jane at gmail, no sorry, jayne ...").
 */
const SELF_CORRECTION = new RegExp(
  '\\b(?:' +
    [
      'no sorry',
      'no no',
      'sorry no',
      'sorry i mean',
      'sorry i meant',
      'no wait',
      'wait no',
      'no i mean',
      'no i meant',
      'i mean',
      'i meant',
      'or rather',
      'scratch that',
      'let me start again',
      'let me try again',
      'start again',
      'actually no',
      'no actually',
      'actually',
      'oops',
      'correction',
      'sorry',
    ].join('|') +
    ')\\b',
  'g',
);

const MAY_CORRECT = /sorry|no|mean|rather|scratch|again|actually|oops|correction/;

/**
 * Splits an utterance at self-corrections; the first segment is what was said
 * before any correction. Empty segments are kept out.
 */
export function splitSelfCorrections(normalised: string): string[] {
  // Every phrase above has one of these words: without them there is nothing to split.
  if (!MAY_CORRECT.test(normalised)) {
    const whole = normalised.trim();
    return whole.length > 0 ? [whole] : [];
  }
  return normalised
    .split(SELF_CORRECTION)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
