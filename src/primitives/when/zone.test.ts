import * as chrono from 'chrono-node';
import { formatOffset, offsetMinutesAt, wallClockAt, zonedInstant } from './zone';

const at = (iso: string): number => Date.parse(iso);

describe('the caller’s time zone, read with Intl', () => {
  test.each([
    ['Australia/Sydney', '2026-11-26T09:30:00+11:00', 660],
    ['Australia/Sydney', '2026-06-15T14:00:00+10:00', 600],
    ['Australia/Melbourne', '2026-01-10T12:00:00Z', 660],
    ['Australia/Hobart', '2026-07-10T12:00:00Z', 600],
    ['Australia/Brisbane', '2026-12-02T08:00:00+10:00', 600],
    ['Australia/Adelaide', '2026-10-05T10:00:00+10:30', 630],
    ['Australia/Adelaide', '2026-06-05T10:00:00+09:30', 570],
    ['Australia/Darwin', '2026-01-15T11:00:00+09:30', 570],
    ['Australia/Perth', '2026-08-20T16:45:00+08:00', 480],
    ['Australia/Lord_Howe', '2026-01-15T11:00:00Z', 660],
    ['Australia/Lord_Howe', '2026-07-15T11:00:00Z', 630],
  ])('%s at %s is %i minutes east of UTC', (zone, iso, minutes) => {
    expect(offsetMinutesAt(zone, at(iso))).toBe(minutes);
  });

  test('before 11 am in a Sydney summer the UTC date is still yesterday: the wall date is the caller’s', () => {
    const instant = at('2026-03-09T20:15:00Z');
    expect(new Date(instant).getUTCDate()).toBe(9);
    expect(wallClockAt('Australia/Sydney', instant)).toEqual({ year: 2026, month: 3, day: 10, hour: 7, minute: 15, second: 0 });
    expect(wallClockAt('Australia/Perth', instant)).toMatchObject({ day: 10, hour: 4 });
  });

  test('daylight saving changes the offset across a date: Sydney on 5 April 2026 and 4 October 2026', () => {
    expect(offsetMinutesAt('Australia/Sydney', at('2026-04-04T12:00:00+11:00'))).toBe(660);
    expect(offsetMinutesAt('Australia/Sydney', at('2026-04-05T12:00:00+10:00'))).toBe(600);
    expect(offsetMinutesAt('Australia/Sydney', at('2026-10-03T12:00:00+10:00'))).toBe(600);
    expect(offsetMinutesAt('Australia/Sydney', at('2026-10-04T12:00:00+11:00'))).toBe(660);
  });

  test('a wall time gives its instant and the offset in force then', () => {
    expect(zonedInstant('Australia/Sydney', { year: 2027, month: 5, day: 14 }, 14, 0)).toEqual({
      instant: at('2027-05-14T14:00:00+10:00'),
      offsetMinutes: 600,
    });
    expect(zonedInstant('Australia/Sydney', { year: 2026, month: 12, day: 1 }, 9, 0)).toEqual({
      instant: at('2026-12-01T09:00:00+11:00'),
      offsetMinutes: 660,
    });
  });

  test('the hour skipped when daylight saving starts does not exist; the repeated one reads as daylight time', () => {
    expect(zonedInstant('Australia/Sydney', { year: 2026, month: 10, day: 4 }, 2, 30)).toBeUndefined();
    expect(zonedInstant('Australia/Sydney', { year: 2026, month: 4, day: 5 }, 2, 30)).toEqual({
      instant: at('2026-04-05T02:30:00+11:00'),
      offsetMinutes: 660,
    });
  });

  test.each([
    [660, '+11:00'],
    [570, '+09:30'],
    [0, '+00:00'],
    [-180, '-03:00'],
  ])('offset %i is written %s', (minutes, text) => {
    expect(formatOffset(minutes)).toBe(text);
  });

  test('the trap this module exists for: chrono ignores an IANA name but honours an offset (machine zone UTC)', () => {
    const instant = new Date('2026-11-25T22:30:00Z'); // 9:30 am on the 26th in Sydney
    const withOffset = chrono.en.GB.parseDate('tomorrow at 9am', {
      instant,
      timezone: offsetMinutesAt('Australia/Sydney', instant.getTime()),
    });
    expect(withOffset?.toISOString()).toBe('2026-11-26T22:00:00.000Z');
    if (new Date().getTimezoneOffset() === 0) {
      const withName = chrono.en.GB.parseDate('tomorrow at 9am', { instant, timezone: 'Australia/Sydney' });
      expect(withName?.toISOString()).not.toBe('2026-11-26T22:00:00.000Z');
    }
  });
});
