/**
 * How much of one utterance a primitive reads. A caller answering one question says a few dozen
 * words; the bound leaves ample room for that (a spelled email is ~60 words) while capping the
 * work a hostile or runaway transcription can cause: every reader sees at most this much, so the
 * cost of a turn no longer grows with the length of its input. Longer input is read up to the
 * bound and the rest ignored, as if the recogniser had cut it off.
 */
export const MAX_UTTERANCE_CHARACTERS = 2000;
export const MAX_UTTERANCE_WORDS = 200;

const WORD = /\S+/g;

/** Half of a surrogate pair without its other half: not a character, and fatal to encodeURI and friends. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * The part of an utterance that is read: its first MAX_UTTERANCE_WORDS words within
 * MAX_UTTERANCE_CHARACTERS characters, with any lone surrogate replaced by U+FFFD.
 */
export function boundedUtterance(text: string): string {
  const whole = text.length > MAX_UTTERANCE_CHARACTERS ? text.slice(0, MAX_UTTERANCE_CHARACTERS) : text;
  const cut = whole.replace(LONE_SURROGATE, '\ufffd');
  // Few utterances come near the word bound: count only when there could be too many words.
  if (cut.length < MAX_UTTERANCE_WORDS * 2) return cut;
  WORD.lastIndex = 0;
  let count = 0;
  for (let match = WORD.exec(cut); match !== null; match = WORD.exec(cut)) {
    if (++count === MAX_UTTERANCE_WORDS) return cut.slice(0, match.index + match[0].length);
  }
  return cut;
}
