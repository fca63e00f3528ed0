import { play as playTurns, type Step } from '../../../tests/support/play';
import type { Captured } from '../objective/capture-spec';
import { readOptions, readTurnInput } from '../objective/state-machine';
import { InvalidParamsError } from '../types';
import { captureAddressAu, maskAddress } from '.';
import { ADDRESS_PROMPTS } from './prompts';

/** Plays turns of capture_address_au, checking the state, value and (optionally) the prompt of each. */
function play(steps: readonly Step[], params: Record<string, string> = {}): void {
  playTurns(captureAddressAu, steps, {
    params,
    strictErrors: false,
    each: (outcome) => {
      for (const t of outcome.transitions) expect(t.data?.value_masked ?? '').not.toMatch(/\b12\b|\b4\/56\b/);
    },
  });
}

describe('capture_address_au on the objective state machine', () => {
  test('single shot: the address and the "yes" in one call', () => {
    play([[{ transcription: '12 smith street fitzroy vic 3065', confirmation: 'yep' }, 'completed', '12 Smith Street, Fitzroy VIC 3065']]);
  });

  test('an address is always read back, even at full confidence', () => {
    play([
      [
        { transcription: 'unit 4 56 king street newtown nsw 2042', confidence: 1 },
        'confirming',
        '4/56 King Street, Newtown NSW 2042',
        /unit 4, 56 King Street, Newtown, New South Wales, two oh four two/,
      ],
    ]);
  });

  test('turn by turn: a missing postcode is asked for and combined', () => {
    play([
      [{}, 'eliciting', '', /address/],
      [{ transcription: 'I live at 12 Smith Street, Fitzroy' }, 'eliciting', '', /postcode for Fitzroy/],
      [{ transcription: 'three oh six five' }, 'confirming', '12 Smith Street, Fitzroy VIC 3065'],
      [{ confirmation: 'yes that is right' }, 'completed', '12 Smith Street, Fitzroy VIC 3065'],
    ]);
  });

  test('a street without a number: the number is asked for', () => {
    play([
      [{ transcription: 'Smith Street Fitzroy Victoria 3065' }, 'eliciting', '', /street number on Smith Street/],
      [{ transcription: 'number twelve' }, 'confirming', '12 Smith Street, Fitzroy VIC 3065'],
    ]);
  });

  test('a gross state/postcode conflict is asked about, then settled', () => {
    play([
      [
        { transcription: '10 Collins Street Melbourne NSW 3000' },
        'eliciting',
        '',
        /three thousand is in Victoria, but I heard New South Wales/,
      ],
      [{ transcription: 'oh sorry Victoria' }, 'confirming', '10 Collins Street, Melbourne VIC 3000'],
    ]);
  });

  test('two street numbers: asked which, then the answer completes the address', () => {
    play([
      [{ transcription: '12 or 14 smith street fitzroy vic 3065' }, 'eliciting', '', /number 12 or number 14/],
      [{ transcription: 'fourteen' }, 'confirming', '14 Smith Street, Fitzroy VIC 3065'],
    ]);
  });

  test('a correction in the confirmation replaces only the part named', () => {
    play([
      [{ transcription: '40 smith street brunswick vic 3065' }, 'confirming', '40 Smith Street, Brunswick VIC 3065'],
      [{ confirmation: "no it's 14 not 40" }, 'confirming', '14 Smith Street, Brunswick VIC 3065'],
      [{ confirmation: 'nah the postcode is 3056' }, 'confirming', '14 Smith Street, Brunswick VIC 3056'],
      [{ confirmation: 'yeah' }, 'completed', '14 Smith Street, Brunswick VIC 3056'],
    ]);
  });

  test('after a plain "no", a partial correction in REPAIRING repairs the value', () => {
    play([
      [{ transcription: '12 smith street fitzroy vic 3065' }, 'confirming', '12 Smith Street, Fitzroy VIC 3065'],
      [{ confirmation: 'no' }, 'repairing', '', /right address/],
      [{ transcription: "it's a road, not a street" }, 'confirming', '12 Smith Road, Fitzroy VIC 3065'],
      [{ confirmation: 'yes' }, 'completed', '12 Smith Road, Fitzroy VIC 3065'],
    ]);
  });

  test('nothing usable while a part is awaited re-asks for that part', () => {
    play([
      [{ transcription: '12 smith street fitzroy' }, 'eliciting', '', /postcode/],
      [{ transcription: 'um what' }, 'eliciting', '', /missed that.*postcode for Fitzroy/],
    ]);
  });

  test('allow_po_box=false asks for a street address instead', () => {
    play([[{ transcription: 'PO Box 123 Toowoomba QLD 4350' }, 'eliciting', '', /street address rather than a PO box/]], {
      allow_po_box: 'false',
    });
  });
});

describe('capture_address_au repair', () => {
  const previous: Captured = {
    value: '4/56 King Street, Newtown NSW 2042',
    fields: { street: '4/56 King Street', suburb: 'Newtown', state: 'NSW', postcode: '2042' },
  };
  const context = { options: { allowPoBox: true }, retryCount: 1, partial: undefined };

  test.each([
    ['no, unit 5', '5/56 King Street, Newtown NSW 2042'],
    ["it's 58 not 56", '4/58 King Street, Newtown NSW 2042'],
    ['not King Street, Queen Street', '4/56 Queen Street, Newtown NSW 2042'],
    ['not King Street, Queen', '4/56 Queen Street, Newtown NSW 2042'],
    ["it's Enmore not Newtown", '4/56 King Street, Enmore NSW 2042'],
    ['the postcode is 2043', '4/56 King Street, Newtown NSW 2043'],
    ["no it's 12 smith street fitzroy vic 3065", '12 Smith Street, Fitzroy VIC 3065'],
    ["it's an avenue", '4/56 King Avenue, Newtown NSW 2042'],
  ])('%j → %s', (heard, expected) => {
    expect(captureAddressAu.repair?.(previous, heard, context)).toMatchObject({ kind: 'value', value: expected });
  });

  test('words that change nothing give no repair', () => {
    expect(captureAddressAu.repair?.(previous, 'hmm', context)).toBeUndefined();
    expect(captureAddressAu.repair?.(previous, 'no', context)).toBeUndefined();
  });
});

describe('capture_address_au prompts, params and mask', () => {
  test('later attempts change strategy: the street first, then the rest', () => {
    expect(ADDRESS_PROMPTS.elicit(0, { allowPoBox: true })).toMatch(/suburb and postcode/);
    expect(ADDRESS_PROMPTS.elicit(2, { allowPoBox: true })).toMatch(/one step at a time.*street number and street name/);
    expect(ADDRESS_PROMPTS.repair(2, { value: '', fields: {} })).toMatch(/Which part is wrong/);
  });

  test('allow_po_box is validated and named in the error', () => {
    expect(() => readOptions(captureAddressAu, { allow_po_box: 'maybe' }, 0)).toThrow(InvalidParamsError);
    expect(() => readOptions(captureAddressAu, { allow_po_box: 'maybe' }, 0)).toThrow(
      /params\.allow_po_box must be "true" or "false", got "maybe"/,
    );
    expect(readOptions(captureAddressAu, {}, 0)).toEqual({ allowPoBox: true });
    expect(() =>
      readTurnInput({ transcription: 'x', suburb: 'Fitzroy' }, Object.keys(captureAddressAu.params), 'capture_address_au'),
    ).toThrow(/params\.suburb/);
  });

  test.each([
    ['12 Smith Street, Fitzroy VIC 3065', '** Smith Street, Fitzroy VIC 3065'],
    ['4/56 King Street, Newtown NSW 2042', '**/** King Street, Newtown NSW 2042'],
    ['Level 5, 1 Martin Place, Sydney NSW 2000', 'Level **, ** Martin Place, Sydney NSW 2000'],
    ['PO Box 123, Toowoomba QLD 4350', 'PO Box **, Toowoomba QLD 4350'],
    ['12A Smith Street, Fitzroy VIC 3065', '** Smith Street, Fitzroy VIC 3065'],
  ])('mask(%j) → %j: no street number in clear', (value, masked) => {
    expect(maskAddress(value)).toBe(masked);
  });
});
