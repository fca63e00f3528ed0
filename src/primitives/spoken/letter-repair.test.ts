import { applyLetterHint, readLetterHint, repairWords, soundsLike, type LetterHint } from './letter-repair';

describe('readLetterHint', () => {
  test.each<[string, LetterHint, string | undefined]>([
    ['with a y', { kind: 'with', letters: 'y' }, undefined],
    ['jane with a y', { kind: 'with', letters: 'y' }, 'jane'],
    ["no it's jayne, with a why", { kind: 'with', letters: 'y' }, 'jayne'],
    ['with a p h', { kind: 'with', letters: 'ph' }, undefined],
    ['with a p.h.', { kind: 'with', letters: 'ph' }, undefined],
    ['stephen with a pee aitch', { kind: 'with', letters: 'ph' }, 'stephen'],
    ['p h not v', { kind: 'swap', from: 'v', to: 'ph' }, undefined],
    ['not v, p h', { kind: 'swap', from: 'v', to: 'ph' }, undefined],
    ['not a v, a p h', { kind: 'swap', from: 'v', to: 'ph' }, undefined],
    ['k instead of c', { kind: 'swap', from: 'c', to: 'k' }, undefined],
    ['with a p h not a v', { kind: 'swap', from: 'v', to: 'ph' }, undefined],
    ["it's double l in allan", { kind: 'double', letter: 'l' }, 'allan'],
    ["two l's", { kind: 'double', letter: 'l' }, undefined],
    ['two ells', { kind: 'double', letter: 'l' }, undefined],
    ['only one l', { kind: 'single', letter: 'l' }, undefined],
    ['with an e on the end', { kind: 'end', letters: 'e' }, undefined],
    ['no e', { kind: 'without', letters: 'e' }, undefined],
    ['sara without an h', { kind: 'without', letters: 'h' }, 'sara'],
    ["it's c for charlie", { kind: 'with', letters: 'c' }, undefined],
    ['k as in kilo', { kind: 'with', letters: 'k' }, undefined],
  ])('%j', (said, hint, named) => {
    const reading = readLetterHint(said);
    expect(reading?.hint).toEqual(hint);
    expect(reading?.named).toBe(named);
  });

  test('a spelling after the hint is kept apart from it', () => {
    expect(readLetterHint('with a y, j a y n e')).toEqual({ hint: { kind: 'with', letters: 'y' }, spelled: 'jayne' });
    expect(readLetterHint('with a p h, s t e p h e n')).toEqual({ hint: { kind: 'with', letters: 'ph' }, spelled: 'stephen' });
  });

  test.each([
    ['yes'],
    ['no'],
    ['no, i said jayne'],
    ['no, a dot between jane and smith'],
    ['a dash not an underscore'],
    ['not gmail, hotmail'],
    ['no, j a n e'],
    ['j for juliet a n e'],
    ['dot net not dot com'],
    ['the first one'],
  ])('%j holds no hint', (said) => {
    expect(readLetterHint(said)).toBeUndefined();
  });
});

describe('applyLetterHint', () => {
  test.each<[string, LetterHint, ReturnType<typeof applyLetterHint>]>([
    ['jane', { kind: 'with', letters: 'y' }, { kind: 'word', word: 'jayne' }],
    ['lin', { kind: 'with', letters: 'y' }, { kind: 'word', word: 'lyn' }],
    ['katie', { kind: 'with', letters: 'y' }, { kind: 'word', word: 'katy' }],
    ['caitlin', { kind: 'with', letters: 'y' }, { kind: 'choice', words: ['caytlin', 'caitlyn'] }],
    ['jayne', { kind: 'with', letters: 'y' }, { kind: 'same' }],
    ['steven', { kind: 'with', letters: 'ph' }, { kind: 'word', word: 'stephen' }],
    ['jane', { kind: 'with', letters: 'ph' }, { kind: 'none' }],
    ['stephen', { kind: 'swap', from: 'ph', to: 'v' }, { kind: 'word', word: 'steven' }],
    ['steven', { kind: 'swap', from: 'f', to: 'ph' }, { kind: 'word', word: 'stephen' }],
    ['jane', { kind: 'swap', from: 'i', to: 'y' }, { kind: 'word', word: 'jayne' }],
    ['lee', { kind: 'double', letter: 'l' }, { kind: 'none' }],
    ['alan', { kind: 'double', letter: 'l' }, { kind: 'word', word: 'allan' }],
    ['allan', { kind: 'double', letter: 'l' }, { kind: 'same' }],
    ['allan', { kind: 'single', letter: 'l' }, { kind: 'word', word: 'alan' }],
    ['ann', { kind: 'end', letters: 'e' }, { kind: 'word', word: 'anne' }],
    ['anne', { kind: 'without', letters: 'e' }, { kind: 'word', word: 'ann' }],
    ['clark', { kind: 'with', letters: 'e' }, { kind: 'word', word: 'clarke' }],
    ['sara', { kind: 'with', letters: 'h' }, { kind: 'word', word: 'sarah' }],
    ['jon', { kind: 'with', letters: 'h' }, { kind: 'word', word: 'john' }],
    ['katherine', { kind: 'with', letters: 'c' }, { kind: 'word', word: 'catherine' }],
    ['eric', { kind: 'with', letters: 'k' }, { kind: 'word', word: 'erik' }],
  ])('%s + %j', (word, hint, expected) => {
    expect(applyLetterHint(word, hint)).toEqual(expected);
  });
});

describe('repairWords: which word of a value a hint is about', () => {
  test('the word named, or the one word the hint fits', () => {
    expect(repairWords(['jane', 'doe'], { hint: { kind: 'with', letters: 'y' }, named: 'jane' })).toEqual({
      kind: 'parts',
      options: [['jayne', 'doe']],
    });
    expect(repairWords(['jane', 'doe'], { hint: { kind: 'with', letters: 'y' } })).toEqual({ kind: 'parts', options: [['jayne', 'doe']] });
    // the word said already bears the hint out: it replaces the word it sounds like
    expect(repairWords(['jane', 'doe'], { hint: { kind: 'with', letters: 'y' }, named: 'jayne' })).toEqual({
      kind: 'parts',
      options: [['jayne', 'doe']],
    });
  });

  test('two words the hint fits are both offered; a word named that is none of them is not applied', () => {
    expect(repairWords(['alan', 'lee'], { hint: { kind: 'double', letter: 'l' } })).toEqual({ kind: 'parts', options: [['allan', 'lee']] });
    expect(repairWords(['alan', 'mel'], { hint: { kind: 'double', letter: 'l' } })).toEqual({
      kind: 'parts',
      options: [
        ['allan', 'mel'],
        ['alan', 'mell'],
      ],
    });
    expect(repairWords(['jane', 'doe'], { hint: { kind: 'with', letters: 'y' }, named: 'bob' })).toEqual({ kind: 'none' });
  });

  test('soundsLike tells a respelling from another word', () => {
    expect(soundsLike('jayne', 'jane')).toBe(true);
    expect(soundsLike('stephen', 'steven')).toBe(true);
    expect(soundsLike('bob', 'jane')).toBe(false);
  });
});
