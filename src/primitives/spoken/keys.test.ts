import { keysOf, wordTable } from './keys';

describe('word tables', () => {
  const table = wordTable({ one: 1, two: 2 });
  const has = keysOf(table);

  test.each(['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf'])(
    'know nothing of the inherited %s',
    (name) => {
      expect(has(name)).toBe(false);
      expect(name in table).toBe(false);
      expect(table[name]).toBeUndefined();
    },
  );

  test('know their own keys', () => {
    expect(has('one')).toBe(true);
    expect(table['two']).toBe(2);
    expect(Object.keys(table)).toEqual(['one', 'two']);
  });
});
