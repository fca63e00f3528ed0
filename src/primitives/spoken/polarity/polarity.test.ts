import { judgeAnswer, readAnswer, readPolarity, scanAnswer, type Cue, type Sign } from '.';

describe('readPolarity', () => {
  test.each([
    ['yes', 'affirm'],
    ['Yes.', 'affirm'],
    ['yep', 'affirm'],
    ['yeah that is right', 'affirm'],
    ["that's correct", 'affirm'],
    ['too right', 'affirm'],
    ['spot on mate', 'affirm'],
    ['sweet as', 'affirm'],
    ['no worries', 'affirm'],
    ['no dramas', 'affirm'],
    ['righto', 'affirm'],
    ['nah yeah', 'affirm'],
    ["yeah no that's right", 'affirm'],
    ['um yeah', 'affirm'],
    ['uh huh', 'affirm'],
    ['no', 'deny'],
    ['nah', 'deny'],
    ['nope', 'deny'],
    ['nup', 'deny'],
    ['yeah nah', 'deny'],
    ['yeah-nah mate', 'deny'],
    ["that's wrong", 'deny'],
    ['not quite', 'deny'],
    ['incorrect', 'deny'],
    ["that's not right", 'deny'],
    ['absolutely not', 'deny'],
    ["I don't know", 'unclear'],
    ['maybe', 'unclear'],
    ['not sure', 'unclear'],
    ['jane at gmail dot com', 'none'],
    ['', 'none'],
  ])('%j is %s', (heard, polarity) => {
    expect(readPolarity(heard).polarity).toBe(polarity);
  });

  test.each([
    ["no it's jane at gmail dot com", 'deny', "it's jane at gmail dot com"],
    ['nope, the correct one is bob at gmail dot com', 'deny', 'the correct one is bob at gmail dot com'],
    ['not outlook, optusnet', 'deny', 'outlook optusnet'],
    ['yes thanks', 'affirm', ''],
  ])('%j splits into the answer and what follows', (heard, polarity, remainder) => {
    expect(readPolarity(heard)).toEqual({ polarity, remainder });
  });
});

describe('readPolarity: Australian answers and their traps', () => {
  test.each([
    // idioms
    ['bloody oath', 'affirm'],
    ['you beauty', 'affirm'],
    ['too easy', 'affirm'],
    ['mm-hmm', 'affirm'],
    ["I'd say so", 'affirm'],
    ['yeah nah yeah', 'affirm'],
    ['no yeah', 'affirm'],
    ['uh-uh', 'deny'],
    ['nuh-uh', 'deny'],
    ['not yet', 'deny'],
    ["I don't think so", 'deny'],
    ['not happy with that', 'deny'],
    // content after a marker governs
    ["no that's right", 'affirm'],
    ["yeah that's not right", 'deny'],
    ['no, definitely not', 'deny'],
    // acceptance after a no is a polite refusal (the safe reading for a read-back)
    ['nah all good', 'deny'],
    ["no that's fine", 'deny'],
    ["nah you're right", 'deny'],
    ['no no worries', 'deny'],
    // two answers that disagree, with no correction between them: not a yes
    ['yes no', 'unclear'],
    ['no yes', 'unclear'],
    ["yes that's wrong", 'unclear'],
    ["nope that's right", 'unclear'],
    // the last self-correction wins
    ['yes sorry I mean no', 'deny'],
    ['no wait yes', 'affirm'],
    ['no actually yes', 'affirm'],
    ['Yes. Sorry, no.', 'deny'],
    // a yes with a reservation, doubt, or a request to repeat is not a confirmation
    ["yeah but the last bit's wrong", 'unclear'],
    ['yes but only on weekdays', 'unclear'],
    ['yeah maybe', 'unclear'],
    ['can you repeat that', 'unclear'],
    ['sorry what', 'unclear'],
    ['okay what was that', 'unclear'],
    // answers that need the question to mean anything
    ["I'm good", 'unclear'],
    ["I don't mind", 'unclear'],
    // echo answers
    ['it is', 'affirm'],
    ["it isn't", 'deny'],
    ['I have', 'affirm'],
    ["haven't got it", 'deny'],
  ])('%j is %s', (heard, polarity) => {
    expect(readPolarity(heard).polarity).toBe(polarity);
  });

  test.each([
    ["no it's oh four one two", 'deny', "it's oh four one two"],
    ['no wait, it is 0413 222 333', 'deny', 'it is 0413 222 333'],
    ['um no um the suburb is Fitzroy', 'deny', 'um the suburb is fitzroy'],
    ['yes it is', 'affirm', ''],
    ["yeah but the last bit's wrong", 'unclear', "the last bit's wrong"],
  ])('%j keeps what follows the answer', (heard, polarity, remainder) => {
    expect(readPolarity(heard)).toEqual({ polarity, remainder });
  });

  test('an affirmative echo followed by content is not an answer ("I have a question")', () => {
    expect(readPolarity('I have a question').polarity).toBe('none');
  });
});

describe('judgeAnswer', () => {
  const judge = (text: string, signOf?: (cue: Cue) => Sign, afterNo?: 'decline' | 'accept' | 'ask') =>
    judgeAnswer(scanAnswer(text).cues, signOf, afterNo).judgement;

  test('the signs of question-dependent cues come from the caller', () => {
    // As a "do you mind…?" reader would: a no consents.
    const mind = (cue: Cue): Sign => (cue.kind === 'deny' || cue.kind === 'marker-no' ? '+' : cue.kind === 'yes' ? '?' : null);
    expect(judge('not at all', mind)).toBe('affirm');
    expect(judge('yes', mind)).toBe('undecided');
    expect(judge('not at all')).toBe('deny');
  });

  test('acceptance after a no: a refusal, consent, or a question', () => {
    expect(judge("no that's fine", undefined, 'decline')).toBe('deny');
    expect(judge("no that's fine", undefined, 'accept')).toBe('affirm');
    expect(judge("no that's fine", undefined, 'ask')).toBe('conflict');
  });

  test('a condition is flagged on a yes and ignored on a no', () => {
    expect(readAnswer('yes please, but not too early')).toMatchObject({ judgement: 'affirm', hedged: true });
    expect(readAnswer("yes if that's ok")).toMatchObject({ judgement: 'affirm', hedged: false });
    expect(readAnswer('yeah if it is free')).toMatchObject({ judgement: 'affirm', hedged: true });
    expect(readAnswer('no but thanks')).toMatchObject({ judgement: 'deny', hedged: false });
    expect(readAnswer('no but you can email me')).toMatchObject({ judgement: 'deny', hedged: false });
  });

  test('a request to repeat, and a question back', () => {
    expect(readAnswer('what was the question').judgement).toBe('repeat');
    expect(readAnswer('Sorry?').judgement).toBe('repeat');
    expect(readAnswer('yes how much is it').judgement).toBe('question');
    expect(readAnswer("yes that's what I want").judgement).toBe('affirm');
  });
});
