import { play as playTurns, type Step } from '../../../tests/support/play';
import { readOptions, runTurn, readTurnInput } from '../objective/state-machine';
import { InvalidParamsError } from '../types';
import { captureYesNo, type YesNoOptions } from '.';
import { frameQuestion } from './question';

const Q = {
  reminder: 'Do you want a reminder text?',
  current: 'Is the address still current?',
  record: 'Do you mind if I record this call?',
  wait: 'Would you mind waiting a few minutes?',
  happy: 'Are you happy with that time?',
  letter: 'Have you received the letter?',
  holder: 'Are you the account holder?',
  hold: 'Is it OK if I put you on hold for a moment?',
  changed: 'Has your phone number changed?',
  live: 'Do you still live at 12 Smith Street?',
};

/** What one first-turn answer captures: "yes", "no", or the error code when nothing is. */
function answer(transcription: string, question?: string): string {
  const options = readOptions(captureYesNo, question === undefined ? {} : { question }, 0);
  const { outcome } = runTurn(captureYesNo, options, { transcription, confidence: 0.9 }, undefined);
  return outcome.state === 'completed' ? outcome.value : `(${outcome.error?.code})`;
}

describe('capture_yes_no reads answers without a question', () => {
  test.each([
    ['yes', 'yes'],
    ['Yeah.', 'yes'],
    ['yep', 'yes'],
    ['too right', 'yes'],
    ['righto', 'yes'],
    ['spot on', 'yes'],
    ['sweet as', 'yes'],
    ['no worries', 'yes'],
    ['no dramas', 'yes'],
    ['no probs', 'yes'],
    ['nah yeah', 'yes'],
    ["yeah no that's right", 'yes'],
    ['no', 'no'],
    ['nah', 'no'],
    ['nup', 'no'],
    ['nope', 'no'],
    ['yeah nah', 'no'],
    ['not quite', 'no'],
    ['no wait yes', 'yes'],
    ['yes sorry I mean no', 'no'],
    // never guessed
    ['maybe', '(NO_VALUE)'],
    ["I don't know", '(NO_VALUE)'],
    ['not sure', '(NO_VALUE)'],
    ['depends', '(NO_VALUE)'],
    // a request to repeat asks the question again, with no error and no attempt used (turn control)
    ['can you repeat that', '(undefined)'],
    ['what was the question', '(undefined)'],
    ['yes no', '(AMBIGUOUS)'],
    // flip-flops: the last answer when the caller comes back to it and settles, else asked
    ['yes, no, yes', 'yes'],
    ['no, yes, no', 'no'],
    ['yes yes no yes', 'yes'],
    ['yeah, nope, yeah', 'yes'],
    ['yes no no', 'no'],
    ['no, yes, um, no', 'no'],
    ['yes no yes no', '(AMBIGUOUS)'],
    ['no yes yes no', '(AMBIGUOUS)'],
    ['yes yes no', '(AMBIGUOUS)'],
    ['yeah nah yeah nah', '(AMBIGUOUS)'],
    ['no yes', '(AMBIGUOUS)'],
    ['yes but only on weekdays', '(AMBIGUOUS)'],
    ["I'm good", '(NO_VALUE)'],
    ['the weather is nice', '(NO_VALUE)'],
  ])('%j → %s', (heard, expected) => {
    expect(answer(heard)).toBe(expected);
  });
});

describe('capture_yes_no reads answers that depend on the question', () => {
  test.each([
    // "do you mind…?": the value is whether the caller agrees
    [Q.record, 'not at all', 'yes'],
    [Q.record, 'no', 'yes'],
    [Q.record, "no I don't mind", 'yes'],
    [Q.record, 'nah go for it', 'yes'],
    [Q.record, "yeah nah that's fine", 'yes'],
    [Q.record, 'go ahead', 'yes'],
    [Q.record, "I don't", 'yes'],
    [Q.record, 'I do actually', 'no'],
    [Q.record, 'yes I do', 'no'],
    [Q.record, "I'd rather you didn't", 'no'],
    [Q.record, "I don't want to be recorded", 'no'],
    [Q.record, 'yes', '(AMBIGUOUS)'],
    [Q.wait, "no that's fine I can wait", 'yes'],
    [Q.wait, "I'd rather not", 'no'],
    // for any other question "not at all" is a no
    [Q.happy, 'not at all', 'no'],
    [Q.happy, "I'm happy", 'yes'],
    [Q.happy, 'nah all good', 'yes'],
    // offers: acceptance after a no, and "I'm good", decline
    [Q.reminder, "I'm good thanks", 'no'],
    [Q.reminder, "nah I'm right", 'no'],
    [Q.reminder, "no that's fine", 'no'],
    [Q.reminder, 'nah all good', 'no'],
    [Q.reminder, "I'd love one", 'yes'],
    [Q.reminder, 'please', 'yes'],
    [Q.reminder, "I don't mind", '(NO_VALUE)'],
    // "is it OK if…?": the no is "no problem"
    [Q.hold, "no that's fine", 'yes'],
    [Q.hold, "I don't mind", 'yes'],
    // echo answers with the question's own verb
    [Q.letter, 'I have', 'yes'],
    [Q.letter, "I haven't", 'no'],
    [Q.letter, 'not yet', 'no'],
    [Q.letter, "haven't seen it", 'no'],
    [Q.holder, 'I am', 'yes'],
    [Q.holder, "I'm not", 'no'],
    [Q.holder, "I'm the account holder", 'yes'],
    [Q.live, 'I do', 'yes'],
    [Q.current, "it's still current", 'yes'],
    [Q.current, "it's not current anymore", 'no'],
    [Q.current, 'the address?', '(NO_VALUE)'],
    // change: "nothing's changed" answers "still current?" and "has it changed?" oppositely
    [Q.current, "nothing's changed", 'yes'],
    [Q.current, "we've moved", 'no'],
    [Q.changed, "nothing's changed", 'no'],
    [Q.changed, 'yeah it has changed', 'yes'],
    [Q.live, 'we moved last year', 'no'],
  ])('%s %j → %s', (question, heard, expected) => {
    expect(answer(heard, question)).toBe(expected);
  });

  test.each([
    // an absence denies a question that asks whether someone or something is
    ['Is anyone living at the address?', 'nobody lives there anymore', 'no'],
    ['Is the unit tenanted at the moment?', "there's no tenant in it right now", 'no'],
    ['Was anything taken?', 'nothing was taken as far as I can tell', 'no'],
    ['Did anyone else see the accident?', 'no one else was around', 'no'],
    ['Is there someone home during the day?', "there's nobody home till six", 'no'],
    ['Do you still have the vehicle?', 'nobody has it now, I sold it', 'no'],
    ['Do you need anything else today?', 'nothing thanks', 'no'],
    // a trouble denied: no to a question about that trouble, yes to one about all being well
    ['Was anyone injured?', 'nobody got hurt thank god', 'no'],
    ['Is there any damage to the vehicle?', 'no damage at all', 'no'],
    ['Is the car OK?', 'nothing wrong with it', 'yes'],
    ['Is everything alright at the property?', "nothing's broken", 'yes'],
    // a change denied is no change
    [Q.current, "nothing's different", 'yes'],
    [Q.changed, "nothing's different", 'no'],
    // a state opposite to the question's, said as a statement; "not" before it is a yes
    ['Is the property currently occupied?', "it's vacant since March", 'no'],
    ['Is the shop open on Sundays?', "nah it's closed Sundays", 'no'],
    ['Is your phone connected?', "it's disconnected at the moment", 'no'],
    ['Has the invoice been paid?', "it's still overdue", 'no'],
    ['Is the house occupied?', "it isn't empty, my son's there", 'yes'],
    ['Is the gate locked?', "it's unlocked", 'no'],
    // the question does not make the polarity clear: asked again
    ['Is the house empty?', "nobody's there", '(NO_VALUE)'],
    ['Is the flat vacant?', "nobody's living in it", '(NO_VALUE)'],
    ['Are you the only person living there?', 'nobody else lives here', '(NO_VALUE)'],
    ["Isn't anyone home?", 'no one at the moment', '(NO_VALUE)'],
    ['Is the car OK?', "nobody's touched it", '(NO_VALUE)'],
    ['Is the property occupied?', 'nothing wrong with it', '(NO_VALUE)'],
    [Q.record, 'nobody minds', '(AMBIGUOUS)'],
    [undefined, "nobody's there", '(NO_VALUE)'],
    [undefined, 'it is empty', '(NO_VALUE)'],
  ])('%s %j → %s', (question, heard, expected) => {
    expect(answer(heard, question)).toBe(expected);
  });

  test('an empty question is the same as none', () => {
    expect(readOptions(captureYesNo, { question: '   ' }, 0)).toEqual({ question: undefined });
    expect(answer("I'm good", '')).toBe(answer("I'm good"));
  });
});

describe('capture_yes_no params', () => {
  test('question is its only extra param; it must be a question in words', () => {
    expect(Object.keys(captureYesNo.params)).toEqual(['question']);
    expect(readOptions(captureYesNo, { question: ' Do you want a reminder text? ' }, 0)).toEqual({
      question: 'Do you want a reminder text?',
    });
    expect(() => readOptions(captureYesNo, { question: '???' }, 0)).toThrow(InvalidParamsError);
    expect(() => readOptions(captureYesNo, { question: '123' }, 0)).toThrow(/params\.question/);
  });

  test('unknown params are refused by the state machine', () => {
    expect(() => readTurnInput({ questions: 'x' }, Object.keys(captureYesNo.params), captureYesNo.objectiveType)).toThrow(
      /params\.questions/,
    );
  });
});

describe('capture_yes_no on the objective state machine', () => {
  function play(steps: readonly Step[], options: YesNoOptions = { question: undefined }): string[] {
    const params: Record<string, string> = options.question === undefined ? {} : { question: options.question };
    return playTurns(captureYesNo, steps, { params, strictErrors: false }).path;
  }

  test('the answer is its own confirmation: single shot, no read-back', () => {
    expect(play([[{ transcription: 'yep' }, 'completed', 'yes']])).toEqual([
      'pending>eliciting',
      'eliciting>captured',
      'captured>confirmed',
      'confirmed>completed',
    ]);
  });

  test('turn by turn: the first call elicits, the answer completes', () => {
    play([
      [{}, 'eliciting', '', /yes or a no/],
      [{ transcription: 'nah' }, 'completed', 'no'],
    ]);
  });

  test('the first ask is the question itself, when the call gives one', () => {
    play([[{}, 'eliciting', '', /^Do you want a reminder text\?$/]], { question: Q.reminder });
  });

  test('later retries change strategy and say the question again', () => {
    const options = { question: Q.reminder };
    play(
      [
        [{ transcription: 'hmm' }, 'eliciting', '', /^Sorry, was that a yes or a no\? You can also press 1 for yes, or 2 for no\.$/],
        [
          { transcription: 'the thing is' },
          'eliciting',
          '',
          /^Just a yes or a no is fine\. Do you want a reminder text\? You can also press 1 for yes, or 2 for no\.$/,
        ],
        [{ transcription: 'yes please' }, 'completed', 'yes'],
      ],
      options,
    );
  });

  test('a request to repeat is answered with the question', () => {
    play(
      [
        [
          { transcription: 'sorry what was the question' },
          'eliciting',
          '',
          /^Sure\. Do you want a reminder text\? You can also press 1 for yes, or 2 for no\.$/,
        ],
      ],
      {
        question: Q.reminder,
      },
    );
  });

  test('a bare "yes" to "do you mind…?" is asked about, and the next answer is read as an answer to that', () => {
    play(
      [
        [{ transcription: 'yes' }, 'eliciting', '', /are you OK with that\?/],
        [{ transcription: 'yes' }, 'completed', 'yes'],
      ],
      { question: Q.record },
    );
    play(
      [
        [{ transcription: 'yeah' }, 'eliciting', '', /OK with that/],
        [{ transcription: 'no not really' }, 'completed', 'no'],
      ],
      { question: Q.record },
    );
  });

  test('a contradiction and a condition are asked about, never guessed', () => {
    play([[{ transcription: 'yes no' }, 'eliciting', '', /yes and a no/]]);
    play([[{ transcription: 'yes but only on weekdays' }, 'eliciting', '', /only note down a yes or a no/]]);
  });

  test('FAILED after three retries; below 0.4 confidence nothing is taken', () => {
    play([
      [{ transcription: 'maybe' }, 'eliciting', ''],
      [{ transcription: 'dunno' }, 'eliciting', ''],
      [{ transcription: 'yes', confidence: 0.2 }, 'eliciting', '', /trouble hearing/],
      [{ transcription: 'not sure' }, 'failed', '', /couldn't get a clear yes or no/],
    ]);
  });

  test('the value is not masked, and the same input always gives the same outcome', () => {
    expect(captureYesNo.mask('yes')).toBe('yes');
    const run = () => runTurn(captureYesNo, { question: Q.record }, { transcription: 'not at all', confidence: 0.9 }, undefined);
    expect(run()).toEqual(run());
  });

  test('the confirmation prompt exists though it is never used', () => {
    expect(captureYesNo.confirmation).toEqual({ kind: 'never' });
    expect(captureYesNo.prompts.confirm({ value: 'yes', fields: {} }, 0)).toMatch(/yes/);
  });
});

describe('frameQuestion', () => {
  test('recognises the kinds of question that change how answers are read', () => {
    expect(frameQuestion(Q.record)).toMatchObject({ mind: true, offer: false });
    expect(frameQuestion('Any objection if we call you back later?')).toMatchObject({ mind: true });
    expect(frameQuestion('Would you like us to call you back?')).toMatchObject({ offer: true, mind: false });
    expect(frameQuestion(Q.happy)).toMatchObject({ wellbeing: true });
    expect(frameQuestion('Can we send the invoice by email?')).toMatchObject({ permission: true, offer: false });
    expect(frameQuestion(Q.current)).toMatchObject({ still: true, change: false, aux: 'be' });
    expect(frameQuestion(Q.changed)).toMatchObject({ still: false, change: true, aux: 'have' });
    expect(frameQuestion('Is your number still the same, or has it changed?')).toMatchObject({ still: false, change: false });
    expect(frameQuestion(undefined)).toMatchObject({ text: undefined, mind: false, content: new Set() });
    expect(frameQuestion('Is the property occupied?')).toMatchObject({ negative: false });
    expect(frameQuestion('Is the property empty?')).toMatchObject({ negative: true });
    expect(frameQuestion("Isn't anyone home?")).toMatchObject({ negative: true });
    expect(frameQuestion('Are you the only one on the lease?')).toMatchObject({ negative: true });
  });
});
