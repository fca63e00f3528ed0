import { applyLetterHint, readLetterCount, readLetterSwap } from './letter-hints';

const words = (text: string): string[] => text.replace(/,/g, ' § ').split(/\s+/).filter(Boolean);

describe('letter hints', () => {
  test.each([
    ['not v, p h', { from: 'v', to: 'ph' }],
    ["not a v § it's p h", { from: 'v', to: 'ph' }],
    ['p h not v', { from: 'v', to: 'ph' }],
    ['y instead of i', { from: 'i', to: 'y' }],
    ['a y rather than an i', { from: 'i', to: 'y' }],
    ['no not i e, y', { from: 'ie', to: 'y' }],
  ])('swap %j', (said, swap) => {
    expect(readLetterSwap(words(said))).toEqual(swap);
  });

  test.each(['not Smith, Smyth', 'not v', 'p h', 'not v, v'])('%j is no swap', (said) => {
    expect(readLetterSwap(words(said))).toBeUndefined();
  });

  test.each([
    ['double l', { kind: 'double', letters: 'l' }],
    ["two l's", { kind: 'double', letters: 'l' }],
    ['one l', { kind: 'single', letters: 'l' }],
    ['with a single t', { kind: 'single', letters: 't' }],
  ])('count %j', (said, hint) => {
    expect(readLetterCount(words(said))).toEqual(hint);
  });

  test.each([
    ['steven', { kind: 'swap', from: 'v', to: 'ph' }, { kind: 'spelled', text: 'stephen' }],
    ['stephen', { kind: 'swap', from: 'v', to: 'ph' }, { kind: 'spelled', text: 'stephen' }],
    ['smith', { kind: 'swap', from: 'v', to: 'ph' }, { kind: 'uncertain' }],
    ['vivian', { kind: 'swap', from: 'v', to: 'ph' }, { kind: 'uncertain' }],
    ['smith', { kind: 'with', letters: 'y' }, { kind: 'spelled', text: 'smyth' }],
    ['philips', { kind: 'double', letters: 'l' }, { kind: 'spelled', text: 'phillips' }],
    ['phillips', { kind: 'single', letters: 'l' }, { kind: 'spelled', text: 'philips' }],
    ['john', { kind: 'without', letters: 'h' }, { kind: 'spelled', text: 'jon' }],
  ] as const)('%s with %j', (word, hint, applied) => {
    expect(applyLetterHint(word, hint)).toEqual(applied);
  });
});
