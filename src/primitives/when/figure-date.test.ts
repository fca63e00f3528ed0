import { threeFigureDate } from './figure-date';

describe('threeFigureDate: three figures in a row as day, month, year', () => {
  test.each([
    ['14 3 87', '14/3/87'],
    ['its 1 2 1987', '1/2/1987'],
    ['i was born 30 11 04 thanks', '30/11/04'],
  ])('%j → %s', (text, slashed) => {
    expect(threeFigureDate(text)).toBe(slashed);
  });

  test.each([
    ['32 3 87', 'no 32nd day'],
    ['14 13 87', 'no 13th month'],
    ['1 2 3', 'a year of one figure'],
    ['14 3', 'two figures'],
    ['14 3 87 2', 'four figures'],
    ['14 3:19 87', 'a time among them'],
    ['14/3/87', 'already written as a date'],
    ['14 3 187', 'a year of three figures'],
  ])('%j is not one (%s)', (text) => {
    expect(threeFigureDate(text)).toBeUndefined();
  });
});
