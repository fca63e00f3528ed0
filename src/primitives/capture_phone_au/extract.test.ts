import { extractPhone, repairPhone, type PhoneExtraction } from './extract';
import { phoneFromE164 } from './numbering';

/** Realistic recogniser output → the number a careful human would write down (ACMA fictitious numbers). */
const CAPTURED: ReadonlyArray<readonly [string, string]> = [
  // formatted by the recogniser
  ['0491 570 156', '+61491570156'],
  ['0491570156', '+61491570156'],
  ['My mobile is 0491-570-157.', '+61491570157'],
  ['04 91 57 01 56', '+61491570156'],
  ['(02) 5550 1234', '+61255501234'],
  ['1300 975 707', '+611300975707'],
  ['1800 975 708', '+611800975708'],
  ['13 22 21', '+61132221'],
  // a mobile said without its leading zero is still a mobile: read back as oh four …
  ['four nine one five seven oh one five six', '+61491570156'],
  ['491 570 156', '+61491570156'],
  ["it's four nine one, five seven oh, one five seven", '+61491570157'],
  // digits as words: oh, zero, nought
  ['oh four nine one five seven oh one five eight', '+61491570158'],
  ['zero four nine one, five seven zero, one five nine', '+61491570159'],
  ['nought four nine one five seven nought one five six', '+61491570156'],
  ['o four nine one five seven o one five six', '+61491570156'],
  ['oh two five five five oh, four three two one', '+61255504321'],
  ['0491 570 one five six', '+61491570156'],
  // lead-ins, fillers and sign-offs
  ['um my number is oh four nine one, five seven oh, three one three', '+61491570313'],
  ['you can call me on 0491 570 110', '+61491570110'],
  ["yeah it's 0491 578 148 mate", '+61491578148'],
  ["it's oh four nine one, uh, five seven oh, um, three one three", '+61491570313'],
  ["my number is 0491 570 156 and I'm free after 5", '+61491570156'],
  ['call me on 0491 570 156 for the booking', '+61491570156'],
  ['0491 570 156, oh and after hours is fine too', '+61491570156'],
  // double, triple, groups said as tens and hundreds
  ['oh four nine one five seven oh double one oh', '+61491570110'],
  ['oh four nine one, five seven eight, triple eight', '+61491578888'],
  ['oh four nine one, five seventy, one fifty six', '+61491570156'],
  ['thirteen hundred nine seven five seven oh eight', '+611300975708'],
  ['one three hundred nine seven five seven oh seven', '+611300975707'],
  ['one eight hundred nine seven five seven oh nine', '+611800975709'],
  ['eighteen hundred nine seven five seven oh nine', '+611800975709'],
  ['thirteen twenty two twenty one', '+61132221'],
  // homophones inside a run of digits
  ['oh for nine one five seven oh one five six', '+61491570156'],
  ['oh four nine one five seven to six six five', '+61491572665'],
  ['oh four nine one five seven oh one five ate', '+61491570158'],
  // country code
  ['+61 491 570 156', '+61491570156'],
  ['plus six one four nine one five seven oh one five seven', '+61491570157'],
  ['plus six one oh four nine one five seven oh one five nine', '+61491570159'],
  ['+61 (0) 491 570 156', '+61491570156'],
  ['six one four nine one five seven oh one five eight', '+61491570158'],
  ['oh oh one one six one four nine one five seven oh one five six', '+61491570156'],
  ['plus 61 2 5550 1234', '+61255501234'],
  ['zero zero six one four nine one five seven oh one five six', '+61491570156'],
  // area codes said apart, after the number, or as a place
  ['area code oh two, five five five oh, one two three four', '+61255501234'],
  ['five five five oh, one two three four, area code oh seven', '+61755501234'],
  ["5550 1234, it's a Brisbane number", '+61755501234'],
  ['area code is 03 and then 5550 6789', '+61355506789'],
  ['area code two, five five five oh one two three four', '+61255501234'],
  // self-corrections: the last one wins, in whole or in part
  ['0491 570 156 actually no its 0491 571 266', '+61491571266'],
  ['02 5550 1234 sorry 03 5550 1234', '+61355501234'],
  ['0491 570 156 sorry 157 at the end', '+61491570157'],
  ['oh four nine one five seven oh one five six no sorry one five nine', '+61491570159'],
  ['oh four nine one five seven oh, one five six. No wait, one five seven.', '+61491570157'],
  ['0491 570 156 sorry 0492 at the start', '+61492570156'],
  ['0491 570 156 sorry the middle is 571', '+61491571156'],
  ['0491 570 156 the last three are 159', '+61491570159'],
  ['oh four nine one five seven oh one five sorry one five six', '+61491570156'],
  ['it used to be 0491 570 156 but now its 0491 571 266', '+61491571266'],
  ['oh four nine one... um... five seven oh... one five seven', '+61491570157'],
  // saying the same number twice is not ambiguous
  ['oh four nine one five seven oh one five six, that is 0491 570 156', '+61491570156'],
  ['0491 570 156 0491 570 156', '+61491570156'],
];

/** Utterances from which no number may be taken: the caller must be asked. */
const REJECTED: ReadonlyArray<readonly [string, PhoneExtraction['kind'], string]> = [
  ['', 'none', '-'],
  ["I don't have a phone", 'none', '-'],
  ['can you just email me instead', 'none', '-'],
  ["it's the same as my husband's", 'none', '-'],
  // never a callback number
  ['triple zero', 'none', 'emergency'],
  ['000', 'none', 'emergency'],
  ['one one two', 'none', 'emergency'],
  ['1900 654 321', 'none', 'premium'],
  ['+44 20 7946 0958', 'none', 'foreign'],
  ['+1 415 555 2671', 'none', 'foreign'],
  ['0011 44 20 7946 0958', 'none', 'foreign'],
  // wrong length or not allocated
  ['oh four nine one five seven oh one five six seven', 'none', 'too-long'],
  ['two five five five oh one two three four', 'none', 'no-trunk'],
  ['oh eight one two three four five six seven eight', 'none', 'invalid'],
  ['oh five five oh one two three four five six', 'none', 'invalid'],
  // incomplete: the rest, or the area code, is asked for
  ['oh four nine one five seven oh', 'partial', '-'],
  ['5550 1234', 'partial', '-'],
  // a dangling country code: the rest is asked for, never a guess
  ['plus six one', 'partial', '-'],
  ['um, plus sixty one', 'partial', '-'],
  ['plus six one four nine one', 'partial', '-'],
  // two numbers
  ['0491 570 156 or 0491 570 157', 'ambiguous', '-'],
  ['my mobile is 0491 570 156 my landline is 02 5550 1234', 'ambiguous', '-'],
  ["my mobile's 0491 570 156 and my work one is 5550 1234", 'ambiguous', '-'],
  ['0491 570 156 or is it 159', 'ambiguous', '-'],
  ['0491570156 0255501234', 'ambiguous', '-'],
  // a corrected group that fits two places equally
  ['0491 570 156 sorry 999', 'ambiguous', '-'],
  // unsure of the rest: the groups are not joined
  ["0491 570 I can't remember the rest 156", 'partial', '-'],
];

describe('extractPhone', () => {
  test.each(CAPTURED)('%j → %s', (heard, expected) => {
    const result = extractPhone(heard);
    expect(result.kind === 'value' ? result.phone.e164 : result).toBe(expected);
  });

  test.each(REJECTED)('%j gives no value (%s, %s)', (heard, kind, problem) => {
    const result = extractPhone(heard);
    expect(result.kind).toBe(kind);
    if (problem !== '-') expect(result).toMatchObject({ problem });
  });

  test('type and national format come from libphonenumber', () => {
    expect(extractPhone('0491 570 156')).toMatchObject({ phone: { type: 'mobile', national: '0491 570 156' } });
    expect(extractPhone('02 5550 1234')).toMatchObject({ phone: { type: 'landline', national: '02 5550 1234' } });
    expect(extractPhone('1300 975 707')).toMatchObject({ phone: { type: 'local_rate', national: '1300 975 707' } });
    expect(extractPhone('1800 975 707')).toMatchObject({ phone: { type: 'freephone', national: '1800 975 707' } });
    expect(extractPhone('13 22 21')).toMatchObject({ phone: { type: 'local_rate', national: '13 22 21' } });
  });

  test('incomplete numbers keep what was heard', () => {
    expect(extractPhone('oh four nine one five seven oh')).toEqual({ kind: 'partial', digits: '0491570', need: 'rest' });
    expect(extractPhone('five five five oh one two three four')).toEqual({ kind: 'partial', digits: '55501234', need: 'area' });
  });
});

describe('repairPhone', () => {
  const previous = phoneFromE164('+61491570156')!;

  test.each([
    ['no the last three are 159', '+61491570159'],
    ['it ends in 159', '+61491570159'],
    ['159 at the end', '+61491570159'],
    ["no it's 0492 not 0491", '+61492570156'],
    ['not 0491, 0492', '+61492570156'],
    ['not 156, 159', '+61491570159'],
    ['the middle bit is 571', '+61491571156'],
    ['five seven one', '+61491571156'],
    ['no, 0491 571 266', '+61491571266'],
    ['nah oh four nine one five seven oh one five nine', '+61491570159'],
    // only the last digits replaced, however many
    ['the last three are 1 5 9', '+61491570159'],
    ['the last 3 digits are one five nine', '+61491570159'],
    ['no, the last two are 5 9', '+61491570159'],
    ['no, the last digit is 9', '+61491570159'],
    ['the last four are 0 1 5 9', '+61491570159'],
    ['ends in 159 not 156', '+61491570159'],
    ['the last three digits are wrong, it is 1 5 9', '+61491570159'],
    ['change the last three to 1 5 9', '+61491570159'],
  ])('0491 570 156 corrected by %j → %s', (heard, expected) => {
    const result = repairPhone(previous, heard);
    expect(result?.kind === 'value' ? result.phone.e164 : result).toBe(expected);
  });

  test('words that change nothing give no repair', () => {
    expect(repairPhone(previous, 'hmm')).toBeUndefined();
    expect(repairPhone(previous, 'no')).toBeUndefined();
    expect(repairPhone(previous, '0491 570 156')).toBeUndefined();
  });

  test('a correction that disagrees with itself or with the number is not applied: the right number is asked for', () => {
    // 157 is not what was read back: which digits the caller means is not known
    const asked = { kind: 'ambiguous', ask: { type: 'which-digits', phone: { e164: '+61491570156' } } };
    expect(repairPhone(previous, 'ends in 159 not 157')).toMatchObject(asked);
    // three counted, two said
    expect(repairPhone(previous, 'the last three are 5 9')).toMatchObject(asked);
    expect(extractPhone('0491 570 156, ends in 159 not 157')).toEqual({
      kind: 'none',
      reason: 'the correction does not agree with the number heard',
      conflict: true,
    });
    expect(extractPhone('0491 570 156, the last three are 5 9').kind).toBe('none');
    // the same corrections that agree are applied inside the first utterance
    expect(extractPhone('0491 570 157, ends in 159 not 157')).toMatchObject({ kind: 'value', phone: { e164: '+61491570159' } });
    expect(extractPhone('0491 570 156, sorry, the last two are 5 9')).toMatchObject({ kind: 'value', phone: { e164: '+61491570159' } });
  });

  test('a group that fits two places is asked about', () => {
    expect(repairPhone(previous, '999')).toMatchObject({ kind: 'ambiguous', ask: { type: 'which-group', options: ['middle', 'end'] } });
  });
});
