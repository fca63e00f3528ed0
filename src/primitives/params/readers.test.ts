import { InvalidParamsError } from '../types';
import { declareParams } from './declaration';
import { readParams } from './read-params';
import { canonicalZone } from './readers';

const PARAMS = declareParams({
  flag: { type: 'boolean', default: true, description: 'a flag' },
  size: { type: 'number', integer: true, min: 1, max: 30, description: 'a size' },
  ratio: { type: 'number', min: 0, max: 1, default: 1, description: 'a ratio' },
  mode: { type: 'enum', values: ['fast', 'slow'], default: 'fast', description: 'a mode' },
  at: { type: 'iso-time', description: 'an instant' },
  zone: { type: 'iana-zone', default: 'Australia/Sydney', description: 'a zone' },
  word: { type: 'text', check: (v) => /^[a-z]+$/.test(v), expected: 'lowercase letters', description: 'a word' },
});

function read(params: Record<string, string>) {
  return readParams(PARAMS, params, { objectiveType: 'capture_test' });
}

function refusal(params: Record<string, string>): InvalidParamsError {
  try {
    read(params);
  } catch (error) {
    if (error instanceof InvalidParamsError) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(params)}`);
}

describe('declared params, read by one set of readers', () => {
  test('absent and blank params take their defaults', () => {
    const absent = { flag: true, size: undefined, ratio: 1, mode: 'fast', at: undefined, zone: 'Australia/Sydney', word: undefined };
    expect(read({})).toEqual(absent);
    expect(read({ flag: ' ', size: '', ratio: '', mode: '', at: ' ', zone: '', word: '  ' })).toEqual(absent);
  });

  test('values are read in their type, case-insensitively where a word is meant', () => {
    expect(
      read({
        flag: 'FALSE',
        size: '12',
        ratio: '0.85',
        mode: 'Slow',
        at: '2026-11-26T09:30:00+11:00',
        zone: 'australia/perth',
        word: 'abc',
      }),
    ).toEqual({
      flag: false,
      size: 12,
      ratio: 0.85,
      mode: 'slow',
      at: Date.parse('2026-11-25T22:30:00Z'),
      zone: 'Australia/Perth',
      word: 'abc',
    });
  });

  test.each(['.5', '0.50', '+0.5', '5e-1', ' 0.5 '])('decimal forms of a number are read: %j', (ratio) => {
    expect(read({ ratio }).ratio).toBe(0.5);
  });

  test.each(['0x1', '0b1', '0o1', 'Infinity', 'NaN', '1/2', '0,5', '2', '-0.1', '1 1'])(
    'ratio %j is refused, naming the field',
    (ratio) => {
      expect(refusal({ ratio })).toMatchObject({
        field: 'params.ratio',
        message: `params.ratio must be a number from 0 to 1, got "${ratio}"`,
      });
    },
  );

  test.each(['0', '31', '2.5', '0x10'])('a whole number outside its range is refused: %j', (size) => {
    expect(refusal({ size }).message).toBe(`params.size must be a whole number from 1 to 30, got "${size}"`);
  });

  test('each reader names its field and what it expects', () => {
    expect(refusal({ flag: 'yes' }).message).toBe('params.flag must be "true" or "false", got "yes"');
    expect(refusal({ mode: 'medium' }).message).toBe('params.mode must be one of fast, slow, got "medium"');
    expect(refusal({ at: '2026-02-30T09:00:00+11:00' }).message).toMatch(/^params\.at must be an ISO 8601 date and time with a UTC offset/);
    expect(refusal({ zone: '+10:00' }).message).toBe('params.zone must be an IANA time zone such as Australia/Sydney, got "+10:00"');
    expect(refusal({ word: 'ABC' }).message).toBe('params.word must be lowercase letters, got "ABC"');
  });

  test("a private param's refused value is not quoted", () => {
    const secret = declareParams({
      keys: { type: 'text', check: (v) => /^\d+$/.test(v), expected: 'digits', private: true, description: 'keys' },
    });
    let message = '';
    try {
      readParams(secret, { keys: '0412x' }, { objectiveType: 'capture_test' });
    } catch (error) {
      message = (error as InvalidParamsError).message;
    }
    expect(message).toBe("params.keys must be digits, got 5 characters (not quoted: they are the caller's)");
  });

  test('a long refused value is cut in the message', () => {
    const word = 'X'.repeat(500);
    expect(refusal({ word }).message.length).toBeLessThan(150);
  });

  test('an unknown param is refused, listing what is accepted', () => {
    expect(refusal({ colour: 'red' }).message).toBe(
      'params.colour is not a parameter of capture_test; it accepts flag, size, ratio, mode, at, zone, word',
    );
  });

  test('inherited property names are not params', () => {
    expect(refusal({ constructor: 'x' }).field).toBe('params.constructor');
    expect(read(Object.create({ flag: 'false' }) as Record<string, string>).flag).toBe(true);
  });

  test('zone names are checked and canonicalised; offsets and unknown names are not zones', () => {
    expect(canonicalZone('australia/perth')).toBe('Australia/Perth');
    expect(canonicalZone('Mars/Olympus')).toBeUndefined();
    expect(canonicalZone('+10:00')).toBeUndefined();
    expect(canonicalZone('')).toBeUndefined();
  });
});
