import { isKeypadInput, MAX_KEYS, readKeys } from './convention';

describe('the keypad convention', () => {
  test.each([
    ['0412345678', '0412345678'],
    ['0412345678#', '0412345678'],
    ['1234#999', '1234'],
    ['#123', ''],
    ['12*3', '13'],
    ['1**23', '23'],
    ['*1', '1'],
    ['0412345679*8#', '0412345678'],
    ['', ''],
  ])('%j keys %j', (raw, keyed) => {
    expect(readKeys(raw)).toBe(keyed);
  });

  test('where * is the decimal point, it is kept as "." and deletes nothing', () => {
    expect(readKeys('12*5#', 'decimal')).toBe('12.5');
    expect(readKeys('*5', 'decimal')).toBe('.5');
    expect(readKeys('1*2*3#4', 'decimal')).toBe('1.2.3');
  });

  test.each(['123', '*#', '0'.repeat(MAX_KEYS)])('%j is keypad input', (raw) => {
    expect(isKeypadInput(raw)).toBe(true);
  });

  test.each(['', '12a', '1 2', '+61', '0'.repeat(MAX_KEYS + 1), 'ABCD', '１２'])('%j is not keypad input', (raw) => {
    expect(isKeypadInput(raw)).toBe(false);
  });
});
