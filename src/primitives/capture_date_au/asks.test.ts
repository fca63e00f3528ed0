import { play as playTurns, type Step } from '../../../tests/support/play';
import { captureDatetimeAu } from '../capture_datetime_au';
import { captureDateAu } from '.';

/**
 * Dates a careful person asks about instead of guessing (issue 12): a weekday said on that same
 * weekday, "next <weekday>" said early in the week, the 29th of February in a year without one,
 * and any date that does not exist. Each prompt offers the choice, and the answer is understood.
 */
const TUESDAY = '2027-03-09T10:15:00+11:00'; // Tuesday 9 March 2027, Sydney
const MONDAY = '2027-03-08T10:15:00+11:00';
const JANUARY = '2027-01-12T10:15:00+11:00'; // the coming February (2027) has no 29th

function play(steps: readonly Step[], params: Record<string, string> = {}): string[] {
  return playTurns(captureDateAu, steps, { params: { reference_time: TUESDAY, ...params } }).prompts;
}

describe('a weekday said on that same weekday', () => {
  test('"Tuesday" said on a Tuesday: today, or next week?', () => {
    const prompts = play([[{ transcription: 'tuesday' }, 'eliciting', '', 'AMBIGUOUS']]);
    expect(prompts[0]).toBe('Just to check, do you mean today, Tuesday the 9th, or Tuesday the 16th?');
  });

  test.each([
    ['today', '2027-03-09'],
    ['next week', '2027-03-16'],
    ['the 16th', '2027-03-16'],
    ['next tuesday', '2027-03-16'],
    ['the later one', '2027-03-16'],
    ['the first one', '2027-03-09'],
  ])('the answer %j is understood: %s', (answer, value) => {
    play([
      [{ transcription: 'tuesday' }, 'eliciting', '', 'AMBIGUOUS'],
      [{ transcription: answer }, 'completed', value],
    ]);
  });

  test('with tense past: today, or last week', () => {
    const prompts = play([[{ transcription: 'on tuesday' }, 'eliciting', '', 'AMBIGUOUS']], { tense: 'past' });
    expect(prompts[0]).toBe('Just to check, do you mean Tuesday the 2nd, or today, Tuesday the 9th?');
  });

  test('"this Tuesday" and "next Tuesday" said on a Tuesday are not asked about', () => {
    play([[{ transcription: 'this tuesday' }, 'completed', '2027-03-09']]);
    play([[{ transcription: 'next tuesday' }, 'completed', '2027-03-16']]);
  });

  test('a datetime too: "Tuesday at 3 pm" said on a Tuesday', () => {
    const played = playTurns(
      captureDatetimeAu,
      [
        [{ transcription: 'tuesday at 3 pm' }, 'eliciting', '', 'AMBIGUOUS'],
        [{ transcription: 'today' }, 'confirming', '2027-03-09T15:00'],
      ],
      { params: { reference_time: TUESDAY } },
    );
    expect(played.prompts[0]).toContain('today, Tuesday the 9th, or Tuesday the 16th');
  });
});

describe('"next <weekday>" where speakers differ', () => {
  test('said early in the week, both dates are offered, and either answer is understood', () => {
    const prompts = play([[{ transcription: 'next friday' }, 'eliciting', '', 'AMBIGUOUS']], { reference_time: MONDAY });
    expect(prompts[0]).toBe('Just to check, do you mean Friday the 12th, or Friday the 19th?');
    play(
      [
        [{ transcription: 'next friday' }, 'eliciting', '', 'AMBIGUOUS'],
        [{ transcription: 'this friday' }, 'completed', '2027-03-12'],
      ],
      { reference_time: MONDAY },
    );
    play(
      [
        [{ transcription: 'next friday' }, 'eliciting', '', 'AMBIGUOUS'],
        [{ transcription: 'the one after' }, 'completed', '2027-03-19'],
      ],
      { reference_time: MONDAY },
    );
    play(
      [
        [{ transcription: 'next friday' }, 'eliciting', '', 'AMBIGUOUS'],
        [{ transcription: 'friday next week' }, 'completed', '2027-03-19'],
      ],
      { reference_time: MONDAY },
    );
  });

  test('"next Wednesday" said on a Tuesday is next week\'s: tomorrow would be "tomorrow"', () => {
    play([[{ transcription: 'next wednesday' }, 'completed', '2027-03-17']]);
  });
});

describe('dates that do not exist are asked about, never rolled over', () => {
  test('the 29th of February when the coming February has none: the 28th, or the 1st of March?', () => {
    const prompts = play([[{ transcription: 'the 29th of february' }, 'eliciting', '', 'AMBIGUOUS']], { reference_time: JANUARY });
    expect(prompts[0]).toBe("Sorry, there's no 29th of February this year. Did you mean the 28th of February, or the 1st of March?");
    play(
      [
        [{ transcription: 'the 29th of february' }, 'eliciting', '', 'AMBIGUOUS'],
        [{ transcription: 'the 28th' }, 'completed', '2027-02-28'],
      ],
      { reference_time: JANUARY },
    );
    play(
      [
        [{ transcription: 'the 29th of february' }, 'eliciting', '', 'AMBIGUOUS'],
        [{ transcription: 'the first of march' }, 'completed', '2027-03-01'],
      ],
      { reference_time: JANUARY },
    );
  });

  test('the 29th of February when the coming February has one is taken', () => {
    play([[{ transcription: 'the 29th of february' }, 'completed', '2028-02-29']]);
  });

  test('the 29th of February with a year without one', () => {
    const prompts = play([[{ transcription: 'the 29th of february 2029' }, 'eliciting', '', 'AMBIGUOUS']]);
    expect(prompts[0]).toBe("Sorry, there's no 29th of February in 2029. Did you mean the 28th of February, or the 1st of March?");
    play([
      [{ transcription: 'the 29th of february 2029' }, 'eliciting', '', 'AMBIGUOUS'],
      [{ transcription: 'the second one' }, 'completed', '2029-03-01'],
    ]);
  });

  test('the 31st of April: the 30th, or the 1st of May?', () => {
    const prompts = play([[{ transcription: 'the 31st of april' }, 'eliciting', '', 'AMBIGUOUS']]);
    expect(prompts[0]).toBe("Sorry, there's no 31st of April. Did you mean the 30th of April, or the 1st of May?");
    play([
      [{ transcription: 'the 31st of april' }, 'eliciting', '', 'AMBIGUOUS'],
      [{ transcription: 'the 30th' }, 'completed', '2027-04-30'],
    ]);
  });

  test('a new date instead of either offer is read as said', () => {
    play([
      [{ transcription: 'the 31st of april' }, 'eliciting', '', 'AMBIGUOUS'],
      [{ transcription: 'actually the 5th of may' }, 'completed', '2027-05-05'],
    ]);
  });

  test('a day no month has is refused with a question', () => {
    const prompts = play([[{ transcription: 'the 32nd of march' }, 'eliciting', '', 'NO_VALUE']]);
    expect(prompts[0]).toMatch(/^Sorry, there is no 32nd of March\. What date did you mean\?/);
  });
});
