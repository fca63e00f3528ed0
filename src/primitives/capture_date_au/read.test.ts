import { play as playTurns, type Step } from '../../../tests/support/play';
import type { Reading } from '../objective/capture-spec';
import type { WhenPartial } from '../when/parts';
import { readWhenOptions } from '../when/options';
import { captureDateAu, maskDate } from '.';
import { DATE_PROMPTS } from './prompts';
import { readDate, repairDate } from './read';

const THURSDAY = '2026-11-26T09:30:00+11:00'; // Thursday 26 November 2026, 9:30 am in Sydney
const MONDAY = '2026-06-15T14:00:00+10:00'; // Monday 15 June 2026, Sydney winter

function read(heard: string, params: Record<string, string> = {}, partial?: WhenPartial): Reading {
  const options = readWhenOptions({ reference_time: THURSDAY, ...params }, 0);
  return readDate(heard, { options, retryCount: 0, partial });
}

const valueOf = (r: Reading): string | undefined => (r.kind === 'value' ? r.value : undefined);

/** Realistic recogniser output, said on Thursday 26 November 2026 in Sydney, for a booking. */
const CAPTURED: ReadonlyArray<readonly [string, string]> = [
  ['tomorrow', '2026-11-27'],
  ['um tomorrow please', '2026-11-27'],
  ['Friday.', '2026-11-27'],
  ['this friday', '2026-11-27'],
  ['this coming monday', '2026-11-30'],
  ['next tuesday', '2026-12-01'],
  ['next friday', '2026-12-04'], // said on a Thursday: tomorrow would be "tomorrow"
  ['tuesday week', '2026-12-08'],
  ['the tuesday after next', '2026-12-08'],
  ['a week on friday', '2026-12-04'],
  ['friday fortnight', '2026-12-11'],
  ['monday next week', '2026-11-30'],
  ['next week tuesday', '2026-12-01'],
  ['in a fortnight', '2026-12-10'],
  ['a fortnight today', '2026-12-10'],
  ['a week today', '2026-12-03'],
  ['a week tomorrow', '2026-12-04'],
  ['in two weeks', '2026-12-10'],
  ['three days from now', '2026-11-29'],
  ['the day after tomorrow', '2026-11-28'],
  ['the 5th of December', '2026-12-05'],
  ['december third', '2026-12-03'],
  ['march the twenty second', '2027-03-22'],
  ['the twenty-first of July twenty twenty seven', '2027-07-21'],
  ['the third of the fourth', '2027-04-03'],
  ['4/7', '2027-07-04'],
  ['4/7/2027', '2027-07-04'],
  ['2027-03-05', '2027-03-05'],
  ['the 5th', '2026-12-05'],
  ['the thirty first', '2026-12-31'],
  ['on the first of next month', '2026-12-01'],
  ['friday the 27th', '2026-11-27'],
  ['Thursday the 3rd of December', '2026-12-03'],
  ['yeah the twenty for of december', '2026-12-24'],
  ['christmas eve', '2026-12-24'],
  ['boxing day', '2026-12-26'],
  ['australia day', '2027-01-26'],
  ['anzac day', '2027-04-25'],
  ['melbourne cup day', '2027-11-02'],
  ['good friday', '2027-03-26'],
  ['this arvo', '2026-11-26'],
  // the last self-correction wins, whole or in part
  ['um the fourteenth no sorry the fifteenth', '2026-12-15'],
  ['the 14th of march sorry 15', '2027-03-15'],
  ['the 5th of march sorry april', '2027-04-05'],
  ['tuesday uh actually wednesday', '2026-12-02'],
  ['not friday, saturday', '2026-11-28'],
  // the same date twice is one date
  ['friday the 27th yeah friday', '2026-11-27'],
  // month abbreviations, with or without a dot, in any case
  ['the 14th of Jan', '2027-01-14'],
  ['FEB. 3rd', '2027-02-03'],
  ['the 9th of Sept.', '2027-09-09'],
  ['Oct the 2nd', '2027-10-02'],
  ['the 30th of nov', '2026-11-30'],
  // a weekday said after the date to confirm it: "that's a …", "which is a …", "it'll be a …"
  ['the eleventh of Dec, which is a Friday', '2026-12-11'],
  ["the 14th of January, it's a Thursday", '2027-01-14'],
  ["the 2nd of Feb, that'll be a Tuesday", '2027-02-02'],
  ["the first of March, I think that's a Monday", '2027-03-01'],
  ['the 19th, falls on a Saturday', '2026-12-19'],
];

/** Utterances from which no date may be taken: the caller must be asked. */
const ASKED: ReadonlyArray<readonly [string, Reading['kind']]> = [
  ['', 'none'],
  ['hello', 'none'],
  ["i'm not sure", 'none'],
  ['as soon as possible', 'none'],
  ['in a few days', 'none'],
  ['end of the month', 'none'],
  ['the 31st of june', 'ambiguous'], // the 30th of June, or the 1st of July? Never rolled over
  ['the 30th of february', 'ambiguous'],
  ['thursday', 'ambiguous'], // said on a Thursday: today, or next week? Speakers differ
  ['on the 29th of february', 'ambiguous'], // the coming February (2027) has none: the 28th or the 1st of March?
  ['the 32nd of march', 'none'],
  ['yesterday', 'none'], // a booking cannot be in the past
  ["3 o'clock", 'none'],
  ['monday or tuesday', 'ambiguous'],
  ['the fourteenth or fifteenth', 'ambiguous'],
  ['friday the 12th', 'ambiguous'], // the next 12th is a Saturday
  ['next saturday', 'ambiguous'], // said on a Thursday: the 28th, or the 5th?
  ['um fifteen', 'none'],
  ['the weekend', 'ambiguous'],
  ['sometime next week', 'partial'],
  ['in march', 'partial'],
];

describe('capture_date_au reads', () => {
  test.each(CAPTURED)('%j → %s', (heard, expected) => {
    expect(valueOf(read(heard))).toBe(expected);
  });

  test.each(ASKED)('%j gives no date (%s)', (heard, kind) => {
    expect(read(heard).kind).toBe(kind);
  });

  test('fields: year, month and day as in the value, and the weekday', () => {
    expect(read('the 4th of july 2027')).toEqual({
      kind: 'value',
      value: '2027-07-04',
      fields: { year: '2027', month: '07', day: '04', weekday: 'sunday' },
    });
  });

  test('the tense points incomplete dates: an incident or a date of birth is in the past', () => {
    expect(valueOf(read('last friday', { tense: 'past' }))).toBe('2026-11-20');
    expect(valueOf(read('last wednesday', { tense: 'past' }))).toBe('2026-11-18'); // yesterday would be "yesterday"
    expect(read('last tuesday', { tense: 'past' }).kind).toBe('ambiguous'); // the 24th, or the 17th?
    expect(valueOf(read('friday just gone', { tense: 'past' }))).toBe('2026-11-20');
    expect(valueOf(read('on the 20th', { tense: 'past' }))).toBe('2026-11-20');
    expect(valueOf(read('the 5th of march', { tense: 'past' }))).toBe('2026-03-05');
    expect(valueOf(read('yesterday', { tense: 'past' }))).toBe('2026-11-25');
    expect(valueOf(read('last night', { tense: 'past' }))).toBe('2026-11-25');
    expect(valueOf(read('it happened last evening', { tense: 'past' }))).toBe('2026-11-25');
    expect(valueOf(read('this morning', { tense: 'past' }))).toBe('2026-11-26');
    expect(valueOf(read('the fifth of march nineteen eighty five', { tense: 'past' }))).toBe('1985-03-05');
    expect(valueOf(read('5/3/85', { tense: 'past' }))).toBe('1985-03-05');
    expect(valueOf(read('the fifth of the third eighty five', { tense: 'past' }))).toBe('1985-03-05');
    expect(read('tomorrow', { tense: 'past' }).kind).toBe('none');
    expect(valueOf(read('tuesday', { tense: 'any' }))).toBe('2026-11-24');
    expect(valueOf(read('saturday', { tense: 'any' }))).toBe('2026-11-28');
    expect(read('thursday', { tense: 'any' }).kind).toBe('ambiguous');
    expect(read('thursday', { tense: 'past' }).kind).toBe('ambiguous');
  });

  test('today and tomorrow are the caller’s, not the server’s: early in a Sydney morning UTC is a day behind', () => {
    expect(valueOf(read('today', { reference_time: '2026-03-09T20:15:00Z' }))).toBe('2026-03-10');
    expect(valueOf(read('tomorrow', { reference_time: '2026-03-09T20:15:00Z' }))).toBe('2026-03-11');
    expect(valueOf(read('today', { reference_time: '2026-03-09T20:15:00Z', timezone: 'Australia/Perth' }))).toBe('2026-03-10');
    expect(valueOf(read('today', { reference_time: '2026-03-09T15:00:00Z', timezone: 'Australia/Perth' }))).toBe('2026-03-09');
  });

  test('a weekday that contradicts the date is asked about, naming both', () => {
    expect(read('friday the 12th')).toEqual({
      kind: 'ambiguous',
      reason: '2026-12-12 is a saturday, not a friday',
      prompt: 'Sorry, the 12th of December is a Saturday. Did you mean Friday the 11th of December, or Saturday the 12th of December?',
      partial: { dates: ['2026-12-11', '2026-12-12'] },
    });
  });

  test('a weekday said to confirm a date that it does not match is asked about', () => {
    expect(read("the 8th of Dec, that's a Wednesday")).toMatchObject({
      kind: 'ambiguous',
      partial: { dates: ['2026-12-08', '2026-12-09'] },
    });
    expect(read('the 14th of Jan, which is a Friday')).toMatchObject({
      kind: 'ambiguous',
      partial: { dates: ['2027-01-14', '2027-01-15'] },
    });
    expect(read("the 3rd of Sept, it's a Monday")).toMatchObject({ kind: 'ambiguous' });
  });

  test('the answer to a clarifying question picks a date from the partial value', () => {
    const next = read('next saturday');
    expect(next).toMatchObject({
      kind: 'ambiguous',
      prompt: 'Just to check, do you mean Saturday the 28th, or Saturday the 5th?',
      partial: { dates: ['2026-11-28', '2026-12-05'] },
    });
    const partial = next.kind === 'ambiguous' ? next.partial : undefined;
    expect(valueOf(read('the 5th', {}, partial))).toBe('2026-12-05');
    expect(valueOf(read('the day after tomorrow', {}, partial))).toBe('2026-11-28');
    expect(valueOf(read('the later one', {}, partial))).toBe('2026-12-05');
    expect(valueOf(read('the first one', {}, partial))).toBe('2026-11-28');
    expect(valueOf(read('next week', {}, partial))).toBe('2026-12-05');
    expect(read('saturday', {}, partial).kind).toBe('ambiguous');
  });

  test('"next week" and "in March" keep what was said for the day that completes them', () => {
    expect(read('next week')).toEqual({ kind: 'partial', partial: { week: '2026-11-30' }, prompt: 'Sure. Which day next week?' });
    expect(valueOf(read('tuesday', {}, { week: '2026-11-30' }))).toBe('2026-12-01');
    expect(read('in march')).toEqual({ kind: 'partial', partial: { month: '2027-03' }, prompt: 'Sure. What day in March?' });
    expect(valueOf(read('the 14th', {}, { month: '2027-03' }))).toBe('2027-03-14');
    expect(valueOf(read('fourteen', {}, { month: '2027-03' }))).toBe('2027-03-14');
  });

  test('other reference times, zones and daylight saving do not change the calendar', () => {
    expect(valueOf(read('the 14th of March', { reference_time: MONDAY }))).toBe('2027-03-14');
    expect(valueOf(read('the thirty first', { reference_time: MONDAY }))).toBe('2026-07-31');
    expect(valueOf(read('next monday', { reference_time: '2026-08-20T16:45:00+08:00', timezone: 'Australia/Perth' }))).toBe('2026-08-24');
    expect(valueOf(read('tomorrow', { reference_time: '2026-10-05T10:00:00+10:30', timezone: 'Australia/Adelaide' }))).toBe('2026-10-06');
  });
});

describe('capture_date_au repairs', () => {
  const previous = { value: '2027-01-14', fields: {} };
  const repair = (heard: string) => {
    const options = readWhenOptions({ reference_time: THURSDAY }, 0);
    return repairDate(previous, heard, { options, retryCount: 1, partial: undefined });
  };

  test.each([
    ['no, the 15th', '2027-01-15'],
    ['15', '2027-01-15'],
    ['february', '2027-02-14'],
    ['the day after', '2027-01-15'],
    ['a week later', '2027-01-21'],
    ['the 3rd of march', '2027-03-03'],
    ['friday', '2026-11-27'],
  ])('14 January corrected by %j → %s', (heard, expected) => {
    expect(valueOf(repair(heard) as Reading)).toBe(expected);
  });

  test('words that change nothing give no repair', () => {
    expect(repair('hmm')).toBeUndefined();
  });
});

function play(steps: readonly Step[], params: Record<string, string> = {}): string[] {
  return playTurns(captureDateAu, steps, { params: { reference_time: THURSDAY, ...params } }).prompts;
}

describe('a date cut off before its end is never completed by guessing', () => {
  test.each([
    'the twenty',
    'the twenty um',
    'on december the thirty',
    'the fifth of',
    'the twenty of',
    'the 5th of march twenty',
    'the fifth of march two thousand and',
  ])('%j asks for the rest, keeping what was heard', (heard) => {
    const reading = read(heard);
    expect(reading).toMatchObject({ kind: 'partial', partial: { said: expect.any(String) as string } });
    expect(reading.kind === 'partial' && reading.prompt).toMatch(/^Sorry, I only caught .+\. What's the whole date\?$/);
  });

  test.each([
    ['the twentieth', '2026-12-20'],
    ['march twenty', '2027-03-20'],
    ['the fifth of march', '2027-03-05'],
  ])('%j is whole: %s', (heard, value) => {
    expect(valueOf(read(heard))).toBe(value);
  });

  test.each([
    ['the ninth of june two thousand', '2000-06-09'],
    ['born on the 30th of september two thousand um', '2000-09-30'],
  ])('%j is the year 2000 as said, read back whatever the confidence (it may have gone on "and five")', (heard, value) => {
    expect(read(heard, { tense: 'past' })).toMatchObject({ kind: 'value', value, readBack: true });
  });

  test('"two thousand and six" and a year in figures need no read-back of their own', () => {
    expect(read('the ninth of june two thousand and six', { tense: 'past' })).toEqual(expect.not.objectContaining({ readBack: true }));
    expect(read('the ninth of june 2000', { tense: 'past' })).toEqual(expect.not.objectContaining({ readBack: true }));
  });

  test.each([
    ['the twenty', 'first', '2026-12-21'],
    ['the twenty', 'fifth', '2026-12-25'],
    ['the twenty', 'one', '2026-12-21'],
    ['the fifth of', 'march', '2027-03-05'],
    ['the 5th of march twenty', 'twenty seven', '2027-03-05'],
    ['the twenty', 'the twenty first of december', '2026-12-21'],
    ['the twenty', 'sorry, the 3rd', '2026-12-03'],
  ])('after %j, %j completes it: %s', (head, rest, value) => {
    expect(valueOf(read(rest, {}, { said: head }))).toBe(value);
  });

  test.each(['hello', 'yeah', 'um'])('after "the twenty", %j completes nothing', (rest) => {
    expect(read(rest, {}, { said: 'the twenty' }).kind).toBe('none');
  });
});

describe('capture_date_au on the state machine', () => {
  test('a date of birth ending "two thousand" is read back however sure the recogniser was', () => {
    playTurns(
      captureDateAu,
      [
        [{ transcription: 'the ninth of june two thousand', confidence: 0.95 }, 'confirming', '2000-06-09'],
        [{ confirmation: 'yes' }, 'completed', '2000-06-09'],
      ],
      { params: { reference_time: THURSDAY, kind: 'date_of_birth' } },
    );
  });

  test('a cut-off date asks for the rest, and the rest completes it', () => {
    const prompts = play([
      [{ transcription: 'the twenty' }, 'eliciting', ''],
      [{ transcription: 'first' }, 'completed', '2026-12-21'],
    ]);
    expect(prompts[0]).toBe("Sorry, I only caught the twenty. What's the whole date?");
  });

  test('not critical: confident answers complete without a read-back; unsure ones are confirmed', () => {
    play([[{ transcription: 'tomorrow' }, 'completed', '2026-11-27']]);
    const prompts = play([
      [{ transcription: 'tomorrow', confidence: 0.6 }, 'confirming', '2026-11-27'],
      [{ confirmation: 'yep' }, 'completed', '2026-11-27'],
    ]);
    expect(prompts[0]).toBe("Just to confirm, that's Friday the 27th of November 2026. Is that right?");
  });

  test('an ambiguous answer is asked about and completed by the next turn', () => {
    const prompts = play([
      [{ transcription: 'next saturday' }, 'eliciting', '', 'AMBIGUOUS'],
      [{ transcription: 'the one next week' }, 'completed', '2026-12-05'],
    ]);
    expect(prompts[0]).toBe('Just to check, do you mean Saturday the 28th, or Saturday the 5th?');
  });

  test('"next week" is part of a date, not a failed attempt', () => {
    play([
      [{ transcription: 'sometime next week' }, 'eliciting', ''],
      [{ transcription: 'wednesday' }, 'completed', '2026-12-02'],
    ]);
  });

  test('a "no" then a part of the date repairs it', () => {
    play([
      [{ transcription: 'the 14th of january', confidence: 0.6 }, 'confirming', '2027-01-14'],
      [{ confirmation: 'no' }, 'repairing', '', 'NOT_CONFIRMED'],
      [{ transcription: 'the 15th', confidence: 0.6 }, 'confirming', '2027-01-15'],
      [{ confirmation: 'yes' }, 'completed', '2027-01-15'],
    ]);
  });

  test('unknown params are refused; ours are declared', () => {
    expect(Object.keys(captureDateAu.params)).toEqual(['reference_time', 'timezone', 'tense', 'kind']);
  });
});

describe('capture_date_au prompts', () => {
  test('later attempts change strategy: examples, then just the day and the month', () => {
    expect(DATE_PROMPTS.elicit(0)).toBe('What date would that be?');
    expect(DATE_PROMPTS.elicit(0, readWhenOptions({ tense: 'past' }, 0))).toBe('What was the date?');
    expect(DATE_PROMPTS.elicit(1)).toContain('this Friday, or the 14th of March');
    expect(DATE_PROMPTS.elicit(2)).toContain('just the day and the month');
    expect(DATE_PROMPTS.repair(2, { value: '2027-01-14', fields: {} })).toContain('just the day and the month');
  });

  test('the mask hides the year and the day', () => {
    expect(maskDate('1985-07-14')).toBe('****-07-**');
    expect(captureDateAu.mask('2026-11-27')).toBe('****-11-**');
  });
});

describe('relative dates are bounded to a century (found by the fuzzer: a 40-digit count failed the call)', () => {
  test.each([`in ${'9'.repeat(40)} days`, 'in 4000000 weeks', `${'9'.repeat(20)} days from now`, 'in 99999 months'])(
    '%s is no date',
    (heard) => {
      expect(read(heard).kind).toBe('none');
    },
  );

  test('up to a century still is', () => {
    expect(valueOf(read('in 1200 months'))).toBe('2126-11-26');
    expect(valueOf(read(`${'9'.repeat(40)} weeks on friday`))).toBe('2026-11-27');
  });
});
