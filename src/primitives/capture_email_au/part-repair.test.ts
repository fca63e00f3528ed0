import { play } from '../../../tests/support/play';
import { captureEmailAu } from '.';
import { repairPart } from './part-repair';
import { repairEmail } from './repair';

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
    // spelling hints applied where they fit one place
    ['jane@gmail.com', 'with a y', 'jayne@gmail.com'],
    ['jane.doe@gmail.com', 'no, jane with a y', 'jayne.doe@gmail.com'],
    ['jon@gmail.com', 'with a h, j o h n', 'john@gmail.com'],
    ['phil@gmail.com', 'double l', 'phill@gmail.com'],
    ['alan.t@gmail.com', "it's double l in allan", 'allan.t@gmail.com'],
    ['steven.ng@gmail.com', 'with a p h', 'stephen.ng@gmail.com'],
    ['steven.ng@gmail.com', 'not v, p h', 'stephen.ng@gmail.com'],
    ['steven.ng@gmail.com', 'p h not v', 'stephen.ng@gmail.com'],
    ['ann.lee@gmail.com', 'ann with an e on the end', 'anne.lee@gmail.com'],
    ['anne@gmail.com', 'no e', 'ann@gmail.com'],
    ['eric@gmail.com', 'k not c', 'erik@gmail.com'],
    ['katherine.b@gmail.com', "it's c for charlie", 'catherine.b@gmail.com'],
    // separators put in, changed or taken out
    ['janesmith@gmail.com', 'no, a dot between jane and smith', 'jane.smith@gmail.com'],
    ['jane_smith@gmail.com', 'a dot between jane and smith', 'jane.smith@gmail.com'],
    ['jane.smith@gmail.com', 'underscore between them', 'jane_smith@gmail.com'],
    ['jane_smith@gmail.com', 'no underscore', 'janesmith@gmail.com'],
    ['jane.smith@gmail.com', 'no spaces, all one word', 'janesmith@gmail.com'],
    ['jane.smith@gmail.com', 'replace the dot with an underscore', 'jane_smith@gmail.com'],
    // the part kept named in other words, or the other part said to be wrong
    ['jane.smith@gmail.com', "the first part's correct, but it's at outlook dot com", 'jane.smith@outlook.com'],
    ['jane.smith@gmail.com', "the domain's wrong, it's hotmail dot com", 'jane.smith@hotmail.com'],
    ['jane.smith@gmail.com', 'the first bit is good but the end is outlook dot com', 'jane.smith@outlook.com'],
    ['jane.smith@gmail.com', "the name part is wrong, it's jayne dot smith", 'jayne.smith@gmail.com'],
    ['jane.smith@gmail.com', "the first bits right but the end is wrong, it's outlook dot com", 'jane.smith@outlook.com'],
    // more ways of giving a hint
    ['ann@gmail.com', 'no, it ends with an e', 'anne@gmail.com'],
    ['sara@gmail.com', "there's an h on the end", 'sarah@gmail.com'],
    ['jane@gmail.com', 'with a y instead of an i', 'jayne@gmail.com'],
    ['philip@gmail.com', 'phillip with two ls', 'phillip@gmail.com'],
  ])('%s + %j → %s', (previous, said, expected) => {
    expect(repairPart(previous, said)).toEqual({ kind: 'value', value: expected });
  });

  test.each([
    // nothing to change, or more than one place it could go: asked, never guessed
    ['janedoe@gmail.com', 'all one word'],
    ['jane.doe.smith@gmail.com', 'a dash not a dot'],
    ['jane@gmail.com', 'a dash not an underscore'],
    ['jane@gmail.com', "the first bit's right"],
    // spelling hints that fit nowhere: asked again rather than spelled into the address
    ['jane@gmail.com', 'with a p h'],
    ['jayne@gmail.com', 'k not c'],
    ['jane@gmail.com', 'double m'],
    // separators put in where it is not known
    ['janesmith@gmail.com', 'underscore between them'],
    ['j.a.smith@gmail.com', 'a dash between them'],
    ['jane.smith@gmail.com', 'a dot between jane and smyth'],
    ['janesmith@gmail.com', 'no underscore'],
  ])('%s + %j → none', (previous, said) => {
    expect(repairPart(previous, said)?.kind).toBe('none');
  });

  test('a hint that fits two places offers both spellings', () => {
    expect(repairPart('caitlin@gmail.com', 'caitlin with a y')).toEqual({
      kind: 'ambiguous',
      reason: 'the spelling hint fits more than one place',
      candidates: ['caytlin@gmail.com', 'caitlyn@gmail.com'],
      ask: { type: 'which-spelling' },
    });
  });

  test.each([['yes'], ['not outlook, optusnet'], ['jane dot doe at gmail dot com'], ['jayne with a y at gmail dot com']])(
    '%j is not a part repair',
    (said) => {
      expect(repairPart('jane.doe@gmail.com', said)).toBeUndefined();
    },
  );
});

describe('repairEmail: a word of the part before the at said again', () => {
  test.each([
    // one word respelled replaces the word it sounds like; the rest stays
    ['jane.doe@gmail.com', 'no, jayne, j a y n e', 'jayne.doe@gmail.com'],
    ['jane.doe@gmail.com', 'no, jayne', 'jayne.doe@gmail.com'],
    // a word like none of them, or the same word, is the whole new part
    ['jane.doe@gmail.com', "no it's sam", 'sam@gmail.com'],
    ['jane.doe@gmail.com', 'no, just jane', 'jane@gmail.com'],
    // the letters wanted replace the ones that sound like them when the ones named are not there
    ['steven.ng@gmail.com', 'p h not f', 'stephen.ng@gmail.com'],
    ['alan.lee@gmail.com', 'no, two l s', 'allan.lee@gmail.com'],
  ])('%s + %j → %s', (previous, said, expected) => {
    expect(repairEmail(previous, said)).toEqual({ kind: 'value', value: expected });
  });

  test('a sentence after a no is not a new part before the at', () => {
    expect(repairEmail('jane.doe@gmail.com', 'no, i said jayne')).toBeUndefined();
  });
});

describe('repairEmail: a word ruled out is read against the address read back', () => {
  test.each([
    ['jane.doe@gmail.com', 'not jane, jayne', 'jayne.doe@gmail.com'],
    ['jane.doe@gmail.com', "no it's jayne not jane", 'jayne.doe@gmail.com'],
    ['jane.doe@gmail.com', 'not doe, dough', 'jane.dough@gmail.com'],
  ])('%s + %j → %s (one word of the part before the at)', (previous, said, value) => {
    expect(repairEmail(previous, said)).toEqual({ kind: 'value', value });
  });

  test.each(['not outlook optusnet', "it's hotmail not outlook", 'not jan, jayne'])(
    'a word the address has not got (%j) is asked about, nothing applied',
    (said) => {
      expect(repairEmail('jane.doe@gmail.com', said)).toMatchObject({ kind: 'ambiguous', ask: { type: 'which-part' } });
    },
  );

  test('through the state machine: asked, no value awaiting a yes, and the answer repairs', () => {
    const { prompts } = play(captureEmailAu, [
      [{ transcription: 'jane dot doe at gmail dot com' }, 'confirming', 'jane.doe@gmail.com'],
      [{ confirmation: 'not outlook, optusnet' }, 'repairing', '', 'AMBIGUOUS'],
      [{ transcription: 'not gmail, optusnet' }, 'confirming', 'jane.doe@optusnet.com.au'],
    ]);
    expect(prompts[1]).toBe(
      "Sorry, I'm not sure which part to change. I've got jane dot doe at gmail dot com. What's the right email address?",
    );
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

  test('a hint that fits nowhere keeps the value and asks, never spelling the hint in', () => {
    const { outcomes } = play(
      captureEmailAu,
      [
        [{ transcription: 'jane at gmail dot com' }, 'confirming', 'jane@gmail.com'],
        [{ confirmation: 'with a p h' }, 'confirming', 'jane@gmail.com'],
      ],
      { strictErrors: false },
    );
    expect(outcomes[1].value).not.toContain('with');
  });

  test('a hint applied is read back and confirmed', () => {
    play(captureEmailAu, [
      [{ transcription: 'jane dot doe at gmail dot com' }, 'confirming', 'jane.doe@gmail.com'],
      [{ confirmation: 'no, jane with a y' }, 'confirming', 'jayne.doe@gmail.com', /j, a, y, n, e/],
      [{ confirmation: 'yes' }, 'completed', 'jayne.doe@gmail.com'],
    ]);
  });

  test('a yes that brings a hint changes the value rather than confirming the one read back', () => {
    play(captureEmailAu, [
      [{ transcription: 'jane at gmail dot com' }, 'confirming', 'jane@gmail.com'],
      [{ confirmation: 'yeah, with a y' }, 'confirming', 'jayne@gmail.com'],
      [{ confirmation: 'yes' }, 'completed', 'jayne@gmail.com'],
    ]);
    play(captureEmailAu, [
      [{ transcription: 'jane at gmail dot com' }, 'confirming', 'jane@gmail.com'],
      [{ confirmation: "yes that's it thanks" }, 'completed', 'jane@gmail.com'],
    ]);
  });

  test('a hint that fits two places asks which, and the answer is understood', () => {
    play(
      captureEmailAu,
      [
        [{ transcription: 'caitlin at gmail dot com' }, 'confirming', 'caitlin@gmail.com'],
        [{ confirmation: 'no, with a y' }, 'repairing', '', /^Is that .* or .*\?$/],
        [{ transcription: 'the second one' }, 'confirming', 'caitlyn@gmail.com'],
        [{ confirmation: 'yes' }, 'completed', 'caitlyn@gmail.com'],
      ],
      { strictErrors: false },
    );
  });
});
