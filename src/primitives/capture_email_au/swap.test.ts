import { extractEmail } from './extract';
import { repairEmail } from './repair';

describe('ending swaps where an ending has several labels', () => {
  test.each([
    ['jane@example.com.au', "no, it's dot net not dot com dot au", 'jane@example.net'],
    ['jane@example.com.au', 'not dot com dot au, dot net', 'jane@example.net'],
    ['jane@example.com', 'dot com dot au not dot com', 'jane@example.com.au'],
    ['jane@example.com.au', 'dot org dot au not dot com dot au', 'jane@example.org.au'],
    ['jane@example.com.au', 'dot com not dot com dot au', 'jane@example.com'],
    ['jane@bigpond.com.au', 'dot net not dot com', 'jane@bigpond.net.au'],
    ['jane@example.net', 'dot com dot au not dot net', 'jane@example.com.au'],
  ])('%s + %j → %s', (previous, said, expected) => {
    expect(repairEmail(previous, said)).toEqual({ kind: 'value', value: expected });
  });

  test.each([
    // com.au ruled out with nothing in its place, or com → au: not chosen between
    ['jane@example.com.au', 'not dot com dot au'],
    // the wrong ending is part of the one read back but not all of it
    ['jane@example.com.au', 'dot nz not dot au'],
  ])('%s + %j is asked about', (previous, said) => {
    expect(repairEmail(previous, said)?.kind).toBe('ambiguous');
  });

  test.each([
    ['jane at example dot net, not dot com dot au', 'jane@example.net'],
    ['jane at example dot com not dot com dot au', 'jane@example.com'],
    ['jane at example dot com dot au, not dot com', 'jane@example.com.au'],
    ['jane at example dot org dot au not dot com dot au', 'jane@example.org.au'],
    ['jane at hotmail dot com, not dot com, dot com dot au', 'jane@hotmail.com.au'],
    ['jane at example dot com, no, dot com dot au', 'jane@example.com.au'],
    ['jane at example dot com dot au, no, dot net', 'jane@example.net'],
  ])('first utterance %j → %s', (said, expected) => {
    expect(extractEmail(said)).toEqual({ kind: 'value', value: expected });
  });
});
