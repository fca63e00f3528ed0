import { play as playTurns, type Step } from '../../../tests/support/play';
import type { Reading } from '../objective/capture-spec';
import type { WhenPartial } from '../when/parts';
import { readDateOptions, readWhenOptions } from '../when/options';
import { captureDatetimeAu, maskDatetime } from '.';
import { DATETIME_PROMPTS } from './prompts';
import { readDatetime, repairDatetime } from './read';

const THURSDAY = '2026-11-26T09:30:00+11:00'; // Thursday 26 November 2026, 9:30 am in Sydney

function read(heard: string, partial?: WhenPartial, params: Record<string, string> = {}): Reading {
  const options = readWhenOptions({ reference_time: THURSDAY, ...params }, 0);
  return readDatetime(heard, { options, retryCount: 0, partial });
}

const valueOf = (r: Reading | undefined): string | undefined => (r?.kind === 'value' ? r.value : undefined);

const CAPTURED: ReadonlyArray<readonly [string, string]> = [
  ['tomorrow at 3pm', '2026-11-27T15:00'],
  ['3 pm tomorrow', '2026-11-27T15:00'],
  ['friday at 10 am', '2026-11-27T10:00'],
  ['yeah friday at 9 am would be great', '2026-11-27T09:00'],
  ['next tuesday at 2 in the afternoon', '2026-12-01T14:00'],
  ['next friday at 2pm', '2026-12-04T14:00'],
  ['the 5th of december at 11 am', '2026-12-05T11:00'],
  ['at 3 pm on the 5th of december', '2026-12-05T15:00'],
  ['today at 4 pm', '2026-11-26T16:00'],
  ['this arvo at 3', '2026-11-26T15:00'],
  ['tonight at 7', '2026-11-26T19:00'],
  ['friday arvo at 3', '2026-11-27T15:00'],
  ['saturday morning at nine', '2026-11-28T09:00'],
  ['half past nine tomorrow morning', '2026-11-27T09:30'],
  ['twenty to five in the afternoon on friday', '2026-11-27T16:40'],
  ['friday at half seven in the evening', '2026-11-27T19:30'],
  ['tomorrow at fifteen hundred', '2026-11-27T15:00'],
  ['on the fifth at oh nine hundred', '2026-12-05T09:00'],
  ['tuesday week at 10am', '2026-12-08T10:00'],
  ['in a fortnight at 9 in the morning', '2026-12-10T09:00'],
  ['a week today at 2pm', '2026-12-03T14:00'],
  ['christmas eve at 10 am', '2026-12-24T10:00'],
  ['in 20 minutes', '2026-11-26T09:50'],
  ['in two hours', '2026-11-26T11:30'],
  ['tuesday at 3 sorry 4 pm', '2026-12-01T16:00'],
  ['tuesday at 3pm no sorry 4', '2026-12-01T16:00'],
  ['tuesday at 10 in the morning no wait wednesday', '2026-12-02T10:00'],
  ['tomorrow at 3 in the afternoon actually make it 4', '2026-11-27T16:00'],
];

const ASKED: ReadonlyArray<readonly [string, Reading['kind']]> = [
  ['tomorrow', 'partial'],
  ['next tuesday', 'partial'],
  ['tomorrow afternoon', 'partial'],
  ['at 3pm', 'partial'],
  ['at 3', 'partial'],
  ['friday at 3', 'ambiguous'],
  ['next saturday at 2pm', 'ambiguous'],
  ['monday or tuesday at 10am', 'ambiguous'],
  ['tomorrow at 3 or 4 pm', 'ambiguous'],
  ['saturday at 12', 'ambiguous'],
  ['friday the 12th at 2pm', 'ambiguous'],
  ['sometime next week in the afternoon', 'partial'],
  ['today at 8 am', 'none'],
  ['the 31st of june at 2pm', 'ambiguous'], // the 30th of June, or the 1st of July?
  ['whenever suits', 'none'],
  ['hello', 'none'],
];

describe('capture_datetime_au reads', () => {
  test.each(CAPTURED)('%j → %s', (heard, expected) => {
    expect(valueOf(read(heard))).toBe(expected);
  });

  test.each(ASKED)('%j gives no value (%s)', (heard, kind) => {
    expect(read(heard).kind).toBe(kind);
  });

  test('fields: the date, the time, the zone, and the offset in force at that time', () => {
    expect(read('tomorrow at 3pm')).toEqual({
      kind: 'value',
      value: '2026-11-27T15:00',
      fields: { date: '2026-11-27', time: '15:00', timezone: 'Australia/Sydney', offset: '+11:00' },
    });
    // booked in summer for May: Sydney is back on +10:00 by then
    expect(read('the 14th of may at 2pm')).toMatchObject({ value: '2027-05-14T14:00', fields: { offset: '+10:00' } });
    // daylight saving ends at 3 am on Sunday 5 April 2026
    expect(read('sunday the 5th of april at 10am', undefined, { reference_time: '2026-03-30T12:00:00+11:00' })).toMatchObject({
      value: '2026-04-05T10:00',
      fields: { offset: '+10:00' },
    });
  });

  test('other zones: Perth, Brisbane without daylight saving, Adelaide and Darwin on the half hour', () => {
    expect(read('friday at noon', undefined, { reference_time: '2026-08-20T16:45:00+08:00', timezone: 'Australia/Perth' })).toMatchObject({
      value: '2026-08-21T12:00',
      fields: { timezone: 'Australia/Perth', offset: '+08:00' },
    });
    expect(
      read('tomorrow at 7 in the evening', undefined, { reference_time: '2026-12-02T08:00:00+10:00', timezone: 'Australia/Brisbane' }),
    ).toMatchObject({
      value: '2026-12-03T19:00',
      fields: { offset: '+10:00' },
    });
    expect(
      read('tomorrow at 10:30 am', undefined, { reference_time: '2026-10-05T10:00:00+10:30', timezone: 'Australia/Adelaide' }),
    ).toMatchObject({
      fields: { offset: '+10:30' },
    });
    expect(read('saturday at 1pm', undefined, { reference_time: '2026-01-15T11:00:00+09:30', timezone: 'Australia/Darwin' })).toMatchObject(
      {
        value: '2026-01-17T13:00',
        fields: { offset: '+09:30' },
      },
    );
  });

  test('the timezone trap: a reference early on a Sydney morning, given in UTC, is still the caller’s today', () => {
    expect(valueOf(read('today at 11am', undefined, { reference_time: '2026-03-09T20:15:00Z' }))).toBe('2026-03-10T11:00');
    expect(valueOf(read('tomorrow at 9am', undefined, { reference_time: '2026-08-19T23:30:00Z', timezone: 'Australia/Perth' }))).toBe(
      '2026-08-21T09:00',
    );
  });

  test('a time that does not exist (the hour skipped when daylight saving starts) is asked again', () => {
    expect(read('sunday at 2:30 am', undefined, { reference_time: '2026-09-28T12:00:00+10:00' })).toMatchObject({ kind: 'none' });
  });

  test('a day alone keeps the day and asks for the time, naming the day', () => {
    expect(read('next tuesday')).toEqual({ kind: 'partial', partial: { date: '2026-12-01' }, prompt: 'And what time on Tuesday the 1st?' });
    expect(read('tomorrow afternoon')).toEqual({
      kind: 'partial',
      partial: { date: '2026-11-27', daypart: 'afternoon' },
      prompt: 'And what time tomorrow afternoon?',
    });
    expect(valueOf(read('2 pm', { date: '2026-12-01' }))).toBe('2026-12-01T14:00');
    expect(valueOf(read('3', { date: '2026-11-27', daypart: 'afternoon' }))).toBe('2026-11-27T15:00');
    // a whole new day and time replaces what was kept
    expect(valueOf(read('actually wednesday at 9 am', { date: '2026-12-01' }))).toBe('2026-12-02T09:00');
  });

  test('a time alone keeps the time and asks for the day', () => {
    expect(read('at 3pm')).toEqual({ kind: 'partial', partial: { time: '15:00' }, prompt: 'Sure, 3 pm. And what day would that be?' });
    expect(valueOf(read('friday', { time: '15:00' }))).toBe('2026-11-27T15:00');
  });

  test('am/pm is asked with the day kept, and the answer completes both', () => {
    const asked = read('friday at 3');
    expect(asked).toEqual({
      kind: 'ambiguous',
      reason: '3 could be morning or afternoon',
      prompt: 'Is that 3 in the morning, or 3 in the afternoon?',
      partial: { date: '2026-11-27', clock: '3:00' },
    });
    expect(valueOf(read('in the arvo', asked.kind === 'ambiguous' ? asked.partial : undefined))).toBe('2026-11-27T15:00');
  });

  test('midnight: tonight’s is the end of today; with a day, the start or the end is asked', () => {
    expect(valueOf(read('tonight at midnight'))).toBe('2026-11-27T00:00');
    const asked = read('friday at midnight');
    expect(asked).toMatchObject({
      kind: 'ambiguous',
      prompt: 'Just to check, is that midnight at the start of Friday the 27th, or at the end of it?',
      partial: { dates: ['2026-11-27', '2026-11-28'], time: '00:00' },
    });
    const partial = asked.kind === 'ambiguous' ? asked.partial : undefined;
    expect(valueOf(read('the end of it', partial))).toBe('2026-11-28T00:00');
    expect(valueOf(read('the start', partial))).toBe('2026-11-27T00:00');
  });

  test('a night, morning or evening said by name is a day: "last night", "yesterday morning", "tomorrow night"', () => {
    const past = { tense: 'past' };
    expect(valueOf(read('last night at half past ten', undefined, past))).toBe('2026-11-25T22:30');
    expect(valueOf(read('it was last night about 9 pm', undefined, past))).toBe('2026-11-25T21:00');
    expect(valueOf(read('last evening at 7', undefined, past))).toBe('2026-11-25T19:00');
    expect(valueOf(read('yesterday morning at 8', undefined, past))).toBe('2026-11-25T08:00');
    expect(valueOf(read('this morning at 6:45', undefined, past))).toBe('2026-11-26T06:45');
    expect(valueOf(read('tomorrow night at 8'))).toBe('2026-11-27T20:00');
    expect(valueOf(read('tonight at quarter past 9'))).toBe('2026-11-26T21:15');
    // a night alone keeps the day and the part of the day, and asks the time
    expect(read('last night', undefined, past)).toMatchObject({ kind: 'partial', partial: { date: '2026-11-25', daypart: 'night' } });
    // vaguer ones are not a day
    expect(read('the other night at 9', undefined, past).kind).toBe('partial');
    expect(read('last weekend at 3 pm', undefined, past).kind).toBe('ambiguous');
  });

  test('the small hours after a night said by name are on the next day', () => {
    const past = { tense: 'past' };
    expect(valueOf(read('2 am last night', undefined, past))).toBe('2026-11-26T02:00');
    expect(valueOf(read('last night at 1:20 am', undefined, past))).toBe('2026-11-26T01:20');
    expect(valueOf(read('tonight at 1 am'))).toBe('2026-11-27T01:00');
    expect(valueOf(read('saturday night at 12:30 am'))).toBe('2026-11-29T00:30');
    expect(valueOf(read('about 1 am', { date: '2026-11-25', daypart: 'night' }, past))).toBe('2026-11-26T01:00');
    // "3 o'clock last night": morning or afternoon is asked, and the night is kept for the answer
    const asked = read("3 o'clock last night", undefined, past);
    expect(asked).toMatchObject({ kind: 'ambiguous', partial: { date: '2026-11-25', clock: '3:00', daypart: 'night' } });
    expect(valueOf(read('in the morning', asked.kind === 'ambiguous' ? asked.partial : undefined, past))).toBe('2026-11-26T03:00');
  });

  test('a day to choose keeps the time for after the choice', () => {
    const asked = read('next saturday at 2pm');
    expect(asked).toMatchObject({ kind: 'ambiguous', partial: { dates: ['2026-11-28', '2026-12-05'], time: '14:00' } });
    expect(valueOf(read('the 5th', asked.kind === 'ambiguous' ? asked.partial : undefined))).toBe('2026-12-05T14:00');
  });
});

describe('capture_datetime_au repairs', () => {
  const repair = (heard: string) => {
    const options = readWhenOptions({ reference_time: THURSDAY }, 0);
    return repairDatetime({ value: '2026-12-01T15:00', fields: {} }, heard, { options, retryCount: 1, partial: undefined });
  };

  test.each([
    ['no, 4 pm', '2026-12-01T16:00'],
    ["no, 4 o'clock", '2026-12-01T16:00'],
    ['4 not 3', '2026-12-01T16:00'],
    ['no, 20', '2026-12-20T15:00'],
    ['no, 3', '2026-12-03T15:00'],
    ['2 not 1', '2026-12-02T15:00'],
    ['same time but wednesday', '2026-12-02T15:00'],
    ['the day after', '2026-12-02T15:00'],
    ['no, the 3rd', '2026-12-03T15:00'],
    ['wednesday at 10 am', '2026-12-02T10:00'],
    ['half past', '2026-12-01T15:30'],
  ])('Tuesday 1 December at 3 pm corrected by %j → %s', (heard, expected) => {
    expect(valueOf(repair(heard))).toBe(expected);
  });

  test('words that change nothing give no repair', () => {
    expect(repair('hmm')).toBeUndefined();
  });

  test('a number alone that could be the day or the hour is asked about, never guessed', () => {
    expect(repair('no, 4')).toEqual({
      kind: 'ambiguous',
      reason: '4 said alone could be the day or the hour',
      prompt: "Sorry, did you mean the 4th, or 4 o'clock?",
      partial: { dayOrHour: 4 },
    });
  });

  test('a number ruled out that is neither the day nor the hour is asked about', () => {
    expect(repair('not 5, 6')).toMatchObject({
      kind: 'ambiguous',
      prompt: "Sorry, I'm not sure which part to change. I've got Tuesday the 1st of December 2026 at 3 pm. What's the right day and time?",
    });
  });
});

function play(steps: readonly Step[]): string[] {
  return playTurns(captureDatetimeAu, steps, { params: { reference_time: THURSDAY } }).prompts;
}

describe('capture_datetime_au on the state machine', () => {
  test('critical: always read back, even at full confidence; single shot with the confirmation', () => {
    play([[{ transcription: 'tomorrow at 3pm', confidence: 1 }, 'confirming', '2026-11-27T15:00']]);
    play([[{ transcription: 'tomorrow at 3pm', confirmation: 'yep' }, 'completed', '2026-11-27T15:00']]);
  });

  test('turn by turn: the day, then the time it asks for, then the read-back', () => {
    const prompts = play([
      [{ transcription: 'next tuesday' }, 'eliciting', ''],
      [{ transcription: '2 pm' }, 'confirming', '2026-12-01T14:00'],
      [{ confirmation: 'yes' }, 'completed', '2026-12-01T14:00'],
    ]);
    expect(prompts.slice(0, 2)).toEqual([
      'And what time on Tuesday the 1st?',
      "Just to confirm, that's Tuesday the 1st of December 2026 at 2 pm. Is that right?",
    ]);
  });

  test('a correction in the confirmation answer keeps what it does not change', () => {
    play([
      [{ transcription: 'tuesday at 3pm' }, 'confirming', '2026-12-01T15:00'],
      [{ confirmation: 'no, 4 pm' }, 'confirming', '2026-12-01T16:00'],
      [{ confirmation: 'same time but wednesday' }, 'confirming', '2026-12-02T16:00'],
      [{ confirmation: 'yeah' }, 'completed', '2026-12-02T16:00'],
    ]);
  });

  test('"no, 5" is asked about (the 5th, or 5 o\'clock?), and the answer is understood', () => {
    const prompts = play([
      [{ transcription: 'tuesday at 3pm' }, 'confirming', '2026-12-01T15:00'],
      [{ confirmation: 'no, 5' }, 'repairing', '', 'AMBIGUOUS'],
      [{ transcription: 'the 5th' }, 'confirming', '2026-12-05T15:00'],
    ]);
    expect(prompts[1]).toBe("Sorry, did you mean the 5th, or 5 o'clock?");
    play([
      [{ transcription: 'tuesday at 3pm' }, 'confirming', '2026-12-01T15:00'],
      [{ confirmation: 'no, 5' }, 'repairing', '', 'AMBIGUOUS'],
      [{ transcription: "5 o'clock" }, 'confirming', '2026-12-01T17:00'],
    ]);
    play([
      [{ transcription: 'tuesday at 3pm' }, 'confirming', '2026-12-01T15:00'],
      [{ confirmation: 'no, 5' }, 'repairing', '', 'AMBIGUOUS'],
      [{ transcription: 'the time' }, 'confirming', '2026-12-01T17:00'],
      [{ confirmation: 'yes' }, 'completed', '2026-12-01T17:00'],
    ]);
    play([
      [{ transcription: 'tuesday at 3pm' }, 'confirming', '2026-12-01T15:00'],
      [{ confirmation: 'no, 5' }, 'repairing', '', 'AMBIGUOUS'],
      [{ transcription: 'the first one' }, 'confirming', '2026-12-05T15:00'],
    ]);
  });

  test('a number that can only be the day, or only the hour, is read as that part', () => {
    play([
      [{ transcription: 'tuesday at 3pm' }, 'confirming', '2026-12-01T15:00'],
      // The 1st is the day read back: "no, 1" is the hour.
      [{ confirmation: 'no, 1' }, 'confirming', '2026-12-01T13:00'],
      [{ confirmation: 'no, 15' }, 'confirming', '2026-12-15T13:00'],
    ]);
  });

  test('a turn that adds nothing to a partial value counts as a failed attempt', () => {
    const prompts = play([
      [{ transcription: 'next tuesday' }, 'eliciting', ''],
      [{ transcription: 'umm' }, 'eliciting', '', 'NO_VALUE'],
      [{ transcription: 'ten in the morning' }, 'confirming', '2026-12-01T10:00'],
    ]);
    expect(prompts[1]).toBe("Sorry, I didn't catch that. And what time on Tuesday the 1st?");
  });

  test('after a plain "no", a part of the value repairs it', () => {
    play([
      [{ transcription: 'tuesday at 3pm' }, 'confirming', '2026-12-01T15:00'],
      [{ confirmation: 'nah' }, 'repairing', '', 'NOT_CONFIRMED'],
      [{ transcription: 'the 3rd' }, 'confirming', '2026-12-03T15:00'],
    ]);
  });
});

describe('capture_datetime_au prompts', () => {
  test('later attempts change strategy: an example, then the day on its own', () => {
    expect(DATETIME_PROMPTS.elicit(0)).toBe('What day and time would suit you?');
    expect(DATETIME_PROMPTS.elicit(1)).toContain('this Friday at 10 in the morning');
    expect(DATETIME_PROMPTS.elicit(2)).toContain('What day would you like?');
  });

  test('the mask hides the year and the day, like a date', () => {
    expect(maskDatetime('2026-11-27T15:00')).toBe('****-11-**T15:00');
  });
});

describe('today at an hour without am/pm, when the objective looks forward', () => {
  // Thursday 26 November 2026 at 4 pm, and at 7 am, in Sydney.
  const at = (reference: string, params: Record<string, string>, heard: string): Reading =>
    readDatetime(heard, { options: readDateOptions({ reference_time: reference, ...params }, 0), retryCount: 0, partial: undefined });
  const FOUR_PM = '2026-11-26T16:00:00+11:00';
  const SEVEN_AM = '2026-11-26T07:00:00+11:00';

  test.each([
    [{ kind: 'appointment' }, 'today at half seven', '2026-11-26T19:30'],
    [{ tense: 'future' }, 'today at half seven', '2026-11-26T19:30'],
    [{ kind: 'appointment' }, 'today at 9', '2026-11-26T21:00'],
    [{ kind: 'appointment' }, 'today at 12', undefined],
  ])('%j: %j at 4 pm → %s (the am reading has passed)', (params, heard, expected) => {
    expect(valueOf(at(FOUR_PM, params, heard))).toBe(expected);
  });

  test.each([
    ['nothing says it is ahead', FOUR_PM, {}, 'today at half seven'],
    ['tense any', FOUR_PM, { tense: 'any' }, 'today at half seven'],
    ['both readings ahead', SEVEN_AM, { kind: 'appointment' }, 'today at half eight'],
    ['another day', FOUR_PM, { kind: 'appointment' }, 'tomorrow at half seven'],
    ['the same hour now (4 pm: 4 am past, 4 pm not ahead)', FOUR_PM, { kind: 'appointment' }, 'today at 4'],
    ['a part of the day that does not fit', FOUR_PM, { kind: 'appointment' }, 'tonight at 9 am'],
  ])('%s: asked', (_why, reference, params, heard) => {
    expect(at(reference, params, heard)).toMatchObject({ kind: 'ambiguous' });
  });
});
