import { readHourOrMinutes, readLoneHour } from './hour-or-minutes';
import { hear } from './heard';
import { readWhenOptions } from './options';
import { repairWords } from './part-repairs';

const options = readWhenOptions({ reference_time: '2027-03-09T10:00:00+11:00' }, 0);
const read = (said: string, dayOffered = false) =>
  readHourOrMinutes(repairWords(said), hear(said, options, 'datetime'), { hour: 17, minute: 30 }, dayOffered);

describe('readHourOrMinutes: the answer to "5 o\'clock, or 5:30?"', () => {
  test.each([
    ['5:30', '17:30'],
    ['five thirty', '17:30'],
    ['half past', '17:30'],
    ['half past five', '17:30'],
    ['half five', '17:30'],
    ['thirty', '17:30'],
    ['the second one', '17:30'],
    ['the last one', '17:30'],
    ["five o'clock", '17:00'],
    ['5 pm', '17:00'],
    ['on the hour', '17:00'],
    ['sharp', '17:00'],
    ['no, just 5', '17:00'],
    ['5', '17:00'],
    ['the first one', '17:00'],
    ['5:15', '17:15'],
    ['6 pm', undefined],
    ['5 am', undefined],
    ['umm', undefined],
  ])('%j → %s', (said, expected) => {
    const got = read(said);
    expect(got?.kind === 'time' ? `${got.hour}:${String(got.minute).padStart(2, '0')}` : got?.kind).toBe(expected);
  });

  test('with the day offered too ("the 5th, 5 o\'clock, or 5:30?") the positions shift and "5" alone is still unclear', () => {
    expect(read('the first one', true)).toEqual({ kind: 'day' });
    expect(read('the second one', true)).toEqual({ kind: 'time', hour: 17, minute: 0 });
    expect(read('the third one', true)).toEqual({ kind: 'time', hour: 17, minute: 30 });
    expect(read('5', true)).toBeUndefined();
    expect(read('half past', true)).toEqual({ kind: 'time', hour: 17, minute: 30 });
  });
});

describe('readLoneHour', () => {
  test.each([
    ['no 5', 5],
    ['no at 5', 5],
    ['make it 11', 11],
    ['no 13', undefined],
    ['5 pm', undefined],
    ['half past 5', undefined],
  ])('%j → %s', (words, expected) => {
    expect(readLoneHour(words)).toBe(expected);
  });
});
