import { extractName, type NameExtraction } from './extract';
import { maskName, nameCase, similarNames } from './format';
import { applyModifier, readModifier } from './modifiers';
import { readSpelledRun } from './spelling';

const OPTIONS = { requireLastName: true };
const read = (heard: string): NameExtraction => extractName(heard, OPTIONS);

/** Realistic recogniser output → the name a careful human would write down. */
const CAPTURED: ReadonlyArray<readonly [string, string]> = [
  // lead-ins, sign-offs, titles
  ['Jane Smith', 'Jane Smith'],
  ['my name is John Citizen', 'John Citizen'],
  ["yeah g'day it's Peter Jones", 'Peter Jones'],
  ['Jane Smith speaking', 'Jane Smith'],
  ["um my name's David Wilson", 'David Wilson'],
  ["I'm Emily Taylor", 'Emily Taylor'],
  ['hello this is Rebecca Wilson', 'Rebecca Wilson'],
  ["This is Dr Sarah O'Connor speaking", "Sarah O'Connor"],
  ['yes this is Mr Raj Patel', 'Raj Patel'],
  ["it's Mrs Helen Papadopoulos", 'Helen Papadopoulos'],
  ['Dr. Raj Krishnan', 'Raj Krishnan'],
  ['Mia Roberts here', 'Mia Roberts'],
  ["it's matthew ryan thanks", 'Matthew Ryan'],
  ['Jane Smith thanks very much', 'Jane Smith'],
  ['Dave Jones from ABC Plumbing', 'Dave Jones'],
  ['Jane Smith and this is about my account', 'Jane Smith'],
  ["Hi, I'm calling about my booking, the name's Sam Green", 'Sam Green'],
  // names that are also English words
  ['Grace Hill', 'Grace Hill'],
  ['Will Turner', 'Will Turner'],
  ['May Wong', 'May Wong'],
  ["it's Rose White", 'Rose White'],
  // capitalisation
  ['JANE SMITH', 'Jane Smith'],
  ["hi it's Liam O'Brien", "Liam O'Brien"],
  ['Jack McDonald', 'Jack McDonald'],
  ['Amy MacDonald', 'Amy MacDonald'],
  ['Amy Mackenzie', 'Amy Mackenzie'],
  ['anna mac donald', 'Anna MacDonald'],
  ['Sean O apostrophe Brien', "Sean O'Brien"],
  ['tom o neill', "Tom O'Neill"],
  ['Oliver Smith-Jones', 'Oliver Smith-Jones'],
  ['sarah smith hyphen jones', 'Sarah Smith-Jones'],
  ['Mary-Jane Watson', 'Mary-Jane Watson'],
  ["I'm Mohammed Al-Rashid", 'Mohammed Al-Rashid'],
  ['Hans van der Berg', 'Hans van der Berg'],
  ['Peter van Dyke', 'Peter van Dyke'],
  ['maria de luca', 'Maria De Luca'],
  // middle names
  ['my full name is Thomas Edward Walker', 'Thomas Edward Walker'],
  ['Mr. John Paul Smith', 'John Paul Smith'],
  // spelled: the spelling wins
  ['Jane Smith, S M I T H', 'Jane Smith'],
  ["Karen Leigh, that's L E I G H", 'Karen Leigh'],
  ['karen lee l e i g h', 'Karen Leigh'],
  ['emma philips p h i double l i p s', 'Emma Phillips'],
  ['Jake Smith, S for Sierra, M for Mike, I T H', 'Jake Smith'],
  ['Jane Sierra Mike India Tango Hotel', 'Jane Smith'],
  ["it's Daniel, D A N I E L, Kowalski, K O W A L S K I", 'Daniel Kowalski'],
  ['Siobhan Kelly, S I O B H A N', 'Siobhan Kelly'],
  ['Rhys, R H Y S, Jones', 'Rhys Jones'],
  ["it's Dean, D E A N, Mac Kenzie", 'Dean MacKenzie'],
  ['Zara Ahmed, A H M E D', 'Zara Ahmed'],
  // labelled parts
  ['my first name is Jane and my surname is Smith', 'Jane Smith'],
  ['first name Peter last name Nguyen', 'Peter Nguyen'],
  ['surname Tran T R A N, first name Minh', 'Minh Tran'],
  ["it's Wei, W E I, and the surname is Zhang, Z H A N G", 'Wei Zhang'],
  ["my first name's Jack and last name's O'Neill", "Jack O'Neill"],
  // repeats, restarts and self-corrections
  ["it's uh Jane, Jane Smith", 'Jane Smith'],
  ['my name is Chris um Christopher Lee', 'Christopher Lee'],
  ["my name is O'Reilly, Patrick O'Reilly", "Patrick O'Reilly"],
  ['Brown, Jessica Brown', 'Jessica Brown'],
  ['John Smith no sorry Jon Smith J O N', 'Jon Smith'],
  ['Jane Smith, sorry, Smyth', 'Jane Smyth'],
  ['Jon Smith, sorry, John', 'John Smith'],
  ['Chris sorry Christine Baker', 'Christine Baker'],
  ["Jess, that's Jessica Brown", 'Jessica Brown'],
  ['Jane Smith, Jane Smith', 'Jane Smith'],
  ['Karen Lee, Leigh', 'Karen Leigh'],
  ["uh my name's Tim, Tim Tam", 'Tim Tam'],
  // sentence words around the name
  ["Jack Smith's my name", 'Jack Smith'],
  ["The name's Bond, James Bond", 'James Bond'],
  ['Mr Jack Smith Junior', 'Jack Smith'],
  ["it's for my husband, his name is John Smith", 'John Smith'],
  ['my name is jane smith and my date of birth is the third of may', 'Jane Smith'],
  ['Jane Smith. Do you need my date of birth?', 'Jane Smith'],
  ["er so basically it's Jane Smith", 'Jane Smith'],
  ['Karen Leigh, that is L E I G H', 'Karen Leigh'],
  ['Tom Le', 'Tom Le'],
  ['Van Nguyen', 'Van Nguyen'],
];

/** Utterances from which no name may be taken on this turn. */
const NOT_CAPTURED: ReadonlyArray<readonly [string, NameExtraction['kind'], string]> = [
  ['', 'none', ''],
  ['um', 'none', ''],
  ['hello?', 'none', ''],
  ['why do you need my name', 'none', ''],
  ["I'd rather not say", 'none', ''],
  ['none of your business', 'none', ''],
  ['can I speak to someone please', 'none', ''],
  ['sorry what was that', 'none', ''],
  ['who is this', 'none', ''],
  ['hang on a sec', 'none', ''],
  ["it's for my mum actually", 'none', ''],
  ['my number is 0412 345 678', 'none', ''],
  ['Is this a scam call?', 'none', ''],
  ['Jane why do you need it', 'partial', 'last'],
  // one part only: kept, and the other asked for
  ['Jane', 'partial', 'last'],
  ['just call me Dave', 'partial', 'last'],
  ["it's Smith", 'partial', 'last'],
  ['Mr Smith', 'partial', 'first'],
  ['my surname is Patel', 'partial', 'first'],
  ['J Smith', 'partial', 'first'],
  // two names without a self-correction
  ['Jane Smith or Jane Jones', 'ambiguous', ''],
  ['Jane or Janet Smith', 'ambiguous', ''],
  ['Jane and John Smith', 'ambiguous', ''],
  ['Jane Smith, John Smith', 'ambiguous', ''],
];

describe('extractName', () => {
  test.each(CAPTURED)('%j → %s', (heard, expected) => {
    expect(read(heard)).toMatchObject({ kind: 'value', value: expected });
  });

  test.each(NOT_CAPTURED)('%j gives no value (%s %s)', (heard, kind, ask) => {
    const result = read(heard);
    expect(result.kind).toBe(kind);
    if (ask !== '') expect(result).toMatchObject({ ask });
  });

  test('fields: first, last, and middle when given', () => {
    expect(read('Hans van der Berg')).toEqual({
      kind: 'value',
      value: 'Hans van der Berg',
      fields: { first: 'Hans', last: 'van der Berg' },
    });
    expect(read('my full name is Thomas Edward Walker')).toMatchObject({ fields: { first: 'Thomas', middle: 'Edward', last: 'Walker' } });
  });

  test('non-answers are told from names never heard', () => {
    expect(read('why do you need my name')).toMatchObject({ kind: 'none', nonAnswer: true });
    expect(read('hello?')).toMatchObject({ kind: 'none', nonAnswer: false });
  });

  test('a first name alone is enough when the surname is not required', () => {
    expect(extractName('just call me Dave', { requireLastName: false })).toMatchObject({
      kind: 'value',
      value: 'Dave',
      fields: { first: 'Dave' },
    });
  });
});

describe('how callers put their name forward', () => {
  test.each([
    // lead-ins that book or file the name: "put me down as", "book me in as", "put it under", "under the name", "I go by"
    ['just put me down as Omar Haddad', 'Omar Haddad'],
    ['book me in as Kylie Fraser please', 'Kylie Fraser'],
    ['put it under Bianca Russo', 'Bianca Russo'],
    ["yeah it's under the name Declan Murphy", 'Declan Murphy'],
    ["it'll be under Ravi Singh", 'Ravi Singh'],
    ['I go by Jess Moore', 'Jess Moore'],
    ['you can call me Mack but my name is Malcolm Reid', 'Malcolm Reid'],
    // "<word> is spelled / spelt / that's spelled / spelling is …": the spelling is of the word named
    ['Harry Nolan, Harry is spelt h a r r i e', 'Harrie Nolan'],
    ['Mia Chow, Chow is spelled c h o u', 'Mia Chou'],
    ["Tegan Price, and Tegan that's spelled t e a g a n", 'Teagan Price'],
    ['Dane Kerr, Kerr spelling is k e r', 'Dane Ker'],
    ['Rosa Diaz and Diaz is d i a s', 'Rosa Dias'],
    // spelling described, not spelled; the same name said again as heard is the respelled one
    ['Sofia with a p h, Sofia Marino', 'Sophia Marino'],
    ['Caitlin with a y, Caitlin Ross', 'Caitlyn Ross'],
    ['kelly with an i e, kelly ryan', 'Kellie Ryan'],
    ["Philip with two l's, Philip Carter", 'Phillip Carter'],
    ['Allan with one l, Allan Webb', 'Alan Webb'],
    ['Erik with a c, Erik Olsen', 'Eric Olsen'],
    ['Tracy Bell, Tracy with an e', 'Tracey Bell'],
    ['Jon with an h, Jon Baker', 'John Baker'],
    ["Kristy Vance, that's Kristy with an i e", 'Kristie Vance'],
    // descriptions that confirm what was heard: "without an e", "no e", "just J O"
    ['Joe Lam, Joe no e', 'Jo Lam'],
    ['Anne Holt, Anne with an e', 'Anne Holt'],
    ['Jon Pike, just J O N', 'Jon Pike'],
    ['Sara Kemp, Sara without an h', 'Sara Kemp'],
    // a correction inside a labelled part keeps the label, including one said after the word ("Kate, Katherine actually")
    ["my first name's Liz, sorry, Elizabeth, and my surname is Dunn", 'Elizabeth Dunn'],
    ['first name Tom, I mean Thomas, last name Hale', 'Thomas Hale'],
    ['given name is Kate, uh, Katherine actually, family name Moss', 'Katherine Moss'],
    ['surname is Smith, sorry, Smythe, first name Ella', 'Ella Smythe'],
    ['first name is Tash, Natasha, surname Reid', 'Natasha Reid'],
    // connectives between the parts of one name
    ['Priya, P R I Y A, then Raman R A M A N', 'Priya Raman'],
    ['Marco and then Bianchi', 'Marco Bianchi'],
    ['first name Noor and then the surname is Ali', 'Noor Ali'],
    ['Ava, A V A, and Tran, T R A N', 'Ava Tran'],
    // one name offered twice is one name
    ['Kim Park or just Kim', 'Kim Park'],
    // a short first name that begins the surname is not a restart
    ['Will Williams', 'Will Williams'],
    ['Jack Jackson', 'Jack Jackson'],
    ['Dan Jordan', 'Dan Jordan'],
  ])('%j → %s', (heard, expected) => {
    expect(read(heard)).toMatchObject({ kind: 'value', value: expected });
  });

  test.each([
    // two different names offered as alternatives
    ["Mark Ellis, or you could put it under my wife's name, Tanya Ellis", false],
    ['Ben Ford or Benjamin Ford', false],
    ["Nina Park, or my partner's name, Sean Kelly", false],
    ['Ruby Chan, or put it under my husband, Alan Chan', false],
    // a described spelling that fits no respelling, or more than one: spelled out, not guessed
    ['Jane with a y Smith', true],
    ['Tomas with an h, Tomas Berg', true],
    ['Stephen without a p h Clarke', true],
  ])('%j is asked about (spell: %s)', (heard, spell) => {
    const result = read(heard);
    expect(result.kind).toBe('ambiguous');
    expect(result.kind === 'ambiguous' && result.spell === true).toBe(spell);
  });
});

describe('described spellings', () => {
  test.each([
    ['steven', 'with a p h', 'stephen'],
    ['sofia', 'with a p h', 'sophia'],
    ['catherine', 'with a k', 'katherine'],
    ['eric', 'with a k', 'erik'],
    ['caitlin', 'with a y', 'caitlyn'],
    ['ashlee', 'with a y', 'ashley'],
    ['natalee', 'with an i e', 'natalie'],
    ['tracey', 'with an i e', 'tracie'],
    ['tracy', 'with an e', 'tracey'],
    ['ann', 'with an e', 'anne'],
    ['brook', 'with an e on the end', 'brooke'],
    ['sara', 'with an h', 'sarah'],
    ['jon', 'with an aitch', 'john'],
    ['philip', "with two l's", 'phillip'],
    ['jenifer', "with two n's", 'jennifer'],
    ['lyn', 'with double n', 'lynn'],
    ['phillip', 'with just the one l', 'philip'],
    ['jo', 'without an e', 'jo'],
    ['joe', 'no e', 'jo'],
    ['john', 'without an h', 'jon'],
    ['anne', 'with no e', 'ann'],
  ])('%s %s → %s', (word, said, written) => {
    const words = said.split(' ');
    const modifier = readModifier(words, 0);
    expect(modifier?.end).toBe(words.length);
    expect(modifier && applyModifier(word, modifier)).toEqual({ kind: 'spelled', text: written });
  });

  test('words that only look like a description are not one', () => {
    expect(readModifier(['with', 'my', 'husband'], 0)).toBeUndefined();
    expect(readModifier(['no', 'sorry'], 0)).toBeUndefined();
    expect(readModifier(['no', 'a', 'b'], 0)).toBeUndefined();
  });
});

describe('the next turn completes what the last one kept', () => {
  test.each([
    [{ first: 'Jane' }, 'last', 'Smith', 'Jane Smith'],
    [{ first: 'Jane' }, 'last', "it's Leigh, L E I G H", 'Jane Leigh'],
    [{ first: 'Jane' }, 'last', 'Jane Smith', 'Jane Smith'],
    [{ last: 'Smith' }, 'first', 'Jane', 'Jane Smith'],
    [{ last: 'Smith' }, 'first', 'my first name is Priya', 'Priya Smith'],
  ] as const)('%j asked for %s, %j → %s', (parts, ask, heard, expected) => {
    expect(extractName(heard, OPTIONS, { parts, ask })).toMatchObject({ kind: 'value', value: expected });
  });
});

describe('spelling and capitalisation', () => {
  test.each([
    ['s m i t h', 'smith'],
    ['l e i g h', 'leigh'],
    ['p h i double l i p s', 'phillips'],
    ['s for sierra m for mike i t h', 'smith'],
    ['l as in lima e e', 'lee'],
    ['sierra mike india tango hotel', 'smith'],
    ['o apostrophe b r i e n', "o'brien"],
    ['m a c capital d o n a l d', 'macDonald'],
  ])('%j spells %s', (heard, letters) => {
    const words = heard.split(' ');
    expect(readSpelledRun(words, 0)).toEqual({ letters, end: words.length });
  });

  test('a lone letter or a lone NATO word is not a spelling', () => {
    expect(readSpelledRun(['j', 'smith'], 0)).toBeUndefined();
    expect(readSpelledRun(['mike', 'smith'], 0)).toBeUndefined();
  });

  test.each([
    ['smith', 'Smith'],
    ["o'brien", "O'Brien"],
    ['mcdonald', 'McDonald'],
    ['macdonald', 'Macdonald'],
    ['macDonald', 'MacDonald'],
    ['smith-jones', 'Smith-Jones'],
  ])('nameCase(%j) → %s', (word, written) => {
    expect(nameCase(word)).toBe(written);
  });

  test('particles stay lowercase inside a surname only when Dutch or German', () => {
    expect(nameCase('van', undefined, true)).toBe('van');
    expect(nameCase('de', undefined, true)).toBe('De');
  });

  test.each([
    ['lee', 'leigh', true],
    ['smith', 'smyth', true],
    ['john', 'jon', true],
    // The same consonants, the vowels spelled differently: one name.
    ['catherine', 'kathryn', true],
    ['shaun', 'sean', true],
    ['shawn', 'sean', true],
    ['jane', 'smith', false],
    ['sam', 'smith', false],
    ['tim', 'tom', true],
    ['ian', 'ann', false],
    ['murphy', 'sean', false],
    ['sean', 'simon', false],
  ])('similarNames(%s, %s) is %s', (a, b, similar) => {
    expect(similarNames(a, b)).toBe(similar);
  });

  test('mask keeps initials only', () => {
    expect(maskName('Jane Smith')).toBe('J*** S****');
    expect(maskName('Hans van der Berg')).toBe('H*** v** d** B***');
  });
});
