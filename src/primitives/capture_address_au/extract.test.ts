import { extractAddress, type AddressExtraction } from './extract';
import { joinGroups, readNumberRun } from './numbers';
import { checkStatePostcode, stateOfPostcode } from './postcodes';

const OPTIONS = { allowPoBox: true };
const read = (heard: string): AddressExtraction => extractAddress(heard, OPTIONS);

/** Realistic recogniser output → the address a careful human would write down. */
const CAPTURED: ReadonlyArray<readonly [string, string]> = [
  // plain, every state and territory
  ['12 Smith Street Fitzroy VIC 3065', '12 Smith Street, Fitzroy VIC 3065'],
  ["yeah it's 45 king street newtown nsw 2042", '45 King Street, Newtown NSW 2042'],
  ['33 rundle street adelaide sa 5000', '33 Rundle Street, Adelaide SA 5000'],
  ["it's 8 hay street perth wa 6000", '8 Hay Street, Perth WA 6000'],
  ['24 elizabeth street hobart tasmania 7000', '24 Elizabeth Street, Hobart TAS 7000'],
  ['5 mitchell street darwin NT 0800', '5 Mitchell Street, Darwin NT 0800'],
  ['16 northbourne avenue braddon act 2612', '16 Northbourne Avenue, Braddon ACT 2612'],
  ['um 31 grey street south brisbane queensland 4101', '31 Grey Street, South Brisbane QLD 4101'],
  // lead-ins, sign-offs, punctuation the recogniser guessed
  ['Hi yes my address is 5 Blue Gum Close, Kellyville NSW 2155 thanks', '5 Blue Gum Close, Kellyville NSW 2155'],
  ['12 smith street fitzroy victoria 3065 thank you very much', '12 Smith Street, Fitzroy VIC 3065'],
  ['12 Smith St. Fitzroy Vic. 3065', '12 Smith Street, Fitzroy VIC 3065'],
  ['12 smith street, fitzroy, victoria, 3065, australia', '12 Smith Street, Fitzroy VIC 3065'],
  ["I live at 12 Smith Street, it's in Fitzroy, 3065", '12 Smith Street, Fitzroy VIC 3065'],
  ["it's 12 Smith Street Fitzroy and the postcode is 3065", '12 Smith Street, Fitzroy VIC 3065'],
  ['house number 12 smith street fitzroy 3065', '12 Smith Street, Fitzroy VIC 3065'],
  ["yeah I've lived here 5 years it's 12 Smith Street Fitzroy 3065", '12 Smith Street, Fitzroy VIC 3065'],
  ["the postcode is 3065 and it's 12 Smith Street Fitzroy", '12 Smith Street, Fitzroy VIC 3065'],
  ['12 King St Newtown Sydney NSW 2042', '12 King Street, Newtown NSW 2042'],
  ['12 Smith Street, Newtown, Sydney NSW 2042', '12 Smith Street, Newtown NSW 2042'],
  ['my address is 12 smith street fitzroy in melbourne victoria 3065', '12 Smith Street, Fitzroy VIC 3065'],
  ['12 Smith Street, Sydney NSW 2000', '12 Smith Street, Sydney NSW 2000'],
  ['12 Albert Road South Melbourne 3205', '12 Albert Road, South Melbourne VIC 3205'],
  ['12 Smith Street sorry Smyth Street Fitzroy 3065', '12 Smyth Street, Fitzroy VIC 3065'],
  ['GPO Box 9 Hobart Tas 7001', 'GPO Box 9, Hobart TAS 7001'],
  ['19 The Corso Manly NSW 2095', '19 The Corso, Manly NSW 2095'],
  // numbers as words; postcodes said every way
  ['my address is twelve george street brisbane queensland four thousand', '12 George Street, Brisbane QLD 4000'],
  ['forty-two wallaby way sydney 2000', '42 Wallaby Way, Sydney NSW 2000'],
  ['one hundred and five smith street glebe nsw 2037', '105 Smith Street, Glebe NSW 2037'],
  ['two hundred and fifty george street sydney nsw two thousand', '250 George Street, Sydney NSW 2000'],
  ['12 smith street fitzroy victoria three oh six five', '12 Smith Street, Fitzroy VIC 3065'],
  ['12 smith street fitzroy three thousand and sixty five', '12 Smith Street, Fitzroy VIC 3065'],
  ['12 smith street fitzroy thirty sixty five', '12 Smith Street, Fitzroy VIC 3065'],
  ['12 smith street fitzroy 30 65', '12 Smith Street, Fitzroy VIC 3065'],
  ['9 Smith St Braddon ACT two six one two', '9 Smith Street, Braddon ACT 2612'],
  ['3 stuart highway stuart park NT oh eight two oh', '3 Stuart Highway, Stuart Park NT 0820'],
  ['10 smith street darwin eight hundred', '10 Smith Street, Darwin NT 0800'],
  ['5 Smith St Alice Springs NT 870', '5 Smith Street, Alice Springs NT 0870'],
  ['12 Smith Street Fitzroy 3065 Victoria', '12 Smith Street, Fitzroy VIC 3065'],
  ['12 Smith Street 3065 Fitzroy', '12 Smith Street, Fitzroy VIC 3065'],
  // states as recognisers write them; state inferred from the postcode
  ['12 smith st fitzroy vick 3065', '12 Smith Street, Fitzroy VIC 3065'],
  ['14 banksia crescent toowoomba queens land 4350', '14 Banksia Crescent, Toowoomba QLD 4350'],
  ["yeah so it's unit 3 / 17 ocean street, bondi, n.s.w. 2026", '3/17 Ocean Street, Bondi NSW 2026'],
  ['2 constitution avenue canberra australian capital territory 2600', '2 Constitution Avenue, Canberra ACT 2600'],
  ['45 king street newtown 2042', '45 King Street, Newtown NSW 2042'],
  // units, letters, ranges, lots, levels, boxes
  ['unit 4 56 king street newtown nsw 2042', '4/56 King Street, Newtown NSW 2042'],
  ['4/56 lygon st carlton vic 3053', '4/56 Lygon Street, Carlton VIC 3053'],
  ['unit four slash fifty six king street newtown two oh four two', '4/56 King Street, Newtown NSW 2042'],
  ['unit five twenty two smith street glebe nsw 2037', '5/22 Smith Street, Glebe NSW 2037'],
  ['Unit 4 at 56 King St Newtown NSW 2042', '4/56 King Street, Newtown NSW 2042'],
  ['Unit 4B, 56 King Street, Newtown NSW 2042', '4B/56 King Street, Newtown NSW 2042'],
  ['Flat 1, 2 Smith Street, Glebe NSW 2037', '1/2 Smith Street, Glebe NSW 2037'],
  ['apartment 1203 / 8 downie street melbourne 3000', '1203/8 Downie Street, Melbourne VIC 3000'],
  ['shop 3 45 main street mildura vic 3500', '3/45 Main Street, Mildura VIC 3500'],
  ['12a smith street fitzroy vic 3065', '12A Smith Street, Fitzroy VIC 3065'],
  ['twenty two b smith street glebe nsw 2037', '22B Smith Street, Glebe NSW 2037'],
  ['12-14 Smith Street Fitzroy VIC 3065', '12-14 Smith Street, Fitzroy VIC 3065'],
  ['Lot 12 Old Coach Road, Tallai QLD 4213', 'Lot 12 Old Coach Road, Tallai QLD 4213'],
  ['Level 5, 1 Martin Place, Sydney NSW 2000', 'Level 5, 1 Martin Place, Sydney NSW 2000'],
  ['PO Box 123 Toowoomba QLD 4350', 'PO Box 123, Toowoomba QLD 4350'],
  ['p o box 45 alice springs northern territory 0871', 'PO Box 45, Alice Springs NT 0871'],
  // the traps from the notes: St, state and capital names in streets, Double Bay
  ['12 St Kilda Road St Kilda VIC 3182', '12 St Kilda Road, St Kilda VIC 3182'],
  ['12 saint kilda road saint kilda victoria 3182', '12 St Kilda Road, St Kilda VIC 3182'],
  ['32 St Georges Terrace Perth WA 6000', '32 St Georges Terrace, Perth WA 6000'],
  ['40 victoria street hobart tas 7000', '40 Victoria Street, Hobart TAS 7000'],
  ['15 adelaide street brisbane qld 4000', '15 Adelaide Street, Brisbane QLD 4000'],
  ['12 Queensland Avenue Broadbeach QLD 4218', '12 Queensland Avenue, Broadbeach QLD 4218'],
  ['5 Victoria Road, Victoria Park WA 6100', '5 Victoria Road, Victoria Park WA 6100'],
  ['22 smith street victoria point queensland 4165', '22 Smith Street, Victoria Point QLD 4165'],
  ['10 Main Road Mount Victoria 2786', '10 Main Road, Mount Victoria NSW 2786'],
  ['3 new south head road double bay nsw 2028', '3 New South Head Road, Double Bay NSW 2028'],
  // street types inside names and suburbs
  ['twelve kelvin grove road kelvin grove queensland 4059', '12 Kelvin Grove Road, Kelvin Grove QLD 4059'],
  ['8 lane cove road ryde nsw 2112', '8 Lane Cove Road, Ryde NSW 2112'],
  ['27 mona vale road st ives nsw 2075', '27 Mona Vale Road, St Ives NSW 2075'],
  ["I'm at 14 Wattle Grove, Ocean Grove, Victoria 3226", '14 Wattle Grove, Ocean Grove VIC 3226'],
  ['7 the esplanade darwin nt 0800', '7 The Esplanade, Darwin NT 0800'],
  ['1/23 the strand, townsville, queensland 4810', '1/23 The Strand, Townsville QLD 4810'],
  ['27 Esplanade, St Kilda VIC 3182', '27 Esplanade, St Kilda VIC 3182'],
  ['12 smith street seven hills nsw 2147', '12 Smith Street, Seven Hills NSW 2147'],
  // place-name casing
  ['6 Hill St, Mt Druitt NSW 2770', '6 Hill Street, Mount Druitt NSW 2770'],
  ["14 macarthur avenue o'connor act 2602", "14 Macarthur Avenue, O'Connor ACT 2602"],
  ['5 McKinnon Road McKinnon VIC 3204', '5 McKinnon Road, McKinnon VIC 3204'],
  ['9 Eighth Avenue, Maylands WA 6051', '9 Eighth Avenue, Maylands WA 6051'],
  // border towns: a neighbour's postcode, kept and read back
  ['5 golf course road barooga nsw 3644', '5 Golf Course Road, Barooga NSW 3644'],
  // self-corrections: the last one wins, in whole or in part
  ['12 smith street sorry 14 smith street fitzroy vic 3065', '14 Smith Street, Fitzroy VIC 3065'],
  ['12 smith street sorry 14 fitzroy victoria 3065', '14 Smith Street, Fitzroy VIC 3065'],
  ['um 14 rose street brunswick victoria 3057 sorry 3056', '14 Rose Street, Brunswick VIC 3056'],
  ['12 smith street fitzroy vic 3065 sorry carlton 3053', '12 Smith Street, Carlton VIC 3053'],
  ['12 smith street, no, 12 smith road, fitzroy 3065', '12 Smith Road, Fitzroy VIC 3065'],
  // the same address twice is not two addresses
  ['12 smith street fitzroy 3065 yeah 12 smith street fitzroy 3065', '12 Smith Street, Fitzroy VIC 3065'],
];

/** Utterances from which no address may be taken on this turn, and what is asked. */
const NOT_CAPTURED: ReadonlyArray<readonly [string, AddressExtraction['kind'], string]> = [
  ['', 'none', ''],
  ['why do you need my address', 'none', ''],
  ["I'd rather not say", 'none', ''],
  ['um hang on let me find it', 'none', ''],
  ["I don't have a fixed address", 'none', ''],
  ['just near the train station in fitzroy', 'none', ''],
  ['twelve', 'partial', 'street'],
  // incomplete: kept, and the rest asked for
  ['12 smith street fitzroy', 'partial', 'postcode'],
  ['the address is 12 smith street fitzroy victoria', 'partial', 'postcode'],
  ['smith street fitzroy vic 3065', 'partial', 'number'],
  ['10 downing street', 'partial', 'suburb-postcode'],
  ['12 Smith Street, 3065', 'partial', 'suburb'],
  ["it's in fitzroy", 'partial', 'street'],
  ['my postcode is 3065', 'partial', 'street'],
  ['12 smith street fitzroy vic 30', 'partial', 'bad-postcode'],
  ['12 smith street fitzroy vic 0100', 'partial', 'bad-postcode'],
  // never guessed
  ['10 collins street melbourne nsw 3000', 'ambiguous', 'state-postcode'],
  ['15 adelaide street brisbane wa 4000', 'ambiguous', 'state-postcode'],
  ['12 smith street fitzroy or 14 jones road carlton 3053', 'ambiguous', 'which-address'],
  ['12 smith street fitzroy 14 jones road carlton 3053', 'ambiguous', 'which-address'],
  ['12 or 14 smith street fitzroy vic 3065', 'ambiguous', 'which-number'],
  ['12 Smith Street Fitzroy VIC 3065 or 3066', 'ambiguous', 'which-postcode'],
  ['1 2 Smith Street Glebe NSW 2037', 'ambiguous', 'unit-or-number'],
];

describe('extractAddress', () => {
  test.each(CAPTURED)('%j → %s', (heard, expected) => {
    expect(read(heard)).toMatchObject({ kind: 'value', value: expected });
  });

  test.each(NOT_CAPTURED)('%j gives no value (%s %s)', (heard, kind, ask) => {
    const result = read(heard);
    expect(result.kind).toBe(kind);
    if (ask !== '') expect(result).toMatchObject({ ask });
  });

  test('fields are the canonical parts', () => {
    expect(read('unit four slash fifty six king street newtown two oh four two')).toEqual({
      kind: 'value',
      value: '4/56 King Street, Newtown NSW 2042',
      fields: { street: '4/56 King Street', suburb: 'Newtown', state: 'NSW', postcode: '2042' },
    });
  });

  test('a partial keeps what was heard', () => {
    expect(read('12 smith street fitzroy victoria')).toEqual({
      kind: 'partial',
      ask: 'postcode',
      parts: { number: '12', streetName: 'Smith Street', suburb: 'Fitzroy', state: 'VIC' },
    });
  });

  test('a PO box is refused when the caller needs a street address', () => {
    expect(extractAddress('PO Box 123 Toowoomba QLD 4350', { allowPoBox: false })).toMatchObject({ kind: 'none', ask: 'street-not-box' });
  });
});

describe('labelled parts', () => {
  test.each([
    // "postcode's", "the post code's", "the zip's": a label contracted with "is"; the state comes from the postcode
    ["9 Kent Road Ascot Vale, postcode's three oh three two", '9 Kent Road, Ascot Vale VIC 3032'],
    ["41 Beach Road Glenelg, the post code's five oh four five", '41 Beach Road, Glenelg SA 5045'],
    ["7 Mill Lane, Kelmscott, the zip's 6111", '7 Mill Lane, Kelmscott WA 6111'],
    // "suburb's", "the suburb is called", "in the suburb of"
    ["3 Oak Avenue, suburb's Sandy Bay, postcode 7005", '3 Oak Avenue, Sandy Bay TAS 7005'],
    ['18 Ridge Road, the suburb is called Mount Gravatt, 4122', '18 Ridge Road, Mount Gravatt QLD 4122'],
    ['250 Flinders Lane in the suburb of Melbourne, post code is 3000', '250 Flinders Lane, Melbourne VIC 3000'],
    // "state's", and a label with a few words before its part ("the postcode for that is")
    ["6 Kerr Street, Fitzroy, state's Victoria, postcode's 3065", '6 Kerr Street, Fitzroy VIC 3065'],
    ['22 Hope Street, Brunswick, and the postcode for that is 3056', '22 Hope Street, Brunswick VIC 3056'],
    ["11 Pier Street, Port Adelaide, postcode there's five oh one five", '11 Pier Street, Port Adelaide SA 5015'],
  ])('%j → %s', (heard, expected) => {
    expect(read(heard)).toMatchObject({ kind: 'value', value: expected });
  });

  test.each([
    ["27 Grange Road, suburb's Toorak, and the postcode's, um, I can't remember", 'Toorak'],
    ['14 Sturt Street, Ballarat, I can not remember the postcode sorry', 'Ballarat'],
    ["3 Bay Road, the suburb's Sandringham and the post code is, hang on", 'Sandringham'],
  ])('a label without its part: %j keeps the suburb and asks for the postcode', (heard, suburb) => {
    expect(read(heard)).toMatchObject({ kind: 'partial', ask: 'postcode', parts: { suburb } });
  });
});

describe('the next turn completes what the last one kept', () => {
  const kept = {
    parts: { number: '12', streetName: 'Smith Street', suburb: 'Fitzroy', state: 'VIC' as const },
    ask: 'postcode' as const,
    options: [],
  };

  test.each([
    ['3065', '12 Smith Street, Fitzroy VIC 3065'],
    ["it's three oh six five", '12 Smith Street, Fitzroy VIC 3065'],
    ['the postcode is thirty sixty five', '12 Smith Street, Fitzroy VIC 3065'],
    ['Fitzroy North 3068', '12 Smith Street, Fitzroy North VIC 3068'],
    ["postcode's three oh six five", '12 Smith Street, Fitzroy VIC 3065'],
    ["yeah the post code's thirty sixty five", '12 Smith Street, Fitzroy VIC 3065'],
  ])('asked for the postcode, %j → %s', (heard, expected) => {
    expect(extractAddress(heard, OPTIONS, kept)).toMatchObject({ kind: 'value', value: expected });
  });

  test('a bare number answers the question asked: the street number', () => {
    const pending = { parts: { streetName: 'Smith Street', suburb: 'Fitzroy', postcode: '3065' }, ask: 'number' as const, options: [] };
    expect(extractAddress('twelve', OPTIONS, pending)).toMatchObject({ value: '12 Smith Street, Fitzroy VIC 3065' });
  });

  test('a conflict is settled by naming the state, or by trusting the postcode', () => {
    const pending = {
      parts: { number: '10', streetName: 'Collins Street', suburb: 'Melbourne', state: 'NSW' as const, postcode: '3000' },
      ask: 'state-postcode' as const,
      options: ['NSW', 'VIC'],
    };
    expect(extractAddress('oh sorry Victoria', OPTIONS, pending)).toMatchObject({ value: '10 Collins Street, Melbourne VIC 3000' });
    expect(extractAddress("the postcode's right", OPTIONS, pending)).toMatchObject({ value: '10 Collins Street, Melbourne VIC 3000' });
    expect(extractAddress("no it's definitely New South Wales", OPTIONS, pending)).toMatchObject({ kind: 'partial', ask: 'postcode' });
  });

  test('a choice offered is answered by pointing at it', () => {
    const pending = {
      parts: { streetName: 'Smith Street', suburb: 'Glebe', state: 'NSW' as const, postcode: '2037' },
      ask: 'unit-or-number' as const,
      options: ['1/2', '12'],
    };
    expect(extractAddress("it's unit one", OPTIONS, pending)).toMatchObject({ value: '1/2 Smith Street, Glebe NSW 2037' });
    expect(extractAddress('no unit, just number twelve', OPTIONS, pending)).toMatchObject({ value: '12 Smith Street, Glebe NSW 2037' });
    const numbers = {
      parts: { streetName: 'Smith Street', suburb: 'Fitzroy', state: 'VIC' as const, postcode: '3065' },
      ask: 'which-number' as const,
      options: ['12', '14'],
    };
    expect(extractAddress('fourteen', OPTIONS, numbers)).toMatchObject({ value: '14 Smith Street, Fitzroy VIC 3065' });
    expect(extractAddress('the first one', OPTIONS, numbers)).toMatchObject({ value: '12 Smith Street, Fitzroy VIC 3065' });
  });
});

describe('spoken numbers', () => {
  test.each([
    ['twelve', '12'],
    ['one two', '12'],
    ['forty two', '42'],
    ['four fifty six', '456'],
    ['one hundred and five', '105'],
    ['three oh six five', '3065'],
    ['three thousand and sixty five', '3065'],
    ['two thousand', '2000'],
    ['twenty six hundred', '2600'],
    ['thirty sixty five', '3065'],
    ['oh eight double oh', '0800'],
    ['six thousand one hundred', '6100'],
  ])('%j → %s', (heard, digits) => {
    const run = readNumberRun(heard.split(' '), 0);
    expect(run?.end).toBe(heard.split(' ').length);
    expect(joinGroups(run?.groups ?? [])).toBe(digits);
  });

  test('a figure ends a run before words: "55 seven hills road"', () => {
    expect(readNumberRun(['55', 'seven', 'hills'], 0)).toMatchObject({ end: 1 });
  });
});

describe('postcodes and states', () => {
  test.each([
    ['0800', 'NT'],
    ['0200', 'ACT'],
    ['2600', 'ACT'],
    ['2620', 'NSW'],
    ['2913', 'ACT'],
    ['3065', 'VIC'],
    ['4000', 'QLD'],
    ['5000', 'SA'],
    ['6000', 'WA'],
    ['7000', 'TAS'],
  ])('%s is in %s', (postcode, state) => {
    expect(stateOfPostcode(postcode)).toBe(state);
  });

  test('a border band is kept; anything else of another state is a conflict', () => {
    expect(checkStatePostcode('NSW', '3644')).toBe('border');
    expect(checkStatePostcode('NSW', '3000')).toBe('conflict');
    expect(checkStatePostcode('VIC', '3000')).toBe('consistent');
    expect(stateOfPostcode('0100')).toBeUndefined();
  });
});
