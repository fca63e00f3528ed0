import { play } from '../../../tests/support/play';
import { readOptions, readTurnInput } from '../objective/state-machine';
import { InvalidParamsError } from '../types';
import { captureAlphanumeric, maskCode } from '.';
import { spellCode } from './prompts';
import { hearCode, repairCode } from './read';

describe('hearing a spelled code', () => {
  test.each([
    ['AB12CD', 'AB12CD'],
    ['a b one two c d', 'AB12CD'],
    ['alpha bravo one two charlie delta', 'AB12CD'],
    ['a for apple b for bravo 4 5 6', 'AB456'],
    // The anchor word decides: recognisers mishear B, D, E, P, but not "dog".
    ['bee for dog 7 7', 'D77'],
    ['it\u2019s double seven x-ray nine', '77X9'],
    ['double u x y twelve', 'WXY12'],
    ['triple a 5 5', 'AAA55'],
    ['forty two K', '42K'],
    ['F-G-H-1-2-3', 'FGH123'],
    ['AB12 sorry AB13', 'AB13'],
    ['the letters are A B and then one two three', 'AB123'],
  ])('%j is %s', (utterance, code) => {
    const heard = hearCode(utterance);
    expect(heard.kind === 'code' ? heard.candidates[0] : heard).toBe(code);
  });

  test('"oh" is 0 among digits and O among letters; the other reading stays a candidate', () => {
    expect(hearCode('oh four nine two')).toEqual({ kind: 'code', candidates: ['0492', 'O492', '492'] });
    expect(hearCode('K oh R 1 2')).toMatchObject({ kind: 'code', candidates: ['KOR12', 'K0R12'] });
  });

  test('everyday words are not characters unless they sit among characters', () => {
    expect(hearCode('are you there')).toEqual({ kind: 'none' });
    expect(hearCode('see four seven two')).toMatchObject({ candidates: ['C472', '472'] });
  });

  test('a repeat word before "hundred" or "thousand" reads without looping (found by the fuzzer: stack overflow)', () => {
    expect(() => hearCode('triple thousand')).not.toThrow();
    expect(() => hearCode('double hundred five')).not.toThrow();
  });

  test('two different codes without a correction are a conflict', () => {
    expect(hearCode('A B 1 2 or maybe A B 1 3')).toEqual({ kind: 'conflict', codes: ['AB12', 'AB13'] });
  });

  test.each(['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'])('%s is not a character', (word) => {
    expect(hearCode(`A B ${word} 1 2`)).toEqual({ kind: 'conflict', codes: ['AB', '12'] });
  });
});

describe('capture_alphanumeric on the state machine', () => {
  test('always read back, spelled with NATO words; a yes completes it', () => {
    const { prompts } = play(captureAlphanumeric, [
      [{ transcription: 'a b one two c d', confidence: 1 }, 'confirming', 'AB12CD'],
      [{ confirmation: 'yep' }, 'completed', 'AB12CD'],
    ]);
    expect(prompts[0]).toBe("I've got A for alpha, B for bravo, 1, 2, C for charlie, D for delta. Is that right?");
  });

  test('with a length, a code given in parts is kept and completed', () => {
    const { prompts } = play(
      captureAlphanumeric,
      [
        [{ transcription: 'Q F 1 2' }, 'eliciting', ''],
        [{ transcription: 'three four' }, 'confirming', 'QF1234'],
      ],
      { params: { length: '6' } },
    );
    expect(prompts[0]).toBe('Thanks, Q for quebec, F for foxtrot, 1, 2. And the rest?');
  });

  test('the session, partial included, goes through JSON (as a stored session does) with the same outcome', () => {
    const steps = [
      [{ transcription: 'Q F 1 2' }, 'eliciting', ''],
      [{ transcription: 'three four' }, 'confirming', 'QF1234'],
      [{ confirmation: 'yes' }, 'completed', 'QF1234'],
    ] as const;
    const inMemory = play(captureAlphanumeric, steps, { params: { length: '6' } });
    expect(play(captureAlphanumeric, steps, { params: { length: '6' }, viaJson: true }).outcomes).toEqual(inMemory.outcomes);
  });

  test('the pattern chooses between readings of "oh"; a code that cannot match is refused with a prompt', () => {
    play(captureAlphanumeric, [[{ transcription: 'oh oh seven one two three' }, 'confirming', 'OO7123']], {
      params: { pattern: '[A-Z]{2}[0-9]{4}' },
    });
    const { prompts } = play(captureAlphanumeric, [[{ transcription: 'one two three four' }, 'eliciting', '', 'NO_VALUE']], {
      params: { pattern: '[A-Z]{2}[0-9]{4}' },
    });
    expect(prompts[0]).toMatch(/doesn't look like the reference/);
  });

  test('a wrong length is refused, saying how many characters were heard', () => {
    const { prompts } = play(captureAlphanumeric, [[{ transcription: 'A B 1 2 3 4 5' }, 'eliciting', '', 'NO_VALUE']], {
      params: { length: '6' },
    });
    expect(prompts[0]).toMatch(/I got 7 characters, but it should have 6/);
  });

  test('a no, then the code again, is read back again', () => {
    play(captureAlphanumeric, [
      [{ transcription: 'A B 1 2 C D' }, 'confirming', 'AB12CD'],
      [{ confirmation: 'no, A B 1 2 C E' }, 'confirming', 'AB12CE'],
      [{ confirmation: 'yes' }, 'completed', 'AB12CE'],
    ]);
  });

  test.each([
    ['no, not B, D', 'AD12CD'],
    ['not bravo, delta', 'AD12CD'],
    ['no, it should be delta instead of bravo', 'AD12CD'],
    ['not 1 2, 3 4', 'AB34CD'],
  ])('a correction of part of the code read back: %j', (confirmation, corrected) => {
    play(captureAlphanumeric, [
      [{ transcription: 'A B 1 2 C D' }, 'confirming', 'AB12CD'],
      [{ confirmation }, 'confirming', corrected],
      [{ confirmation: 'yes' }, 'completed', corrected],
    ]);
  });

  test('a correction of a part that occurs twice is not guessed', () => {
    expect(repairCode('AB12CD1', 'not 1, 7')).toBeUndefined();
    expect(repairCode('AB12CD', 'not X, Y')).toBeUndefined();
  });

  test('a conflict is asked about; nothing is guessed', () => {
    const { prompts } = play(captureAlphanumeric, [[{ transcription: 'A B 1 2 or maybe A B 1 3' }, 'eliciting', '', 'AMBIGUOUS']]);
    expect(prompts[0]).toMatch(/Which one is it\?/);
  });

  test('the masked value keeps the last two characters only', () => {
    expect(maskCode('AB12CD')).toBe('****CD');
    expect(maskCode('AB1')).toBe('***');
    play(captureAlphanumeric, [[{ transcription: 'X Y 9 8 7 6', confirmation: 'yes' }, 'completed', 'XY9876']], {
      each: (outcome) => {
        for (const t of outcome.transitions) expect(t.data?.value_masked ?? '').not.toMatch(/XY98/);
      },
    });
  });

  test('spelled read-back', () => {
    expect(spellCode('B7')).toBe('B for bravo, 7');
  });
});

describe('capture_alphanumeric params', () => {
  const options = (params: Record<string, string>) => readOptions(captureAlphanumeric, params, 0);
  const refusal = (params: Record<string, string>): InvalidParamsError => {
    try {
      options(params);
    } catch (error) {
      if (error instanceof InvalidParamsError) return error;
      throw error;
    }
    throw new Error('accepted');
  };

  test('length is a whole number from 1 to 30', () => {
    expect(options({ length: '8' }).length).toBe(8);
    expect(refusal({ length: '6.5' })).toMatchObject({
      field: 'params.length',
      message: 'params.length must be a whole number from 1 to 30, got "6.5"',
    });
    expect(refusal({ length: '0x6' }).field).toBe('params.length');
    expect(refusal({ length: '31' }).field).toBe('params.length');
  });

  test('pattern must be a valid RE2 expression of at most 200 characters', () => {
    expect(options({ pattern: '[A-Z]{2}[0-9]{4}' }).pattern?.matches('AB1234')).toBe(true);
    expect(refusal({ pattern: '([A-Z' })).toMatchObject({ field: 'params.pattern' });
    expect(refusal({ pattern: '(?=A)B' }).message).toMatch(/^params\.pattern must be a regular expression \(RE2 syntax\)/);
    expect(refusal({ pattern: 'A'.repeat(201) }).field).toBe('params.pattern');
  });

  test('a pattern that backtracks catastrophically in RegExp runs in linear time', () => {
    const { pattern } = options({ pattern: '(A+)+B' });
    expect(pattern?.matches(`${'A'.repeat(28)}C`)).toBe(false);
  });

  test('unknown params are refused', () => {
    expect(() => readTurnInput({ format: 'x' }, Object.keys(captureAlphanumeric.params), 'capture_alphanumeric')).toThrow(
      'params.format is not a parameter of capture_alphanumeric; it accepts transcription, confidence, confirmation, alternatives, prompt_interrupted, readback_token, dtmf, length, pattern',
    );
  });
});
