import { play } from '../../../tests/support/play';
import { captureEmailAu } from '.';
import { readTruncation } from './truncation';

describe('readTruncation: an address cut off after a final "dot" or "at"', () => {
  test.each([
    ['jane dot doe at gmail dot', { after: 'dot', local: 'jane.doe', domain: 'gmail' }],
    ['jane at acme dot com dot', { after: 'dot', local: 'jane', domain: 'acme.com' }],
    ["it's jane dot doe at gmail dot um", { after: 'dot', local: 'jane.doe', domain: 'gmail' }],
    ['jane dot doe at', { after: 'at', local: 'jane.doe' }],
    ['j a n e at', { after: 'at', local: 'jane' }],
  ])('%j → %j', (heard, expected) => {
    expect(readTruncation(heard)).toEqual(expected);
  });

  test.each([['jane dot doe at gmail dot com'], ['jane.doe@gmail.com.'], ['jane at gmail'], ['at'], ['dot'], ['']])(
    '%j is not cut off',
    (heard) => {
      expect(readTruncation(heard)).toBeUndefined();
    },
  );
});

describe('capture_email_au asks for the rest of a cut-off address, keeping what was heard', () => {
  test('after a final dot: what comes after it is asked for and joined on', () => {
    const { prompts } = play(captureEmailAu, [
      [{ transcription: 'jane dot doe at gmail dot' }, 'eliciting', ''],
      [{ transcription: 'com dot au' }, 'confirming', 'jane.doe@gmail.com.au'],
      [{ confirmation: 'yes' }, 'completed', 'jane.doe@gmail.com.au'],
    ]);
    expect(prompts[0]).toBe("I've got jane dot doe at gmail dot… What comes after the dot?");
  });

  test('after a final at: the domain is asked for', () => {
    const { prompts } = play(captureEmailAu, [
      [{ transcription: 'jane dot doe at' }, 'eliciting', ''],
      [{ transcription: 'outlook dot com' }, 'confirming', 'jane.doe@outlook.com'],
    ]);
    expect(prompts[0]).toBe('Thanks, j, a, n, e, dot, d, o, e. And what comes after the at?');
  });

  test('a dangling dot after a full domain keeps the domain', () => {
    play(captureEmailAu, [
      [{ transcription: 'jane at acme dot com dot' }, 'eliciting', ''],
      [{ transcription: 'au' }, 'confirming', 'jane@acme.com.au'],
    ]);
  });
});
