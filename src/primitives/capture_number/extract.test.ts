import { play as playTurns, type Step } from '../../../tests/support/play';
import { extractNumber } from './extract';
import { captureNumber } from './index';
import { speakNumber } from './speak';

/** Realistic recogniser output → the number a careful human would write down. */
const CAPTURED: ReadonlyArray<readonly [string, string]> = [
  // words and figures
  ['forty two', '42'],
  ['42', '42'],
  ['Seven.', '7'],
  ['two hundred and fifty', '250'],
  ['one thousand five hundred', '1500'],
  ['fifteen hundred', '1500'],
  ['1,500', '1500'],
  ['ten thousand', '10000'],
  ['three hundred and sixty five', '365'],
  ['two thousand and twenty', '2020'],
  // lead-ins and fillers
  ["um it's twenty five", '25'],
  ["yeah there's four of us", '4'],
  ["I'm thirty eight", '38'],
  ['we need 3 rooms', '3'],
  ["I think it's five", '5'],
  ['uh let me think um fourteen', '14'],
  ["hang on a sec it's um sixteen", '16'],
  ["first of all it's twenty two", '22'],
  ["yeah nah it's eight", '8'],
  ["I'd like five please", '5'],
  // decimals, fractions, negatives
  ['three point five', '3.5'],
  ['2.5', '2.5'],
  ['nought point five', '0.5'],
  ['one point two five', '1.25'],
  ['two and a half', '2.5'],
  ['three quarters', '0.75'],
  ['minus two', '-2'],
  ['negative five', '-5'],
  // colloquial amounts
  ['a dozen', '12'],
  ['half a dozen', '6'],
  ['a grand', '1000'],
  ['five grand', '5000'],
  ['fifty k', '50000'],
  ['50k', '50000'],
  ['1.5 million', '1500000'],
  ['1.2 mil', '1200000'],
  ['two and a half million', '2500000'],
  ['a hundred and fifty thousand', '150000'],
  ['just the one', '1'],
  // nothing
  ['zero', '0'],
  ['none', '0'],
  ['nil', '0'],
  ['no kids', '0'],
  ["we don't have any", '0'],
  // said as digits or in pairs
  ['one two three', '123'],
  ['one oh five', '105'],
  ['nineteen ninety nine', '1999'],
  ['two fifty', '250'],
  // ordinals are taken as their number
  ['the third one', '3'],
  ['twenty first', '21'],
  // self-corrections: the last one wins, whole or in part
  ['twenty no thirty', '30'],
  ['four, sorry, five', '5'],
  ['two hundred and fifty sorry two hundred and sixty', '260'],
  ['three point five sorry point seven five', '3.75'],
  ['a hundred sorry fifty', '50'],
  ['260 not 250', '260'],
  ["I've got two, no three kids", '3'],
  // a number said twice is one number; a pause keeps numbers apart
  ['twenty, twenty people', '20'],
  ['seven, seven', '7'],
  ['um... forty... two', '42'],
  ['one thousand, two hundred and thirty four', '1234'],
  ['on a scale of one to ten, eight', '8'],
  ['nine out of ten', '9'],
];

/** Answers from which no number may be taken: the caller must be asked. */
const REJECTED: ReadonlyArray<readonly [string, 'none' | 'ambiguous']> = [
  ['', 'none'],
  ["I don't know", 'none'],
  ['no idea', 'none'],
  ['no', 'none'],
  ['hang on a second', 'none'],
  // ranges and alternatives
  ['five or six', 'ambiguous'],
  ['between 10 and 20', 'ambiguous'],
  ['ten to fifteen', 'ambiguous'],
  ['10-15', 'ambiguous'],
  ['twenty or thirty', 'ambiguous'],
  ['two adults and three kids', 'ambiguous'],
  ['twenty twenty five', 'ambiguous'],
  ['five, six', 'ambiguous'],
  ['fifteen, maybe sixteen', 'ambiguous'],
  // estimates and bounds
  ['about 20', 'ambiguous'],
  ["um it's like fifty", 'ambiguous'],
  ['twenty-ish', 'ambiguous'],
  ['thirty or so', 'ambiguous'],
  ['probably five', 'ambiguous'],
  ['more than fifty', 'ambiguous'],
  ['at least 3', 'ambiguous'],
  ['fifty plus', 'ambiguous'],
  ['fifty odd', 'ambiguous'],
  ['twenty something', 'ambiguous'],
  // vague amounts
  ['a few', 'ambiguous'],
  ['a couple', 'ambiguous'],
  ['heaps', 'ambiguous'],
  ['a lot', 'ambiguous'],
  ['a couple of hundred', 'ambiguous'],
  ['a couple of grand', 'ambiguous'],
  ['several hundred', 'ambiguous'],
  ['hundreds', 'ambiguous'],
  ['in my twenties', 'ambiguous'],
  // a small correction after a compound number may replace all of it or only its end
  ['two hundred and fifty sorry sixty', 'ambiguous'],
  // no exact decimal
  ['a third', 'none'],
];

describe('extractNumber', () => {
  test.each(CAPTURED)('%j → %s', (heard, expected) => {
    expect(extractNumber(heard)).toMatchObject({ kind: 'value', value: expected });
  });

  test.each(REJECTED)('%j gives no value (%s)', (heard, kind) => {
    expect(extractNumber(heard).kind).toBe(kind);
  });

  test('units are kept beside the number', () => {
    expect(extractNumber('twenty bucks')).toEqual({ kind: 'value', value: '20', unit: 'dollars' });
    expect(extractNumber('$150,000')).toEqual({ kind: 'value', value: '150000', unit: 'dollars' });
    expect(extractNumber('ten dollars fifty')).toEqual({ kind: 'value', value: '10.5', unit: 'dollars' });
    expect(extractNumber('seventy five per cent')).toEqual({ kind: 'value', value: '75', unit: 'percent' });
  });

  test('ambiguity says what to ask', () => {
    expect(extractNumber('five or six')).toMatchObject({ ask: { type: 'which', candidates: ['5', '6'] } });
    expect(extractNumber('about 20')).toMatchObject({ ask: { type: 'approximate', value: '20' } });
    expect(extractNumber('two hundred and fifty sorry sixty')).toMatchObject({ ask: { type: 'which', candidates: ['60', '260'] } });
  });

  test('a fragment completes the number being corrected', () => {
    expect(extractNumber('point seven five', { previous: '3.5' })).toMatchObject({ value: '3.75' });
    expect(extractNumber('and sixty', { previous: '250' })).toMatchObject({ value: '260' });
    expect(extractNumber('sixty', { previous: '250' })).toMatchObject({ value: '60' });
  });
});

describe('a number cut off before its end is never completed by guessing', () => {
  test.each([
    ['four hundred and', '400'],
    ['um four hundred and.', '400'],
    ['two point', '2'],
    ['five and', '5'],
    ["it's four hundred and twenty and", '420'],
  ])('"%s" asks for the rest, keeping %s', (said, head) => {
    expect(extractNumber(said)).toMatchObject({ kind: 'ambiguous', ask: { type: 'rest', said: head } });
  });

  test.each([
    ['four hundred and twenty', '420'],
    ['five and a half', '5.5'],
    ['me and my 3 kids', '3'],
    ['four hundred and, sorry, four hundred and twenty', '420'],
    ['nineteen eighty four', '1984'],
  ])('"%s" is whole: %s', (said, value) => {
    expect(extractNumber(said)).toEqual({ kind: 'value', value });
  });

  test('a later correction that is whole wins', () => {
    expect(extractNumber('four hundred and twenty, sorry, four hundred and')).toMatchObject({ ask: { type: 'rest' } });
  });
});

function play(steps: readonly Step[]): string[] {
  return playTurns(captureNumber, steps).prompts;
}

describe('capture_number on the objective state machine', () => {
  test('a confident answer completes without a read-back', () => {
    play([[{ transcription: 'two hundred and fifty' }, 'completed', '250']]);
  });

  test('an unsure recogniser means a read-back', () => {
    const [prompt] = play([[{ transcription: 'two hundred and fifty', confidence: 0.7 }, 'confirming', '250']]);
    expect(prompt).toBe("Just to confirm, that's two hundred and fifty. Is that right?");
  });

  test('single shot with a confirmation', () => {
    play([[{ transcription: 'fifty bucks', confirmation: 'yep', confidence: 0.6 }, 'completed', '50']]);
  });

  test('an estimate is asked about, and a yes takes it', () => {
    const [prompt] = play([
      [{ transcription: 'about twenty' }, 'eliciting', '', 'AMBIGUOUS'],
      [{ transcription: "yeah that's fine" }, 'completed', '20'],
    ]);
    expect(prompt).toBe('Is that exactly twenty, or do you have a more exact number?');
  });

  test('an estimate is asked about, and a number replaces it', () => {
    play([
      [{ transcription: 'around thirty' }, 'eliciting', '', 'AMBIGUOUS'],
      [{ transcription: "it's thirty two" }, 'completed', '32'],
    ]);
  });

  test('a range is asked about, and the answer chooses', () => {
    const [prompt] = play([
      [{ transcription: 'five or six' }, 'eliciting', '', 'AMBIGUOUS'],
      [{ transcription: 'the second one' }, 'completed', '6'],
    ]);
    expect(prompt).toBe('Sorry, was that five or six? I just need the one number.');
  });

  test('a vague amount asks for an exact number', () => {
    const [prompt] = play([[{ transcription: 'heaps' }, 'eliciting', '', 'AMBIGUOUS']]);
    expect(prompt).toMatch(/exact number/);
  });

  test('a correction in the confirmation replaces the value, and is read back again however sure', () => {
    play([
      [{ transcription: 'three point five', confidence: 0.6 }, 'confirming', '3.5'],
      [{ confirmation: 'no, three point seven five', confidence: 0.6 }, 'confirming', '3.75'],
      [{ confirmation: 'no, four point seven five' }, 'confirming', '4.75'],
      [{ confirmation: 'yes' }, 'completed', '4.75'],
    ]);
    // Sixty and sixteen are misheard for each other: the corrected one is read back too.
    play([
      [{ transcription: 'sixty', confidence: 0.7 }, 'confirming', '60'],
      [{ confirmation: 'no sixteen' }, 'confirming', '16'],
      [{ confirmation: 'yep' }, 'completed', '16'],
    ]);
  });

  test('repair completes a fragment of the number read back', () => {
    play([
      [{ transcription: 'two hundred and fifty', confidence: 0.6 }, 'confirming', '250'],
      [{ confirmation: 'nah' }, 'repairing', '', 'NOT_CONFIRMED'],
      [{ transcription: 'and sixty', confidence: 0.6 }, 'confirming', '260'],
    ]);
  });

  test('a cut-off number asks for the rest, and the rest completes it', () => {
    const [prompt] = play([
      [{ transcription: 'four hundred and' }, 'eliciting', '', 'AMBIGUOUS'],
      [{ transcription: 'twenty' }, 'completed', '420'],
    ]);
    expect(prompt).toBe("I caught four hundred and, but not the rest. What's the whole number?");
  });

  test('after a cut-off, the whole number said again is taken as said', () => {
    play([
      [{ transcription: 'two point' }, 'eliciting', '', 'AMBIGUOUS'],
      [{ transcription: 'two point five' }, 'completed', '2.5'],
    ]);
    play([
      [{ transcription: 'two point' }, 'eliciting', '', 'AMBIGUOUS'],
      [{ transcription: 'seven five' }, 'completed', '2.75'],
    ]);
    play([
      [{ transcription: 'four hundred and' }, 'eliciting', '', 'AMBIGUOUS'],
      [{ transcription: 'four hundred and twelve' }, 'completed', '412'],
    ]);
  });

  test('hedged values ask, never guess', () => {
    expect(play([[{ transcription: 'maybe 6 or 7' }, 'eliciting', '', 'AMBIGUOUS']])[0]).toBe(
      'Sorry, was that six or seven? I just need the one number.',
    );
    expect(play([[{ transcription: 'about 5' }, 'eliciting', '', 'AMBIGUOUS']])[0]).toMatch(/exactly five/);
  });

  test('later prompts change strategy', () => {
    const elicit = [0, 1, 2].map((n) => captureNumber.prompts.elicit(n));
    expect(new Set(elicit).size).toBe(3);
    expect(elicit[2]).toMatch(/just the number/);
    expect(captureNumber.prompts.repair(2, { value: '1', fields: {} })).toMatch(/digit by digit/);
  });

  test('numbers are not masked', () => {
    expect(captureNumber.mask('250')).toBe('250');
  });
});

describe('speakNumber', () => {
  test.each([
    ['250', 'two hundred and fifty'],
    ['1005', 'one thousand and five'],
    ['1500000', 'one million five hundred thousand'],
    ['-2.5', 'minus two point five'],
    ['0', 'zero'],
    ['0.75', 'zero point seven five'],
  ])('%s is said "%s"', (value, spoken) => {
    expect(speakNumber(value)).toBe(spoken);
  });
});
