import { play } from '../../../tests/support/play';
import { captureEmailAu } from '.';
import { repairPart } from './part-repair';

describe('repairPart: one part changed at confirmation, the rest kept', () => {
  test.each([
    ['jane.doe@gmail.com', "there's no dot, all one word", 'janedoe@gmail.com'],
    ['jane.doe@gmail.com', 'no dots, all one word', 'janedoe@gmail.com'],
    ['jane_doe@gmail.com', 'a dash not an underscore', 'jane-doe@gmail.com'],
    ['jane_doe@gmail.com', 'not an underscore, a dot', 'jane.doe@gmail.com'],
    ['jane-doe@gmail.com', 'underscore instead of dash', 'jane_doe@gmail.com'],
    ['jane.doe@gmail.com', "the first bit's right but it's outlook dot com", 'jane.doe@outlook.com'],
    ['jane.doe@gmail.com', 'the first part is right, the rest is bigpond dot net dot au', 'jane.doe@bigpond.net.au'],
    ['jane.doe@gmail.com', "no the last bit's right, it's john dot doe", 'john.doe@gmail.com'],
    ['jane.doe@acme.com.au', 'the end is right but the start is j smith', 'jsmith@acme.com.au'],
  ])('%s + %j → %s', (previous, said, expected) => {
    expect(repairPart(previous, said)).toEqual({ kind: 'value', value: expected });
  });

  test.each([
    // nothing to change, or more than one place it could go: asked, never guessed
    ['janedoe@gmail.com', 'all one word'],
    ['jane.doe.smith@gmail.com', 'a dash not a dot'],
    ['jane@gmail.com', 'a dash not an underscore'],
    ['jane@gmail.com', "the first bit's right"],
    // spelling hints are not read yet: asked again rather than spelled into the address
    ['jane@gmail.com', 'with a y'],
    ['jon@gmail.com', 'with a h, j o h n'],
    ['phil@gmail.com', 'double l'],
  ])('%s + %j → none', (previous, said) => {
    expect(repairPart(previous, said)?.kind).toBe('none');
  });

  test.each([['yes'], ['not outlook, optusnet'], ['jane dot doe at gmail dot com']])('%j is not a part repair', (said) => {
    expect(repairPart('jane.doe@gmail.com', said)).toBeUndefined();
  });
});

describe('capture_email_au applies part repairs turn by turn', () => {
  test('capture → confirming → part repair → confirming the repaired value → yes → completed', () => {
    play(captureEmailAu, [
      [{ transcription: 'jane dot doe at gmail dot com' }, 'confirming', 'jane.doe@gmail.com'],
      [{ confirmation: "no, the first bit's right but it's outlook dot com" }, 'confirming', 'jane.doe@outlook.com'],
      [{ confirmation: 'yes' }, 'completed', 'jane.doe@outlook.com'],
    ]);
  });

  test('a hint not read keeps the value and asks, never spelling the hint in', () => {
    const { outcomes } = play(
      captureEmailAu,
      [
        [{ transcription: 'jane at gmail dot com' }, 'confirming', 'jane@gmail.com'],
        [{ confirmation: 'with a y' }, 'confirming', 'jane@gmail.com'],
      ],
      { strictErrors: false },
    );
    expect(outcomes[1].value).not.toContain('with');
  });
});
