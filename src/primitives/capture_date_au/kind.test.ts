import { play as playTurns, type Step } from '../../../tests/support/play';
import { captureDatetimeAu } from '../capture_datetime_au';
import { readOptions } from '../objective/state-machine';
import { InvalidParamsError } from '../types';
import { readDateOptions } from '../when/options';
import { DATE_PROMPTS } from './prompts';
import { captureDateAu } from '.';

/** Param `kind`: what the date is for (issue 12). Said on Tuesday 9 March 2027 in Sydney. */
const TUESDAY = '2027-03-09T10:15:00+11:00';

function play(steps: readonly Step[], params: Record<string, string> = {}): string[] {
  return playTurns(captureDateAu, steps, { params: { reference_time: TUESDAY, kind: 'date_of_birth', ...params } }).prompts;
}

describe('param kind', () => {
  test('sets the tense: a date of birth and an event are past, an appointment future; none leaves the tense as given', () => {
    expect(readDateOptions({ kind: 'date_of_birth' }, 0)).toMatchObject({ kind: 'date_of_birth', tense: 'past' });
    expect(readDateOptions({ kind: 'event' }, 0)).toMatchObject({ kind: 'event', tense: 'past' });
    expect(readDateOptions({ kind: 'appointment' }, 0)).toMatchObject({ kind: 'appointment', tense: 'future' });
    expect(readDateOptions({ kind: 'none', tense: 'any' }, 0)).toMatchObject({ tense: 'any' });
    expect(readDateOptions({}, 0).kind).toBeUndefined();
    expect(readDateOptions({ kind: ' Date_Of_Birth ' }, 0).kind).toBe('date_of_birth');
  });

  test('the same tense given again is fine; a blank tense is absent', () => {
    expect(readDateOptions({ kind: 'date_of_birth', tense: 'past' }, 0).tense).toBe('past');
    expect(readDateOptions({ kind: 'appointment', tense: 'future' }, 0).tense).toBe('future');
    expect(readDateOptions({ kind: 'date_of_birth', tense: '  ' }, 0).tense).toBe('past');
  });

  test.each([
    ['date_of_birth', 'future'],
    ['date_of_birth', 'any'],
    ['event', 'future'],
    ['appointment', 'past'],
  ])('kind %s with tense %s given is refused, naming both params', (kind, tense) => {
    expect(() => readOptions(captureDateAu, { kind, tense }, 0)).toThrow(InvalidParamsError);
    expect(() => readOptions(captureDatetimeAu, { kind, tense }, 0)).toThrow(/params\.tense .*params\.kind/);
  });

  test('an unknown kind is refused, listing the kinds', () => {
    expect(() => readOptions(captureDateAu, { kind: 'birthday' }, 0)).toThrow(
      'params.kind must be one of none, date_of_birth, appointment, event, got "birthday"',
    );
  });

  test('an appointment is in the future, an event in the past', () => {
    playTurns(captureDateAu, [[{ transcription: 'friday' }, 'completed', '2027-03-12']], {
      params: { reference_time: TUESDAY, kind: 'appointment' },
    });
    playTurns(captureDateAu, [[{ transcription: 'friday' }, 'completed', '2027-03-05']], {
      params: { reference_time: TUESDAY, kind: 'event' },
    });
    playTurns(captureDateAu, [[{ transcription: 'yesterday' }, 'eliciting', '', 'NO_VALUE']], {
      params: { reference_time: TUESDAY, kind: 'appointment' },
    });
  });
});

describe('a date of birth', () => {
  test('is asked for as one', () => {
    expect(DATE_PROMPTS.elicit(0, readDateOptions({ kind: 'date_of_birth' }, 0))).toBe("What's the date of birth?");
    expect(DATE_PROMPTS.elicit(1, readDateOptions({ kind: 'date_of_birth' }, 0))).toContain('the day, the month and the year');
  });

  test.each([
    ['the 14th of march 1985', '1985-03-14'],
    ['fourteenth of march nineteen eighty five', '1985-03-14'],
    ['14/3/85', '1985-03-14'],
    ['the 5th of may 2005', '2005-05-05'],
    ['the 9th of march 2027', '2027-03-09'], // born today: an age of 0
    ['the 10th of march 1907', '1907-03-10'], // an age of 119
  ])('%j is taken: %s', (heard, value) => {
    play([[{ transcription: heard }, 'completed', value]]);
  });

  test.each(['the twenty second', 'the 3rd, nineteen ninety', 'um the ninth'])(
    'a day alone (%j) is no date of birth: the whole date is asked for, nothing taken',
    (said) => {
      const prompts = play([[{ transcription: said }, 'eliciting', '', 'NO_VALUE']]);
      expect(prompts[0]).toMatch(/^Sorry, I'll need the date of birth itself/);
    },
  );

  test.each([
    ['twenty two seven ninety', '1990-07-22'],
    ["it's seven eight two thousand and one", '2001-08-07'],
    ['thirty one twelve eighty', '1980-12-31'],
  ])('said as three figures, day month year (%j), it is read and always read back: %s', (said, value) => {
    play([
      [{ transcription: said, confidence: 0.95 }, 'confirming', value],
      [{ confirmation: 'yes' }, 'completed', value],
    ]);
  });

  test('three figures that read as a clock time ("three eleven …" is 3:11) are not taken as a date', () => {
    play([[{ transcription: 'three eleven sixty two' }, 'eliciting', '', 'NO_VALUE']]);
  });

  test('without its year: the day and the month are kept and the year asked for, not a failed attempt', () => {
    const prompts = play([
      [{ transcription: 'the 14th of march' }, 'eliciting', ''],
      [{ transcription: '1985' }, 'completed', '1985-03-14'],
    ]);
    expect(prompts[0]).toBe('Thanks, the 14th of March. And what year?');
  });

  test.each([
    ['nineteen eighty five', '1985-03-14'],
    ['eighty five', '1985-03-14'],
    ['born in 85', '1985-03-14'],
    ['oh five', '2005-03-14'],
    ['two thousand and three', '2003-03-14'],
    ['the 14th of march 1986', '1986-03-14'],
  ])('the year answered as %j: %s', (year, value) => {
    play([
      [{ transcription: 'the 14th of march' }, 'eliciting', ''],
      [{ transcription: year }, 'completed', value],
    ]);
  });

  test('an answer with no year asks for it again, keeping the day and the month', () => {
    const prompts = play([
      [{ transcription: 'the 14th of march' }, 'eliciting', ''],
      [{ transcription: 'um' }, 'eliciting', '', 'NO_VALUE'],
      [{ transcription: '1985' }, 'completed', '1985-03-14'],
    ]);
    expect(prompts[1]).toMatch(/^Sorry, what year was that, for the 14th of March\?/);
  });

  test('the 29th of February: the year is asked for, and a year without one is asked about', () => {
    play([
      [{ transcription: 'the 29th of february' }, 'eliciting', ''],
      [{ transcription: '1988' }, 'completed', '1988-02-29'],
    ]);
    const prompts = play([
      [{ transcription: 'the 29th of february' }, 'eliciting', ''],
      [{ transcription: '1985' }, 'eliciting', '', 'AMBIGUOUS'],
      [{ transcription: 'the first of march' }, 'completed', '1985-03-01'],
    ]);
    expect(prompts[1]).toBe("Sorry, there's no 29th of February in 1985. Did you mean the 28th of February, or the 1st of March?");
  });

  test.each([
    'tomorrow',
    'today',
    'yesterday',
    'next week',
    'last friday',
    'friday',
    'christmas day',
    'in a fortnight',
    'the 5th of next month',
  ])('said relatively (%j) is asked for as a date', (heard) => {
    const prompts = play([[{ transcription: heard }, 'eliciting', '', 'NO_VALUE']]);
    expect(prompts[0]).toMatch(/^Sorry, I'll need the date of birth itself: the day, the month and the year/);
  });

  test('an age over 120 is asked about', () => {
    const prompts = play([[{ transcription: 'the 3rd of may 1890' }, 'eliciting', '', 'NO_VALUE']]);
    expect(prompts[0]).toMatch(/^Sorry, 1890 would make an age over 120\./);
    play([[{ transcription: 'the 8th of march 1907' }, 'eliciting', '', 'NO_VALUE']]);
  });

  test.each([
    ['third of may eighteen ninety', '1890'],
    ['the third of may eighteen hundred and ninety', '1890'],
    ['the 3rd of may nineteen oh five', '1905'],
  ])('a year said as two pairs is that year: %j is %s, an age over 120, asked about', (heard, year) => {
    const prompts = play([[{ transcription: heard }, 'eliciting', '', 'NO_VALUE']]);
    expect(prompts[0]).toMatch(new RegExp(`^Sorry, ${year} would make an age over 120\\.`));
  });

  test.each([
    ['the 3rd of may nineteen ten', '1910-05-03'],
    ['the fifth of may twenty oh five', '2005-05-05'],
    ['the fifth of may two thousand and five', '2005-05-05'],
    ['the fifth of may oh five', '2005-05-05'],
  ])('a year said as pairs, or short: %j is %s', (heard, value) => {
    play([[{ transcription: heard }, 'completed', value]]);
  });

  test('a date still to come is asked about', () => {
    play([[{ transcription: 'the 3rd of may 2030' }, 'eliciting', '', 'NO_VALUE']]);
    play([
      [{ transcription: 'the 14th of march' }, 'eliciting', ''],
      [{ transcription: '2028' }, 'eliciting', '', 'NO_VALUE'],
    ]);
  });

  test('a month and a year ask for the day', () => {
    play([
      [{ transcription: 'march 1985' }, 'eliciting', ''],
      [{ transcription: 'the 14th' }, 'completed', '1985-03-14'],
    ]);
  });

  test('keyed DDMMYYYY', () => {
    play([[{ dtmf: '14031985#' }, 'completed', '1985-03-14']]);
  });

  test('a datetime of birth: the year is asked for, the time kept', () => {
    playTurns(
      captureDatetimeAu,
      [
        [{ transcription: 'the 14th of march at 3 am' }, 'eliciting', ''],
        [{ transcription: '1985' }, 'confirming', '1985-03-14T03:00'],
      ],
      { params: { reference_time: TUESDAY, kind: 'date_of_birth' } },
    );
  });
});
