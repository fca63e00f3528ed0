import { play as playTurns, type Step } from '../../../tests/support/play';
import type { Reading } from '../objective/capture-spec';
import type { WhenPartial } from '../when/parts';
import { readWhenOptions } from '../when/options';
import { captureTimeAu } from '.';
import { TIME_PROMPTS } from './prompts';
import { readTime, repairTime } from './read';

const REFERENCE = '2026-11-26T09:30:00+11:00';

function read(heard: string, partial?: WhenPartial, params: Record<string, string> = {}): Reading {
  const options = readWhenOptions({ reference_time: REFERENCE, ...params }, 0);
  return readTime(heard, { options, retryCount: 0, partial });
}

const valueOf = (r: Reading | undefined): string | undefined => (r?.kind === 'value' ? r.value : undefined);

/** Realistic recogniser output → the time a careful human would write down. */
const CAPTURED: ReadonlyArray<readonly [string, string]> = [
  ['3 pm', '15:00'],
  ['3pm thanks', '15:00'],
  ['15:00', '15:00'],
  ['13:30', '13:30'],
  ['09:00', '09:00'],
  ['three thirty in the afternoon', '15:30'],
  ['half past two in the arvo', '14:30'],
  ['quarter to five pm', '16:45'],
  ['twenty to five in the afternoon', '16:40'],
  ['ten to four in the afternoon', '15:50'],
  ['twenty five past four in the afternoon', '16:25'],
  ['quarter after three in the afternoon', '15:15'],
  ['five past ten in the morning', '10:05'],
  ['a quarter to ten in the morning', '09:45'],
  ['quarter to one in the afternoon', '12:45'],
  ['half seven in the evening', '19:30'],
  ['half seven tonight', '19:30'],
  ['noon', '12:00'],
  ['midday please', '12:00'],
  ['midnight', '00:00'],
  ['quarter past midday', '12:15'],
  ['one minute past three in the afternoon', '15:01'],
  ['a minute to five pm', '16:59'],
  ['one minute after three pm', '15:01'],
  ['five to midnight', '23:55'],
  ['this arvo at 3', '15:00'],
  ['3 in the arvo', '15:00'],
  ['uh in the afternoon at four', '16:00'],
  ['this afternoon, um, about 2', '14:00'],
  ['fifteen hundred', '15:00'],
  ['1500 hours', '15:00'],
  ['nineteen hundred hours', '19:00'],
  ['twenty hundred hours', '20:00'],
  ['sixteen thirty', '16:30'],
  ['oh eight thirty', '08:30'],
  ['9 am', '09:00'],
  ['nine a.m.', '09:00'],
  ['10:30am', '10:30'],
  ['ten thirty a m', '10:30'],
  ['2.30pm', '14:30'],
  ['4.30 in the arvo', '16:30'],
  ['seven oh five pm', '19:05'],
  ['twelve thirty pm', '12:30'],
  ['twelve am', '00:00'],
  ['8 tonight', '20:00'],
  ['eleven thirty at night', '23:30'],
  ['half past twelve at night', '00:30'],
  ['seven in the evening', '19:00'],
  ['um can we do 2pm', '14:00'],
  ['yeah 4 30 pm', '16:30'],
  ['friday at 3pm', '15:00'],
  ['tomorrow at 9 in the morning', '09:00'],
  // the last self-correction wins; an hour alone keeps the afternoon or the minutes
  ['3 pm no sorry 4', '16:00'],
  ['at 2 no 3 pm', '15:00'],
  ['ten am actually make it eleven', '11:00'],
  ['half past three in the afternoon, no, four', '16:30'],
  ['not 3, 4 pm', '16:00'],
];

/** Utterances from which no time may be taken: the caller must be asked. */
const ASKED: ReadonlyArray<readonly [string, Reading['kind']]> = [
  ["3 o'clock", 'ambiguous'],
  ['three', 'ambiguous'],
  ['half past two', 'ambiguous'],
  ['quarter to five', 'ambiguous'],
  ['half seven', 'ambiguous'],
  ['ten thirty', 'ambiguous'],
  ['9:00', 'ambiguous'],
  ['12 oclock', 'ambiguous'],
  ['9 pm in the morning', 'ambiguous'],
  ['3 or 4 pm', 'ambiguous'],
  ['7am or 8am', 'ambiguous'],
  ['morning', 'partial'],
  ['sometime in the afternoon', 'partial'],
  ['after lunch', 'none'],
  ['between 2 and 4', 'none'],
  ['any time after 2', 'none'],
  ['whenever suits', 'none'],
  ['as early as possible', 'none'],
  ['hello', 'none'],
];

describe('capture_time_au reads', () => {
  test.each(CAPTURED)('%j → %s', (heard, expected) => {
    expect(valueOf(read(heard))).toBe(expected);
  });

  test.each(ASKED)('%j gives no time (%s)', (heard, kind) => {
    expect(read(heard).kind).toBe(kind);
  });

  test('fields: hour and minute, as in the value', () => {
    expect(read('7:05 am')).toEqual({ kind: 'value', value: '07:05', fields: { hour: '07', minute: '05' } });
  });

  test('am or pm is asked, never guessed from business hours, and the answer completes the time', () => {
    const asked = read("3 o'clock");
    expect(asked).toEqual({
      kind: 'ambiguous',
      reason: '3 could be morning or afternoon',
      prompt: 'Is that 3 in the morning, or 3 in the afternoon?',
      partial: { clock: '3:00' },
    });
    const partial = asked.kind === 'ambiguous' ? asked.partial : undefined;
    expect(valueOf(read('the afternoon', partial))).toBe('15:00');
    expect(valueOf(read('pm', partial))).toBe('15:00');
    expect(valueOf(read('arvo', partial))).toBe('15:00');
    expect(valueOf(read('in the morning', partial))).toBe('03:00');
    expect(valueOf(read('3 am', partial))).toBe('03:00');
    expect(valueOf(read('the second one', partial))).toBe('15:00');
    expect(valueOf(read('actually 4 pm', partial))).toBe('16:00');
    expect(read('umm', partial)).toMatchObject({ kind: 'ambiguous', partial: { clock: '3:00' } });
  });

  test('the question names the likely halves of the day', () => {
    expect(read('half seven')).toMatchObject({ prompt: 'Is that 7:30 in the morning, or 7:30 in the evening?' });
    expect(read('12 oclock')).toMatchObject({ prompt: 'Is that midday, or midnight?' });
  });

  test('a part of the day alone waits for the time', () => {
    expect(read('sometime in the morning')).toEqual({
      kind: 'partial',
      partial: { daypart: 'morning' },
      prompt: 'Sure. What time in the morning?',
    });
    expect(valueOf(read('9', { daypart: 'morning' }))).toBe('09:00');
    expect(valueOf(read('half past 4', { daypart: 'afternoon' }))).toBe('16:30');
  });

  test('"in twenty minutes" is the caller’s wall clock then, from the reference', () => {
    expect(valueOf(read('in 20 minutes'))).toBe('09:50');
    expect(valueOf(read('in half an hour', undefined, { reference_time: '2026-03-09T20:15:00Z' }))).toBe('07:45');
    expect(valueOf(read('in an hour', undefined, { reference_time: '2026-03-09T20:15:00Z', timezone: 'Australia/Perth' }))).toBe('05:15');
  });
});

describe('a time tied to today is a moment the tense can rule out (reference 9:30 am)', () => {
  test.each([
    ['eight this morning', 'Sorry, 8 am today has already passed. What time did you mean?'],
    ['today at quarter past nine am', 'Sorry, 9:15 am today has already passed. What time did you mean?'],
  ])('%j for a booking is asked: %s', (heard, prompt) => {
    expect(read(heard)).toEqual({ kind: 'none', reason: 'a time today that has already passed', prompt });
  });

  test.each([
    ['eight am', '08:00'],
    ['ten this morning', '10:00'],
    ['at two this arvo', '14:00'],
    ['today, no, tomorrow at eight am', '08:00'],
    ['8 tonight', '20:00'],
  ])('%j for a booking is taken: %s', (heard, value) => {
    expect(valueOf(read(heard))).toBe(value);
  });

  test('for an incident (past) a time later today is still to come; any tense takes both', () => {
    expect(read('four this afternoon', undefined, { tense: 'past' })).toMatchObject({
      kind: 'none',
      reason: 'a time today that is still to come',
    });
    expect(valueOf(read('eight this morning', undefined, { tense: 'past' }))).toBe('08:00');
    expect(valueOf(read('eight this morning', undefined, { tense: 'any' }))).toBe('08:00');
  });
});

describe('capture_time_au repairs', () => {
  const repair = (previous: string, heard: string) => {
    const options = readWhenOptions({ reference_time: REFERENCE }, 0);
    return repairTime({ value: previous, fields: {} }, heard, { options, retryCount: 1, partial: undefined });
  };

  test.each([
    ['15:00', 'no, 4', '16:00'],
    ['15:00', '4 not 3', '16:00'],
    ['15:30', 'half past four', '16:30'],
    ['15:00', 'no, half past', '15:30'],
    ['15:00', 'in the morning', '03:00'],
    ['09:00', 'no, the evening', '21:00'],
    ['09:00', '10:15 am', '10:15'],
  ])('%s corrected by %j → %s', (previous, heard, expected) => {
    expect(valueOf(repair(previous, heard))).toBe(expected);
  });

  test('a lone hour replacing a time with minutes is asked about: on the hour, or with the minutes?', () => {
    expect(repair('16:30', 'no, 5')).toEqual({
      kind: 'ambiguous',
      reason: '5 said alone could be on the hour or keep the minutes',
      prompt: "Sorry, is that 5 o'clock, or 5:30?",
      partial: { hourOrMinutes: '17:30' },
    });
    expect(valueOf(repair('16:30', 'no, 5 pm'))).toBe('17:00');
    expect(valueOf(repair('16:30', "no, 5 o'clock"))).toBe('17:00');
  });

  test('words that change nothing give no repair', () => {
    expect(repair('15:00', 'hmm')).toBeUndefined();
  });
});

function play(steps: readonly Step[]): string[] {
  return playTurns(captureTimeAu, steps, { params: { reference_time: REFERENCE } }).prompts;
}

describe('a time cut off before its end is never completed by guessing', () => {
  test.each(['at half', 'half past', 'um quarter to', "it's twenty past", 'ten to uh'])(
    '%j asks for the rest, keeping what was heard',
    (heard) => {
      const reading = read(heard);
      expect(reading).toMatchObject({ kind: 'partial', partial: { said: expect.any(String) as string } });
      expect(reading.kind === 'partial' && reading.prompt).toMatch(/^Sorry, I only caught .+\. What's the whole time\?$/);
    },
  );

  test.each([
    ['half past', 'three pm', '15:30'],
    ['at half', 'two in the afternoon', '14:30'],
    ['quarter to', 'five pm', '16:45'],
    ['half past', 'four thirty pm', '16:30'],
  ])('after %j, %j completes it: %s', (head, rest, value) => {
    expect(valueOf(read(rest, { said: head }))).toBe(value);
  });

  test('the completed time still asks am or pm when nothing decides it', () => {
    expect(read('three', { said: 'half past' }).kind).toBe('ambiguous');
  });

  test.each(['yeah', 'hello'])('after "quarter to", %j completes nothing', (rest) => {
    expect(read(rest, { said: 'quarter to' }).kind).toBe('none');
  });

  test.each([
    ['half seven pm', '19:30'],
    ['twenty past four pm', '16:20'],
  ])('%j is whole: %s', (heard, value) => {
    expect(valueOf(read(heard))).toBe(value);
  });
});

describe('capture_time_au on the state machine', () => {
  test('am/pm: asked, then completed by "the afternoon"', () => {
    const prompts = play([
      [{ transcription: "3 o'clock" }, 'eliciting', '', 'AMBIGUOUS'],
      [{ transcription: 'the afternoon' }, 'completed', '15:00'],
    ]);
    expect(prompts[0]).toBe('Is that 3 in the morning, or 3 in the afternoon?');
  });

  test('an unsure time is read back; a correction in the answer keeps the afternoon', () => {
    const prompts = play([
      [{ transcription: '3 pm', confidence: 0.7 }, 'confirming', '15:00'],
      [{ confirmation: 'no', confidence: 0.7 }, 'repairing', '', 'NOT_CONFIRMED'],
      [{ transcription: '4', confidence: 0.7 }, 'confirming', '16:00'],
      [{ confirmation: 'yes' }, 'completed', '16:00'],
    ]);
    expect(prompts[0]).toBe("Just to confirm, that's 3 pm. Is that right?");
  });
});

describe('capture_time_au prompts', () => {
  test('later attempts change strategy: examples, then the hour with the part of the day', () => {
    expect(TIME_PROMPTS.elicit(0)).toBe('What time would that be?');
    expect(TIME_PROMPTS.elicit(1)).toContain('9:30 in the morning');
    expect(TIME_PROMPTS.elicit(2)).toContain('morning or afternoon');
    expect(TIME_PROMPTS.confirm({ value: '12:00', fields: {} }, 0)).toBe("Just to confirm, that's midday. Is that right?");
    expect(TIME_PROMPTS.confirm({ value: '00:30', fields: {} }, 0)).toBe("Just to confirm, that's 12:30 am. Is that right?");
  });

  test('a time of day is not masked', () => {
    expect(captureTimeAu.mask('15:00')).toBe('15:00');
  });
});
