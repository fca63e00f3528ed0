import { readPartEdit, repairWords, splitInlineRepair } from './part-repairs';

const APRIL_14_1985 = { year: 1985, month: 4, day: 14 };
const edit = (said: string, tense: 'past' | 'future' = 'past') => readPartEdit(repairWords(said), APRIL_14_1985, tense, 2027);

describe('readPartEdit: a month or a year repaired alone', () => {
  test.each([
    ['not april, may', 5],
    ['no, may not april', 5],
    ["it's may, not april", 5],
    ['not april it was may', 5],
    ['the month is june', 6],
    ["the month's june", 6],
    ["wrong month, it's june", 6],
    ["the day's right but it's june", 6],
    ['same day but in july', 7],
    ['not apr, aug', 8],
  ])('%j → month %d', (said, month) => {
    expect(edit(said)).toEqual({ kind: 'month', month });
  });

  test.each([
    ['no, 1986', 1986],
    ['1986', 1986],
    ['sorry, nineteen eighty six', 1986],
    ['the year is eighty six', 1986],
    ["the year's 86", 1986],
    ['not eighty five, eighty six', 1986],
    ['86 not 85', 1986],
    ["wrong year, it's 1984", 1984],
    ['same day but 1986', 1986],
    ['born in 86', 1986],
    ['the year is oh five', 2005],
  ])('%j → year %d', (said, year) => {
    expect(edit(said)).toEqual({ kind: 'year', year });
  });

  test('a part ruled out that the date has not got is unclear: asked about, never guessed', () => {
    expect(edit('not march, may')).toMatchObject({ kind: 'unclear' });
    expect(edit('not eighty four, eighty six')).toMatchObject({ kind: 'unclear' });
  });

  test.each(['no, the 15th', 'yes', 'may', 'no', 'the 14th of may', 'at 3 pm', '15'])('%j is not a month or year repair', (said) => {
    expect(edit(said)).toBeUndefined();
  });
});

describe('splitInlineRepair: a repair in the same breath', () => {
  test.each([
    ['the 14th of april, not april, may', 'the 14th of april', 'not april may'],
    ['the 14th of april 1985, no, 1986', 'the 14th of april 1985', 'no 1986'],
    ['the 14th of april 1985 sorry 1986', 'the 14th of april 1985', 'sorry 1986'],
    ['14th of april 85 not 85, 86', '14th of april 85', 'not 85 86'],
  ])('%j → %j then %j', (said, head, tail) => {
    expect(splitInlineRepair(said)).toEqual({ head, tail });
  });

  test.each(['the 14th of april', 'may the 4th', 'the 5th of may 1985', 'next friday, not thursday'])('%j has none', (said) => {
    expect(splitInlineRepair(said)).toBeUndefined();
  });
});
