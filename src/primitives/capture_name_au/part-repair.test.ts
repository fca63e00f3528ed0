import { captureNameAu } from '.';
import { play } from '../../../tests/support/play';
import { repairName } from './repair';

const captured = (first: string, last: string) => ({ value: `${first} ${last}`, fields: { first, last } });
const repair = (first: string, last: string, said: string) => repairName(captured(first, last), said, { requireLastName: true });

describe('name part repairs at confirmation', () => {
  test.each([
    ['John', 'Smith', 'the last name is Smyth', 'John Smyth'],
    ['John', 'Smith', 'no, first name Jon', 'Jon Smith'],
    ['John', 'Smith', 'Smith with a y', 'John Smyth'],
    ['John', 'Smith', 'with a y', 'John Smyth'],
    ['John', 'Smith', "no, the surname's with a y", 'John Smyth'],
    ['John', 'Smith', "first name's without the h", 'Jon Smith'],
    ['John', 'Smith', 'Jon without the h', 'Jon Smith'],
    ['Steven', 'Phillips', 'Stephen with a p h', 'Stephen Phillips'],
    ['Steven', 'Phillips', 'with a p h', 'Stephen Phillips'],
    ['Steven', 'Phillips', 'not v, p h', 'Stephen Phillips'],
    ['Steven', 'Phillips', "no, it's not a v, it's p h", 'Stephen Phillips'],
    ['Steven', 'Phillips', 'p h not v', 'Stephen Phillips'],
    ['Steven', 'Phillips', 'the surname has one l', 'Steven Philips'],
    ['Jane', 'Philips', 'double l', 'Jane Phillips'],
    ['Jane', 'Philips', "with two l's", 'Jane Phillips'],
  ])('%s %s, then %j → %s', (first, last, said, expected) => {
    expect(repair(first, last, said)).toMatchObject({ kind: 'value', value: expected });
  });

  test.each([
    // the hint changes no part: the surname already has two l's, the first name has none
    ['Steven', 'Phillips', 'double l'],
    // it fits both parts (Jon, Smit): which one is not guessed
    ['John', 'Smith', 'without an h'],
    ['John', 'Smith', 'no h'],
    // the named part cannot take it
    ['John', 'Smith', 'the first name is with a y'],
  ])('%s %s, then %j is asked about (spell it)', (first, last, said) => {
    expect(repair(first, last, said)).toMatchObject({ kind: 'ambiguous', spell: true });
  });

  test('through the state machine: read back, a hint (heard with low confidence: read back again), yes', () => {
    play(captureNameAu, [
      [{ transcription: 'Steven Phillips', confidence: 0.6 }, 'confirming', 'Steven Phillips'],
      [{ confirmation: 'not v, p h', confidence: 0.6 }, 'confirming', 'Stephen Phillips'],
      [{ confirmation: 'yes' }, 'completed', 'Stephen Phillips'],
    ]);
  });

  test('a hint that cannot be applied asks for the spelling; the value is not changed', () => {
    play(
      captureNameAu,
      [
        [{ transcription: 'Steven Phillips', confidence: 0.6 }, 'confirming', 'Steven Phillips'],
        [{ confirmation: 'double l' }, 'repairing', '', /spell/],
      ],
      { strictErrors: false },
    );
  });
});

describe('name hints as self-corrections inside an answer', () => {
  test.each([
    ['John Smith, sorry, with a y', 'John Smyth'],
    ['Steven Phillips, sorry, not v, p h', 'Stephen Phillips'],
    ['Jane Philips, sorry, double l', 'Jane Phillips'],
    ["John Smith, actually it's the surname, with a y", 'John Smyth'],
  ])('%j → %s', (said, expected) => {
    play(captureNameAu, [[{ transcription: said, confidence: 0.95 }, 'completed', expected]]);
  });
});
