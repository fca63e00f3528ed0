/**
 * Recogniser-style confusions, to turn a corpus utterance into an n-best list for the cost
 * bench: each lower hypothesis swaps words the way recognisers confuse them. Data only, apart
 * from the small function that applies it.
 */
const CONFUSIONS: ReadonlyArray<readonly [string, string]> = [
  ['fifteen', 'fifty'],
  ['four', 'for'],
  ['two', 'to'],
  ['eight', 'a'],
  ['at', 'and'],
  ['m', 'n'],
  ['b', 'd'],
  ['p', 't'],
  ['f', 's'],
  ['thirteen', 'thirty'],
  ['street', 'st'],
  ['one', 'won'],
];

/** The n-best list for an utterance: itself first, then `size - 1` confused variants, with falling confidences. */
export function nBestOf(utterance: string, size = 5): Array<{ transcript: string; confidence: number }> {
  const words = utterance.split(' ');
  const list = [{ transcript: utterance, confidence: 0.8 }];
  for (let k = 1; k < size; k++) {
    // Variant k applies the k-th confusion that fits (both directions), else drops the k-th last word.
    const fitting = CONFUSIONS.filter(([a, b]) => words.includes(a) || words.includes(b));
    const swap = fitting[(k - 1) % Math.max(1, fitting.length)];
    const variant =
      swap !== undefined && fitting.length >= k
        ? words.map((w) => (w === swap[0] ? swap[1] : w === swap[1] ? swap[0] : w)).join(' ')
        : words.slice(0, Math.max(1, words.length - k)).join(' ');
    list.push({ transcript: variant, confidence: 0.8 - 0.08 * k });
  }
  return list;
}
