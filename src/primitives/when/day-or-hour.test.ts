import { readDayOrHour, readDayOrHourAnswer } from './day-or-hour';
import { repairWords } from './part-repairs';

/** Read back as the 9th at 3 pm. */
const NINTH_AT_3 = { day: 9, hour12: 3 };
const read = (said: string, value = NINTH_AT_3) => readDayOrHour(repairWords(said), value);

describe('readDayOrHour: a number said alone to a day-and-time read-back', () => {
  test.each(['no, 5', 'no 5', '5', 'no, five', "nah, it's 5", 'sorry, I meant 5', 'make it 5', 'no, 12'])(
    '%j could be the day or the hour: asked',
    (said) => {
      expect(read(said)).toEqual({ kind: 'either', number: said.includes('12') ? 12 : 5 });
    },
  );

  test.each([
    ['no, 20', 20],
    ['no, 13', 13],
    ['nah, thirty one', 31],
    // The hour read back is 3: "no, 3" cannot change it, so it is the day.
    ['no, 3', 3],
    // Set against the day read back.
    ['not 9, 5', 5],
    ['5 not 9', 5],
    ["not nine, it's five", 5],
  ])('%j is the day %d', (said, day) => {
    expect(read(said)).toEqual({ kind: 'day', day });
  });

  test.each([
    // The day read back is the 9th: "no, 9" cannot change it, so it is the hour.
    ['no, 9', 9],
    ['not 3, 5', 5],
    ['5 not 3', 5],
    ['not three but four', 4],
  ])('%j is the hour %d', (said, hour) => {
    expect(read(said)).toEqual({ kind: 'hour', hour });
  });

  test('a number ruled out that is both the day and the hour leaves the new one asked about', () => {
    expect(read('not 3, 5', { day: 3, hour12: 3 })).toEqual({ kind: 'either', number: 5 });
  });

  test('a number ruled out that is neither is unclear, not guessed', () => {
    expect(read('not 4, 5')).toMatchObject({ kind: 'unclear' });
  });

  test.each(['no, the 5th', 'no, 5 pm', "no, 5 o'clock", 'half past 5', 'at 5', 'no, 40', 'no, 0', 'no, 5 30', 'the 14th of may', 'hmm'])(
    '%j is not a number alone: left to the date and time readers',
    (said) => {
      expect(read(said)).toBeUndefined();
    },
  );

  test('a number that is the day and the hour already read back changes nothing', () => {
    expect(read('no, 3', { day: 3, hour12: 3 })).toBeUndefined();
  });
});

describe('readDayOrHourAnswer: the answer to "the 5th, or 5 o\'clock?"', () => {
  const answer = (said: string) => readDayOrHourAnswer(repairWords(said));
  test.each([
    ['the day', 'day'],
    ["it's the date", 'day'],
    ['the first one', 'day'],
    ['the time', 'hour'],
    ['no, the hour', 'hour'],
    ['the second one', 'hour'],
    ['the last one', 'hour'],
  ])('%j → %s', (said, part) => {
    expect(answer(said)).toBe(part);
  });

  test.each(['the 5th', '5', 'hmm', 'the first', 'the second'])('%j names no part', (said) => {
    expect(answer(said)).toBeUndefined();
  });
});
