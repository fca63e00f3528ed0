import { captureAddressAu } from '.';
import { play } from '../../../tests/support/play';
import { repairAddress } from './repair';

const PREVIOUS = {
  value: '12 Smith Street, Fitzroy VIC 3065',
  fields: { street: '12 Smith Street', suburb: 'Fitzroy', state: 'VIC', postcode: '3065' },
};
const repair = (said: string) => repairAddress(PREVIOUS, said, { allowPoBox: true });

describe('address part repairs at confirmation', () => {
  test.each([
    ["same street but it's Newtown", '12 Smith Street, Newtown VIC 3065'],
    ['same street, different suburb, Carlton', '12 Smith Street, Carlton VIC 3065'],
    ['the street is right but the suburb is Carlton', '12 Smith Street, Carlton VIC 3065'],
    ["the number's right but it's Carlton 3053", '12 Smith Street, Carlton VIC 3053'],
    ["postcode's 3066", '12 Smith Street, Fitzroy VIC 3066'],
    ['no, same address but postcode 3066', '12 Smith Street, Fitzroy VIC 3066'],
    ['a different postcode, 3066', '12 Smith Street, Fitzroy VIC 3066'],
    ["street number's 14", '14 Smith Street, Fitzroy VIC 3065'],
    ['the house number is 14', '14 Smith Street, Fitzroy VIC 3065'],
    ['no, 14 not 12', '14 Smith Street, Fitzroy VIC 3065'],
    ["it's Smith Road not Street", '12 Smith Road, Fitzroy VIC 3065'],
  ])('%j → %s', (said, expected) => {
    expect(repair(said)).toMatchObject({ kind: 'value', value: expected });
  });

  test.each([
    ["the suburb's wrong", 'suburb'],
    ['you have got the suburb wrong', 'suburb'],
    ['wrong postcode', 'postcode'],
    ['no, the postcode is wrong', 'postcode'],
    ['the number is wrong', 'number'],
  ])('%j asks for the %s, keeping the rest', (said, ask) => {
    const result = repair(said);
    expect(result).toMatchObject({ kind: 'ambiguous', ask });
    expect(result?.kind === 'ambiguous' ? result.parts : {}).toMatchObject({ streetName: 'Smith Street' });
  });

  test.each([
    ['the street is wrong', 'street', { suburb: 'Fitzroy', state: 'VIC', postcode: '3065' }, 'the street is wrong'],
    [
      'the unit number is wrong',
      'number',
      { number: '12', streetName: 'Smith Street', suburb: 'Fitzroy', state: 'VIC', postcode: '3065' },
      'unit',
    ],
    [
      'the number is wrong',
      'number',
      { unit: '3', streetName: 'Smith Street', suburb: 'Fitzroy', state: 'VIC', postcode: '3065' },
      'street number',
    ],
    ["the suburb's wrong", 'suburb', { unit: '3', number: '12', streetName: 'Smith Street', state: 'VIC', postcode: '3065' }, 'suburb'],
    ['wrong postcode', 'postcode', { unit: '3', number: '12', streetName: 'Smith Street', suburb: 'Fitzroy' }, 'postcode'],
  ])('%j on a unit address clears exactly that part (asks for the %s), keeping the others', (said, ask, parts, named) => {
    const unitAddress = {
      value: '3/12 Smith Street, Fitzroy VIC 3065',
      fields: { street: '3/12 Smith Street', suburb: 'Fitzroy', state: 'VIC', postcode: '3065' },
    };
    const result = repairAddress(unitAddress, said, { allowPoBox: true });
    expect(result).toMatchObject({ kind: 'ambiguous', ask, options: [] });
    expect(result?.kind === 'ambiguous' ? result.parts : undefined).toEqual(parts);
    expect(result?.kind === 'ambiguous' ? result.reason : '').toContain(named);
  });

  test('through the state machine: the suburb said to be wrong is asked for, then read back with the rest kept', () => {
    const { outcomes } = play(
      captureAddressAu,
      [
        [{ transcription: '12 Smith Street Fitzroy 3065' }, 'confirming', '12 Smith Street, Fitzroy VIC 3065'],
        [{ confirmation: "no, the suburb's wrong" }, 'repairing', '', /suburb/],
        [{ transcription: 'Collingwood' }, 'confirming', '12 Smith Street, Collingwood VIC 3065'],
        [{ confirmation: 'yes' }, 'completed', '12 Smith Street, Collingwood VIC 3065'],
      ],
      { strictErrors: false },
    );
    // While the suburb is asked for, the parts kept are the progressive fields.
    expect(outcomes[1].fields).toEqual({ street: '12 Smith Street', state: 'VIC', postcode: '3065' });
  });

  test('through the state machine: "same street but it\'s Newtown" is read back', () => {
    play(captureAddressAu, [
      [{ transcription: '12 Smith Street Fitzroy 3065' }, 'confirming', '12 Smith Street, Fitzroy VIC 3065'],
      [{ confirmation: "same street but it's Newtown" }, 'confirming', '12 Smith Street, Newtown VIC 3065'],
    ]);
  });
});
