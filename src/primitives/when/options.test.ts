import { InvalidParamsError } from '../types';
import { readWhenOptions } from './options';

const NOW = Date.parse('2026-11-25T22:30:00Z'); // 9:30 am on Thursday 26 November in Sydney

function invalid(params: Record<string, string>): InvalidParamsError {
  try {
    readWhenOptions(params, NOW);
  } catch (error) {
    if (error instanceof InvalidParamsError) return error;
    throw error;
  }
  throw new Error('expected InvalidParamsError');
}

describe('readWhenOptions', () => {
  test('defaults: the runtime clock, Australia/Sydney, tense future', () => {
    expect(readWhenOptions({}, NOW)).toEqual({
      timezone: 'Australia/Sydney',
      tense: 'future',
      reference: NOW,
      offsetMinutes: 660,
      today: { year: 2026, month: 11, day: 26 },
      minuteOfDay: 9 * 60 + 30,
    });
  });

  test('today is the caller’s date, whatever the offset the reference is written in', () => {
    expect(readWhenOptions({ reference_time: '2026-03-09T20:15:00Z' }, NOW).today).toEqual({ year: 2026, month: 3, day: 10 });
    expect(readWhenOptions({ reference_time: '2026-03-09T20:15:00Z', timezone: 'Australia/Perth' }, NOW).today).toEqual({
      year: 2026,
      month: 3,
      day: 10,
    });
    expect(readWhenOptions({ reference_time: '2026-03-09T15:00:00Z', timezone: 'Australia/Perth' }, NOW).today).toEqual({
      year: 2026,
      month: 3,
      day: 9,
    });
    expect(readWhenOptions({ reference_time: '2026-03-10T07:15:00+1100' }, NOW).minuteOfDay).toBe(7 * 60 + 15);
  });

  test('the offset comes from the zone at the reference, not from the reference’s text', () => {
    const o = readWhenOptions({ reference_time: '2026-06-15T04:00:00Z', timezone: 'Australia/Adelaide' }, NOW);
    expect(o.offsetMinutes).toBe(570);
    expect(o.minuteOfDay).toBe(13 * 60 + 30);
  });

  test.each(['2026-11-26T09:30:00', '2026-11-26', 'tomorrow', '26/11/2026 9:30', '2026-02-30T09:00:00+11:00', '2026-11-26T25:00:00+11:00'])(
    'reference_time %j is refused, naming params.reference_time',
    (reference_time) => {
      const error = invalid({ reference_time });
      expect(error.field).toBe('params.reference_time');
      expect(error.message).toContain('params.reference_time must be');
      expect(error.message).toContain(reference_time);
    },
  );

  test.each(['Sydney', 'AEST', '+10:00', 'Mars/Olympus'])('timezone %j is refused, naming params.timezone', (timezone) => {
    const error = invalid({ timezone });
    expect(error.field).toBe('params.timezone');
    expect(error.message).toMatch(/^params\.timezone must be an IANA time zone/);
  });

  test('tense must be future, past or any', () => {
    expect(readWhenOptions({ tense: 'Past' }, NOW).tense).toBe('past');
    expect(invalid({ tense: 'soon' })).toMatchObject({
      field: 'params.tense',
      message: 'params.tense must be one of future, past, any, got "soon"',
    });
  });

  test('blank params take their defaults', () => {
    expect(readWhenOptions({ reference_time: ' ', timezone: '', tense: '' }, NOW)).toMatchObject({
      reference: NOW,
      timezone: 'Australia/Sydney',
      tense: 'future',
    });
  });
});
