import { play as playTurns, type Step } from '../../../tests/support/play';
import { runTurn } from '../objective/state-machine';
import { capturePhoneAu, maskPhone } from './index';
import { speakDigits } from './prompts';

/** Runs turns of capture_phone_au, checking each outcome; returns the prompts. */
function play(steps: readonly Step[]): string[] {
  return playTurns(capturePhoneAu, steps).prompts;
}

describe('capture_phone_au on the objective state machine', () => {
  test('single shot: captured, read back and confirmed, with type and national format', () => {
    const { outcome } = runTurn(
      capturePhoneAu,
      undefined,
      { transcription: 'oh four nine one five seven oh one five six', confirmation: 'yep', confidence: 0.9 },
      undefined,
    );
    expect(outcome).toMatchObject({
      state: 'completed',
      value: '+61491570156',
      fields: { type: 'mobile', national: '0491 570 156' },
    });
  });

  test('always read back, even at full confidence, grouped digit by digit', () => {
    const [prompt] = play([[{ transcription: '0491 570 156', confidence: 1 }, 'confirming', '+61491570156']]);
    expect(prompt).toBe("Just to confirm, that's oh four nine one, five seven oh, one five six. Is that right?");
  });

  test('a landline is read back as area code and two groups of four', () => {
    const [prompt] = play([[{ transcription: '02 5550 1234' }, 'confirming', '+61255501234']]);
    expect(prompt).toContain('oh two, five five five oh, one two three four');
  });

  test('eight digits without an area code: the area code is asked for and combined', () => {
    const [prompt] = play([
      [{ transcription: 'five five five oh one two three four' }, 'eliciting', ''],
      [{ transcription: 'oh two' }, 'confirming', '+61255501234'],
      [{ confirmation: 'yes' }, 'completed', '+61255501234'],
    ]);
    expect(prompt).toMatch(/area code/);
  });

  test('the area code may be given as a place', () => {
    play([
      [{ transcription: '5550 1234' }, 'eliciting', ''],
      [{ transcription: "it's a Melbourne number" }, 'confirming', '+61355501234'],
    ]);
  });

  test('an incomplete number: the rest is asked for and joined on', () => {
    const [prompt] = play([
      [{ transcription: 'oh four nine one, five seven oh' }, 'eliciting', ''],
      [{ transcription: 'one five six' }, 'confirming', '+61491570156'],
    ]);
    expect(prompt).toBe("I've got oh four nine one, five seven oh. What are the rest of the digits?");
  });

  test('a mobile said without its leading zero is read as 04 and read back with the oh', () => {
    const [prompt] = play([
      [{ transcription: 'four nine one five seven oh one five six' }, 'confirming', '+61491570156'],
      [{ confirmation: 'yes' }, 'completed', '+61491570156'],
    ]);
    expect(prompt).toBe("Just to confirm, that's oh four nine one, five seven oh, one five six. Is that right?");
  });

  test('a dangling "plus six one": the rest is asked for and joined on', () => {
    const [prompt] = play([
      [{ transcription: 'plus six one' }, 'eliciting', ''],
      [{ transcription: 'four nine one five seven oh one five six' }, 'confirming', '+61491570156'],
    ]);
    expect(prompt).toBe("I've got plus six one. What's the rest of the number?");
  });

  test('a number cut off mid-group: the rest is asked for, keeping what was heard', () => {
    const [prompt] = play([
      [{ transcription: 'oh four nine one, five seven' }, 'eliciting', ''],
      [{ transcription: 'oh one five six' }, 'confirming', '+61491570156'],
    ]);
    expect(prompt).toBe("I've got oh four nine one, five seven. What are the rest of the digits?");
  });

  test('two numbers: asked which, and the answer chooses', () => {
    const [prompt] = play([
      [{ transcription: 'my mobile is 0491 570 156 or the home phone 02 5550 1234' }, 'eliciting', '', 'AMBIGUOUS'],
      [{ transcription: 'the mobile' }, 'confirming', '+61491570156'],
    ]);
    expect(prompt).toBe(
      'I heard oh four nine one, five seven oh, one five six and oh two, five five five oh, one two three four. Which number should I use?',
    );
  });

  test('one number and another that cannot be used: asked, and a yes takes the good one', () => {
    play([
      [{ transcription: "my mobile's 0491 570 156 and my work one is 5550 1234" }, 'eliciting', '', 'AMBIGUOUS'],
      [{ transcription: 'yeah that one' }, 'confirming', '+61491570156'],
    ]);
  });

  test('a corrected group that fits two places: asked where, then placed', () => {
    const [prompt] = play([
      [{ transcription: '0491 570 156 sorry 999' }, 'eliciting', '', 'AMBIGUOUS'],
      [{ transcription: 'at the end' }, 'confirming', '+61491570999'],
    ]);
    expect(prompt).toBe('Sorry, does nine nine nine go at the middle or the end of the number?');
  });

  test('a correction in the confirmation replaces part of the number', () => {
    play([
      [{ transcription: '0491 570 156' }, 'confirming', '+61491570156'],
      [{ confirmation: 'no the last three are 159' }, 'confirming', '+61491570159'],
      [{ confirmation: "no it's 0492 not 0491" }, 'confirming', '+61492570159'],
      [{ confirmation: 'no, 0491 571 266' }, 'confirming', '+61491571266'],
      [{ confirmation: 'spot on' }, 'completed', '+61491571266'],
    ]);
  });

  test('a correction that contradicts the read-back is not applied, and the number no longer awaits a plain yes', () => {
    // "ends in 789 not 788": the read-back ended in 678, so which digits the caller means is not known.
    const [, asked] = play([
      [{ transcription: 'oh four one two three four five six seven eight' }, 'confirming', '+61412345678'],
      [{ confirmation: 'it ends in seven eight nine not seven eight eight' }, 'repairing', '', 'AMBIGUOUS'],
      [{ transcription: 'it ends in seven eight nine' }, 'confirming', '+61412345789'],
      [{ confirmation: 'yes' }, 'completed', '+61412345789'],
    ]);
    expect(asked).toBe(
      "Sorry, I'm not sure which digits to change. I've got oh four one two, three four five, six seven eight. What's the right number?",
    );
    // A bare yes after the question confirms nothing: there is no value awaiting it.
    play([
      [{ transcription: '0412 345 678' }, 'confirming', '+61412345678'],
      [{ confirmation: 'the last three are 7 8' }, 'repairing', '', 'AMBIGUOUS'],
      [{ transcription: 'yes' }, 'repairing', '', 'NO_VALUE'],
      [{ transcription: '0412 345 789' }, 'confirming', '+61412345789'],
    ]);
  });

  test('a "no" goes to REPAIRING; a group then corrects the number read back', () => {
    play([
      [{ transcription: '0491 570 156' }, 'confirming', '+61491570156'],
      [{ confirmation: 'nah' }, 'repairing', '', 'NOT_CONFIRMED'],
      [{ transcription: 'one five nine at the end' }, 'confirming', '+61491570159'],
      [{ confirmation: 'yes' }, 'completed', '+61491570159'],
    ]);
  });

  test('an emergency number is never captured, and the prompt says so', () => {
    const [prompt] = play([[{ transcription: 'triple zero' }, 'eliciting', '', 'NO_VALUE']]);
    expect(prompt).toMatch(/triple zero/);
  });

  test('a foreign number is refused with its own prompt', () => {
    const [prompt] = play([[{ transcription: '+44 20 7946 0958' }, 'eliciting', '', 'NO_VALUE']]);
    expect(prompt).toMatch(/Australian/);
  });

  test('fails after three failed attempts', () => {
    play([
      [{ transcription: 'purple' }, 'eliciting', '', 'NO_VALUE'],
      [{ transcription: 'banana' }, 'eliciting', '', 'NO_VALUE'],
      [{ transcription: 'hmm' }, 'eliciting', '', 'NO_VALUE'],
      [{ transcription: 'no' }, 'failed', '', 'MAX_RETRIES_EXCEEDED'],
    ]);
  });

  test('later prompts change strategy: ask for the number in groups', () => {
    const elicit = [0, 1, 2].map((n) => capturePhoneAu.prompts.elicit(n));
    expect(new Set(elicit).size).toBe(3);
    expect(elicit[2]).toBe('Could you say it in groups, like oh four one two, three four five, six seven eight?');
    expect(capturePhoneAu.prompts.repair(2, { value: '+61491570156', fields: {} })).toMatch(/groups/);
  });
});

describe('speaking and masking', () => {
  test.each([
    ['0491570156', 'oh four nine one, five seven oh, one five six'],
    ['0255501234', 'oh two, five five five oh, one two three four'],
    ['1300975707', 'one three oh oh, nine seven five, seven oh seven'],
    ['132221', 'one three, two two, two one'],
  ])('%s is read back as "%s"', (digits, spoken) => {
    expect(speakDigits(digits)).toBe(spoken);
  });

  test('the mask keeps the last three digits only', () => {
    expect(maskPhone('+61412345678')).toBe('+61*******678');
    expect(maskPhone('+611300975707')).toBe('+61*******707');
    expect(maskPhone('nonsense')).toBe('***');
  });
});
