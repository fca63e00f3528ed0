import { boundedUtterance, MAX_UTTERANCE_CHARACTERS, MAX_UTTERANCE_WORDS } from './bounds';

describe('the part of an utterance that is read', () => {
  test('a usual utterance is read whole', () => {
    expect(boundedUtterance('jane dot smith at gmail dot com')).toBe('jane dot smith at gmail dot com');
  });

  test(`at most ${MAX_UTTERANCE_WORDS} words`, () => {
    const read = boundedUtterance('12 '.repeat(1000));
    expect(read.split(' ')).toHaveLength(MAX_UTTERANCE_WORDS);
    expect(read.endsWith('12')).toBe(true);
  });

  test(`at most ${MAX_UTTERANCE_CHARACTERS} characters`, () => {
    expect(boundedUtterance('x'.repeat(100_000))).toHaveLength(MAX_UTTERANCE_CHARACTERS);
  });

  test('a lone surrogate becomes U+FFFD; a whole pair stays', () => {
    expect(boundedUtterance('a\ud800b \udc00 \ud83d\ude00')).toBe('a\ufffdb \ufffd \ud83d\ude00');
  });
});
