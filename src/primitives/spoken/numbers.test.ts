import { normaliseUtterance, tokens } from './normalise';
import { divideExact, decimalOf, findNumbers, formatDecimal, joinThousands, numberTokens, parseFigure } from './numbers';

/** The numbers in an utterance, as canonical strings. */
function numbersIn(text: string): string[] {
  return findNumbers(numberTokens(tokens(normaliseUtterance(joinThousands(text))))).map((m) => formatDecimal(m.value));
}

describe('findNumbers', () => {
  test.each([
    // cardinals in words
    ['forty two', ['42']],
    ['two hundred and fifty', ['250']],
    ['two hundred fifty', ['250']],
    ['one thousand five hundred', ['1500']],
    ['one thousand and five', ['1005']],
    ['fifteen hundred', ['1500']],
    ['twenty five hundred', ['2500']],
    ['five hundred fifty thousand', ['550000']],
    ['one million two hundred thousand', ['1200000']],
    ['a hundred', ['100']],
    ['a thousand', ['1000']],
    // figures
    ['1,500', ['1500']],
    ['1,500,000', ['1500000']],
    ['2.5', ['2.5']],
    ['5 thousand', ['5000']],
    ['2 hundred and 50', ['250']],
    // decimals, fractions, negatives
    ['three point one four', ['3.14']],
    ['one point oh five', ['1.05']],
    ['point five', ['0.5']],
    ['nought point five', ['0.5']],
    ['two and a half', ['2.5']],
    ['one and three quarters', ['1.75']],
    ['three quarters', ['0.75']],
    ['a quarter', ['0.25']],
    ['half', ['0.5']],
    ['minus two', ['-2']],
    ['negative 3.5', ['-3.5']],
    ['-4', ['-4']],
    ['1/2', ['0.5']],
    // scales and colloquial amounts
    ['a grand', ['1000']],
    ['five grand', ['5000']],
    ['fifty k', ['50000']],
    ['50k', ['50000']],
    ['1.5 million', ['1500000']],
    ['1.5m', ['1500000']],
    ['two and a half million', ['2500000']],
    ['a million and a half', ['1500000']],
    ['half a million', ['500000']],
    ['a dozen', ['12']],
    ['two dozen', ['24']],
    ['half a dozen', ['6']],
    ['a dozen and a half', ['18']],
    // numbers said in groups
    ['one two three', ['123']],
    ['one oh five', ['105']],
    ['nineteen ninety nine', ['1999']],
    ['nineteen oh five', ['1905']],
    ['two fifty', ['250']],
    ['1 2 3', ['123']],
    // ordinals
    ['the third', ['3']],
    ['twenty first', ['21']],
    ['3rd', ['3']],
    // separate numbers stay separate
    ['twenty twenty five', ['20', '25']],
    ['five or six', ['5', '6']],
    ['between 10 and 20', ['10', '20']],
    ['10-20', ['10', '20']],
    ['two hundred three hundred', ['200', '300']],
    // not numbers
    ['a second', []],
    ['for to won', []],
    ['oh', []],
  ])('%j → %j', (text, expected) => {
    expect(numbersIn(text)).toEqual(expected);
  });

  test('a fraction with no exact decimal is marked', () => {
    const [third] = findNumbers(['a', 'third']);
    expect(third.inexact).toBe(true);
  });

  test('a mention covers the words it was read from', () => {
    expect(findNumbers(['it', 'is', 'two', 'hundred', 'and', 'fifty', 'dollars'])).toMatchObject([{ start: 2, end: 6 }]);
  });
});

describe('exact decimals', () => {
  test.each([
    ['42', '42'],
    ['2.50', '2.5'],
    ['0.0', '0'],
    ['-0', '0'],
    ['.5', '0.5'],
    ['-3.25', '-3.25'],
    ['007', '7'],
  ])('%s is written %s', (figure, canonical) => {
    const parsed = parseFigure(figure);
    expect(parsed && formatDecimal(parsed)).toBe(canonical);
  });

  test('division is exact when the decimal ends, and undefined when it does not', () => {
    expect(formatDecimal(divideExact(decimalOf(3), 8n)!)).toBe('0.375');
    expect(divideExact(decimalOf(1), 3n)).toBeUndefined();
  });
});

describe('numberTokens', () => {
  test.each([
    [['$20'], ['20', 'dollars']],
    [['20%'], ['20', 'percent']],
    [['50k'], ['50', 'thousand']],
    [['$1.5m'], ['1.5', 'million', 'dollars']],
    [['twenty-five'], ['twenty', 'five']],
    [['10-20'], ['10', 'to', '20']],
    [['20ish'], ['20', 'ish']],
  ])('%j → %j', (words, expected) => {
    expect(numberTokens(words)).toEqual(expected);
  });
});
