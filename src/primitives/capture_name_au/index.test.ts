import { play as playTurns, type Step } from '../../../tests/support/play';
import type { Captured } from '../objective/capture-spec';
import { readOptions } from '../objective/state-machine';
import { InvalidParamsError } from '../types';
import { captureNameAu } from '.';
import { NAME_PROMPTS, spellOut } from './prompts';

/** Plays turns of capture_name_au, checking the state, value and (optionally) the prompt of each. */
function play(steps: readonly Step[], params: Record<string, string> = {}): void {
  playTurns(captureNameAu, steps, {
    params,
    strictErrors: false,
    each: (outcome) => {
      for (const t of outcome.transitions) expect(t.data?.value_masked ?? '').not.toMatch(/Jane|Smith|Leigh/);
    },
  });
}

describe('capture_name_au on the objective state machine', () => {
  test('confident: captured without a read-back', () => {
    play([[{ transcription: 'my name is Jane Smith' }, 'completed', 'Jane Smith']]);
  });

  test('below 0.85 confidence: read back, then confirmed (single shot)', () => {
    play([[{ transcription: 'Jane Smith', confidence: 0.7, confirmation: 'yeah' }, 'completed', 'Jane Smith']]);
    play([[{ transcription: 'Jane Smith', confidence: 0.7 }, 'confirming', 'Jane Smith', /I've got Jane Smith\. Is that right\?/]]);
  });

  test('turn by turn: a first name alone is kept and the surname asked for', () => {
    play([
      [{}, 'eliciting', '', /full name/],
      [{ transcription: "it's Jane" }, 'eliciting', '', /Thanks, Jane\. And what's your surname\?/],
      [{ transcription: 'Smith, S M I T H' }, 'completed', 'Jane Smith'],
    ]);
  });

  test('a title and a surname: the first name is asked for', () => {
    play([
      [{ transcription: 'Mrs Nguyen' }, 'eliciting', '', /first name/],
      [{ transcription: 'Linh' }, 'completed', 'Linh Nguyen'],
    ]);
  });

  test('a correction in the confirmation replaces the part it names', () => {
    play([
      [{ transcription: 'Karen Lee', confidence: 0.6 }, 'confirming', 'Karen Lee'],
      [{ confirmation: "no it's Leigh, L E I G H", confidence: 0.9 }, 'confirming', 'Karen Leigh'],
      [{ confirmation: 'yes' }, 'completed', 'Karen Leigh'],
    ]);
    play([
      [{ transcription: 'Karen Lee', confidence: 0.6 }, 'confirming', 'Karen Lee'],
      [{ confirmation: 'not Lee, Leigh', confidence: 0.6 }, 'confirming', 'Karen Leigh', /surname spelled L, E, I, G, H/],
      [{ confirmation: 'yes', confidence: 0.6 }, 'completed', 'Karen Leigh'],
    ]);
  });

  test('after a plain "no", a spelled surname in REPAIRING repairs the value', () => {
    play([
      [{ transcription: 'Jon Smith', confidence: 0.6 }, 'confirming', 'Jon Smith'],
      [{ confirmation: 'nope', confidence: 0.6 }, 'repairing', '', /full name/],
      [{ transcription: 'S M Y T H', confidence: 0.6 }, 'confirming', 'Jon Smyth'],
    ]);
  });

  test('non-answers and two names are asked again, never guessed', () => {
    play([
      [{ transcription: 'why do you need my name' }, 'eliciting', '', /just so we know who we're speaking with/],
      [{ transcription: 'Jane Smith or Jane Jones' }, 'eliciting', '', /more than one name/],
      [{ transcription: 'Jane Jones' }, 'completed', 'Jane Jones'],
    ]);
  });

  test('a described spelling that fits no one respelling is asked for letter by letter', () => {
    play([
      [{ transcription: 'Jane with a y Smith' }, 'eliciting', '', /spell your name for me, letter by letter/],
      [{ transcription: 'J A Y N E Smith' }, 'completed', 'Jayne Smith'],
    ]);
  });

  test('two names offered as alternatives are asked about', () => {
    play([
      [{ transcription: "Mark Ellis, or you could put it under my wife's name, Tanya Ellis" }, 'eliciting', '', /more than one name/],
      [{ transcription: 'put it under Tanya Ellis' }, 'completed', 'Tanya Ellis'],
    ]);
  });

  test('require_last_name=false takes a first name alone', () => {
    play([[{ transcription: 'just call me Dave' }, 'completed', 'Dave']], { require_last_name: 'false' });
  });
});

describe('capture_name_au repair', () => {
  const previous: Captured = { value: 'Karen Lee', fields: { first: 'Karen', last: 'Lee' } };
  const context = { options: { requireLastName: true }, retryCount: 1, partial: undefined };

  test.each([
    ["it's Leigh, L E I G H", 'Karen Leigh'],
    ['not Lee, Leigh', 'Karen Leigh'],
    ['Leigh not Lee', 'Karen Leigh'],
    ['my surname is Li', 'Karen Li'],
    ['no, first name is Caren, C A R E N', 'Caren Lee'],
    ['no, Sharon Lee', 'Sharon Lee'],
    ['no, Karen with a C', 'Caren Lee'],
    ['no, my first name is Karen with a C', 'Caren Lee'],
    ['no, Lee is spelled L I', 'Karen Li'],
  ])('%j → %s', (heard, expected) => {
    expect(captureNameAu.repair?.(previous, heard, context)).toMatchObject({ kind: 'value', value: expected });
  });

  test('words that change nothing give no repair', () => {
    expect(captureNameAu.repair?.(previous, 'no', context)).toBeUndefined();
    expect(captureNameAu.repair?.(previous, 'Karen Lee', context)).toBeUndefined();
    expect(captureNameAu.repair?.(previous, "Lee with two e's", context)).toBeUndefined();
  });
});

describe('capture_name_au prompts and params', () => {
  test('later attempts ask to spell the surname', () => {
    expect(NAME_PROMPTS.elicit(0, { requireLastName: true })).toMatch(/full name/);
    expect(NAME_PROMPTS.elicit(2, { requireLastName: true })).toMatch(/spell your surname/);
    expect(NAME_PROMPTS.elicit(0, { requireLastName: false })).toBe('Can I get your name, please?');
    expect(NAME_PROMPTS.repair(2, { value: 'Jane Smith', fields: {} })).toMatch(/spell your surname/);
    expect(NAME_PROMPTS.confirm({ value: "Liam O'Brien", fields: { first: 'Liam', last: "O'Brien" } }, 1)).toMatch(
      /O, apostrophe, B, R, I, E, N/,
    );
    expect(spellOut('Smith-Jones')).toBe('S, M, I, T, H, hyphen, J, O, N, E, S');
  });

  test('require_last_name is validated and named in the error', () => {
    expect(() => readOptions(captureNameAu, { require_last_name: 'no' }, 0)).toThrow(InvalidParamsError);
    expect(() => readOptions(captureNameAu, { require_last_name: 'no' }, 0)).toThrow(
      /params\.require_last_name must be "true" or "false", got "no"/,
    );
    expect(readOptions(captureNameAu, {}, 0)).toEqual({ requireLastName: true });
  });
});
