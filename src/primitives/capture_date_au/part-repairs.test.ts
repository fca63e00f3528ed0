import { play as playTurns, type Step } from '../../../tests/support/play';
import { captureDatetimeAu } from '../capture_datetime_au';
import { captureDateAu } from '.';

/**
 * Repairs of part of a date or a day and time (issue 12): only the day, the month, the year or
 * the time replaced, at confirmation and as a self-correction in the same breath. Said on
 * Tuesday 9 March 2027 in Sydney. A repair that cannot be applied unambiguously asks.
 */
const TUESDAY = '2027-03-09T10:15:00+11:00';
const date = (steps: readonly Step[], params: Record<string, string> = {}) =>
  playTurns(captureDateAu, steps, { params: { reference_time: TUESDAY, ...params } }).prompts;
const datetime = (steps: readonly Step[]) => playTurns(captureDatetimeAu, steps, { params: { reference_time: TUESDAY } }).prompts;

const APRIL: Step = [{ transcription: 'the 14th of april', confidence: 0.5 }, 'confirming', '2027-04-14'];
const BIRTH: Step = [{ transcription: 'the 14th of april 1985', confidence: 0.5 }, 'confirming', '1985-04-14'];

describe('at confirmation, a date', () => {
  test.each([
    ['no, the fifteenth', '2027-04-15'],
    ['not april, may', '2027-05-14'],
    ['no, may not april', '2027-05-14'],
    ["the day's right but it's june", '2027-06-14'],
    ["the month's right but it's the 12th", '2027-04-12'],
  ])('14 April repaired by %j → %s', (said, value) => {
    date([APRIL, [{ confirmation: said }, 'confirming', value], [{ confirmation: 'yes' }, 'completed', value]]);
  });

  test.each([
    ['no, 1986', '1986-04-14'],
    ['the year is eighty six', '1986-04-14'],
    ['not eighty five, eighty six', '1986-04-14'],
    ['same day but 1986', '1986-04-14'],
    ['no, the 15th', '1985-04-15'],
  ])('a date of birth, 14 April 1985, repaired by %j → %s', (said, value) => {
    date([BIRTH, [{ confirmation: said }, 'confirming', value], [{ confirmation: 'yes' }, 'completed', value]], { kind: 'date_of_birth' });
  });

  test('a part ruled out that the date has not got is asked about, and the next answer repairs it', () => {
    const prompts = date([
      APRIL,
      [{ confirmation: 'not march, may' }, 'repairing', '', 'AMBIGUOUS'],
      [{ transcription: 'the 14th of may', confidence: 0.5 }, 'confirming', '2027-05-14'],
    ]);
    expect(prompts[1]).toBe("Sorry, I'm not sure which part to change. I've got Wednesday the 14th of April 2027. What's the right date?");
  });

  test('a new month without the day is asked about, never rolled over', () => {
    const prompts = date([
      [{ transcription: 'the 31st of march', confidence: 0.5 }, 'confirming', '2027-03-31'],
      [{ confirmation: 'not march, april' }, 'repairing', '', 'AMBIGUOUS'],
      [{ transcription: 'the 30th' }, 'completed', '2027-04-30'],
    ]);
    expect(prompts[1]).toBe("Sorry, there's no 31st of April. Did you mean the 30th of April, or the 1st of May?");
    date([
      [{ transcription: 'the 31st of march', confidence: 0.5 }, 'confirming', '2027-03-31'],
      [{ confirmation: 'not march, april' }, 'repairing', '', 'AMBIGUOUS'],
      [{ transcription: 'the first one' }, 'completed', '2027-04-30'],
    ]);
  });

  test('a year that makes a date of birth still to come is refused', () => {
    date([BIRTH, [{ confirmation: 'no, 2030' }, 'repairing', '', 'NOT_CONFIRMED']], { kind: 'date_of_birth' });
  });
});

describe('in the same breath, a date', () => {
  test.each([
    ['the 14th of april, not april, may', '2027-05-14'],
    ['the 14th of march, no, the fifteenth', '2027-03-15'],
  ])('%j → %s', (said, value) => {
    date([[{ transcription: said }, 'completed', value]]);
  });

  test('a year repaired: "the 14th of April 1985, no, 1986"', () => {
    date([[{ transcription: 'the 14th of april 1985, no, 1986' }, 'completed', '1986-04-14']], { kind: 'date_of_birth' });
  });

  test('a month ruled out that was not said is asked about, never guessed', () => {
    date([[{ transcription: 'the 14th of april, not march, may' }, 'eliciting', '', 'AMBIGUOUS']]);
  });
});

describe('a day and time', () => {
  const FRIDAY: Step = [{ transcription: 'friday at 2pm' }, 'confirming', '2027-03-12T14:00'];

  test.each([
    ['same day but at 3', '2027-03-12T15:00'],
    ["the time's right but it's the 15th", '2027-03-15T14:00'],
    ['no, the 15th', '2027-03-15T14:00'],
    ['the day is right but the time is 4', '2027-03-12T16:00'],
    ['3 not 2', '2027-03-12T15:00'],
    ['not 2, 3', '2027-03-12T15:00'],
    ['not at 2, at half 3', '2027-03-12T15:30'],
    ['not the 12th, the 19th', '2027-03-19T14:00'],
    ['same time but thursday', '2027-03-11T14:00'],
  ])('Friday 12 March at 2 pm repaired by %j → %s', (said, value) => {
    datetime([FRIDAY, [{ confirmation: said }, 'confirming', value]]);
  });

  test('the month alone, the time kept', () => {
    datetime([
      [{ transcription: 'the 14th of may at 2pm' }, 'confirming', '2027-05-14T14:00'],
      [{ confirmation: 'not may, june' }, 'confirming', '2027-06-14T14:00'],
    ]);
  });

  test('in the same breath: "the 14th of May at 2 pm, not May, June"', () => {
    datetime([[{ transcription: 'the 14th of may at 2pm, not may, june' }, 'confirming', '2027-06-14T14:00']]);
  });
});
