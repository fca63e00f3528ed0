import { extractName } from './extract';

/** A second person's name in the same answer: the caller's own, or the one the name is for; two others are asked about. */
const read = (text: string) => extractName(text, { requireLastName: true });

describe('a second person named in the same answer', () => {
  test.each([
    // the caller's own name, another person only mentioned
    ["it's John Smith, my wife is Mary", 'John Smith'],
    ['I’m Sarah Jones and my husband is Tom', 'Sarah Jones'],
    ["my name is Sarah Jones, my partner's name is Tom Jones", 'Sarah Jones'],
    ["it's John Smith, and my wife Mary will be coming too", 'John Smith'],
    ['my wife Mary and I, John Smith', 'John Smith'],
    ["I'm John, my wife is Mary, surname Smith", 'John Smith'],
    ['John Smith my wife is Mary', 'John Smith'],
    ["it's Sam Green, my brother Alex Green might call as well", 'Sam Green'],
    // the person the name is for
    ["put it under my husband's name, Peter Jones", 'Peter Jones'],
    ["put it under my husband's name, Peter Jones, I'm Mary", 'Peter Jones'],
    ['this is Dave Brown calling for my mum, Joan Brown', 'Joan Brown'],
    ["I'm ringing on behalf of my dad, his name is Frank Moore", 'Frank Moore'],
    ["John Smith, but put it in my wife's name, Mary Smith", 'Mary Smith'],
    ["the booking's for my daughter, Kate Lee", 'Kate Lee'],
    ["my name's Ann Lee, but the booking is for my eldest daughter Kate Lee", 'Kate Lee'],
    ['Kate Lee, it’s for my daughter', 'Kate Lee'],
    // only another person named
    ["my wife's name is Mary Smith", 'Mary Smith'],
  ])('%j → %s', (heard, expected) => {
    expect(read(heard)).toMatchObject({ kind: 'value', value: expected });
  });

  test.each([
    ["it's John, my wife is Mary", { first: 'John' }],
    ["put it under my husband's name, Peter", { first: 'Peter' }],
    ['it’s John. My wife is Mary.', { first: 'John' }],
    ['my husband Peter', { first: 'Peter' }],
  ])('%j → first name %j kept, the surname asked for', (heard, parts) => {
    expect(read(heard)).toEqual({ kind: 'partial', parts, ask: 'last' });
  });

  test.each([
    'my son is Jack and my daughter is Kate',
    "it's for my son Jack or my daughter Kate",
    'put it under my husband Peter, or my son Luke',
    "my wife's name is Mary, my brother's name is Tom",
  ])('%j is asked about: whose name?', (heard) => {
    expect(read(heard).kind).toBe('ambiguous');
  });

  test.each(["it's for my mum actually", "the account's in my husband's name", "I'm calling about my husband's appointment"])(
    '%j: another person without a name gives no name at all',
    (heard) => {
      expect(read(heard).kind).toBe('none');
    },
  );

  test('"my wife and I, Mary and John Smith": two names, asked about', () => {
    expect(read('my wife and I, Mary and John Smith').kind).toBe('ambiguous');
  });

  test('"it\'s my daughter\'s booking, Kate": Kate', () => {
    expect(read("it's my daughter's booking, Kate")).toEqual({ kind: 'partial', parts: { first: 'Kate' }, ask: 'last' });
  });
});
