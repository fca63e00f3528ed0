import { readPolarity } from './polarity';

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
