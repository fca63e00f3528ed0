import { captureDateAu } from '../capture_date_au';
import { captureEmailAu } from '../capture_email_au';
import { captureNameAu } from '../capture_name_au';
import { captureNumber } from '../capture_number';
import { captureYesNo } from '../capture_yes_no';
import type { PrimitiveOutcome } from '../types';
import type { AnyCaptureSpec } from './capture-spec';
import { readChoice } from './choice';
import { readOptions, readTurnInput, runTurn, type ObjectiveSession } from './state-machine';

/** n-best lists as the wire carries them: [transcript, confidence] pairs to the JSON param. */
function nBest(...list: Array<[string, number]>): string {
  return JSON.stringify(list.map(([transcript, confidence]) => ({ transcript, confidence })));
}

/** Plays wire-level turns (params as strings) through readTurnInput and the state machine, the session kept as JSON. */
function converse(spec: AnyCaptureSpec, turns: Array<Record<string, string>>, params: Record<string, string> = {}): PrimitiveOutcome[] {
  const options = readOptions(spec, params, Date.parse('2027-03-09T10:15:00+11:00'));
  let session: ObjectiveSession | undefined;
  return turns.map((wire) => {
    const turn = readTurnInput({ ...params, ...wire }, Object.keys(spec.params), spec.objectiveType);
    const { outcome, session: next } = runTurn(spec, options, turn, session);
    session = next === undefined ? undefined : (JSON.parse(JSON.stringify(next)) as ObjectiveSession);
    return outcome;
  });
}

const summary = (o: PrimitiveOutcome) => ({ state: o.state, value: o.value, error: o.error?.code });

describe('n-best voting', () => {
  test('a value only a lower hypothesis gives is taken, and read back even at high confidence', () => {
    const [o] = converse(captureNumber, [{ alternatives: nBest(['fit the one', 0.9], ['fifty one', 0.5]) }]);
    expect(summary(o)).toEqual({ state: 'confirming', value: '51', error: undefined });
    expect(o.prompt).toBe("Just to confirm, that's fifty one. Is that right?");
  });

  test('the top hypothesis’s value at high confidence is taken without a read-back, as without a list', () => {
    const [o] = converse(captureNumber, [{ alternatives: nBest(['fifteen', 0.9], ['fifty', 0.3]) }]);
    expect(summary(o)).toEqual({ state: 'completed', value: '15', error: undefined });
  });

  test('hypotheses that agree raise confidence: no read-back where each alone would need one', () => {
    const [o] = converse(captureNumber, [{ alternatives: nBest(['forty two', 0.6], ['42', 0.5], ['forty to', 0.2]) }]);
    expect(summary(o)).toEqual({ state: 'completed', value: '42', error: undefined });
    expect(o.confidence).toBe(1);
    const [alone] = converse(captureNumber, [{ alternatives: nBest(['forty two', 0.6]) }]);
    expect(summary(alone)).toEqual({ state: 'confirming', value: '42', error: undefined });
  });

  test('two values within 0.15 are not guessed: AMBIGUOUS, both offered, and the answer "the second one" takes the second', () => {
    const [offer, answer] = converse(captureNumber, [
      { alternatives: nBest(['fifteen', 0.5], ['fifty', 0.4]) },
      { transcription: 'the second one', confidence: '0.9' },
    ]);
    expect(summary(offer)).toEqual({ state: 'eliciting', value: '', error: 'AMBIGUOUS' });
    expect(offer.prompt).toBe('Sorry, was that fifteen, or fifty?');
    expect(summary(answer)).toEqual({ state: 'completed', value: '50', error: undefined });
  });

  test('pooled scores decide closeness: agreement can lift a value clear of its rival', () => {
    const [o] = converse(captureNumber, [{ alternatives: nBest(['fifty', 0.5], ['fifteen', 0.45], ['fifteen', 0.42]) }]);
    // "fifteen" twice pools 0.87 against 0.5: clear, but not what the top hypothesis said, so read back.
    expect(summary(o)).toEqual({ state: 'confirming', value: '15', error: undefined });
  });

  test.each([
    ['the first one', 'Jane Smith'],
    ['yeah the second', 'Jane Smyth'],
    ['Jane Smyth', 'Jane Smyth'],
    ['it was the latter', 'Jane Smyth'],
  ])('the answer to the offer %j is understood', (answer, value) => {
    const [offer, o] = converse(captureNameAu, [
      { alternatives: nBest(['jane smith', 0.5], ['jane smyth', 0.45]) },
      { transcription: answer, confidence: '0.9' },
    ]);
    expect(offer.prompt).toBe('Sorry, was that Jane Smith, or Jane Smyth?');
    expect(o.value).toBe(value);
    expect(o.error).toBeUndefined();
  });

  test('an answer repeating words only one of the two was heard as picks that one ("the thirtieth")', () => {
    const [offer, o] = converse(
      captureDateAu,
      [{ alternatives: nBest(['the thirteenth of april', 0.55], ['the thirtieth of april', 0.5]) }, { transcription: 'the thirtieth' }],
      { reference_time: '2027-03-09T10:15:00+11:00' },
    );
    expect(offer.error?.code).toBe('AMBIGUOUS');
    // Read alone, "the thirtieth" would be the 30th of March.
    expect(summary(o)).toEqual({ state: 'completed', value: '2027-04-30', error: undefined });
  });

  test('the answer may come as a confirmation', () => {
    const [, o] = converse(captureNameAu, [
      { alternatives: nBest(['jane smith', 0.5], ['jane smyth', 0.45]) },
      { confirmation: 'the first one' },
    ]);
    expect(summary(o)).toEqual({ state: 'completed', value: 'Jane Smith', error: undefined });
  });

  test('"neither" asks afresh, counting an attempt; a fresh value is then read as usual', () => {
    const [, neither, fresh] = converse(captureNameAu, [
      { alternatives: nBest(['jane smith', 0.5], ['jane smyth', 0.45]) },
      { transcription: 'neither' },
      { transcription: 'jane smithers' },
    ]);
    expect(summary(neither)).toEqual({ state: 'eliciting', value: '', error: 'NOT_CONFIRMED' });
    expect(neither.retryCount).toBe(2);
    expect(neither.prompt).not.toMatch(/was that/);
    expect(summary(fresh)).toEqual({ state: 'completed', value: 'Jane Smithers', error: undefined });
  });

  test('an answer that is neither a position nor a value offers the two again', () => {
    const [, o] = converse(captureNameAu, [
      { alternatives: nBest(['jane smith', 0.5], ['jane smyth', 0.45]) },
      { transcription: 'um hmm' },
    ]);
    expect(summary(o)).toEqual({ state: 'eliciting', value: '', error: 'AMBIGUOUS' });
    expect(o.prompt).toBe('Sorry, was that Jane Smith, or Jane Smyth?');
  });

  test('an answer with a question of its own gets that question, not the offer again', () => {
    const [, o] = converse(captureEmailAu, [
      { alternatives: nBest(['josh at westnet dot com dot au', 0.55], ['josh at western dot com dot au', 0.5]) },
      { transcription: 'josh at hotmail', confidence: '0.9' },
    ]);
    expect(summary(o)).toEqual({ state: 'eliciting', value: '', error: 'AMBIGUOUS' });
    expect(o.prompt).toMatch(/hotmail dot com/);
  });

  test('for yes/no, "no" answering "was that yes or no?" is the value no', () => {
    const [offer, o] = converse(captureYesNo, [{ alternatives: nBest(['yes', 0.5], ['no', 0.45]) }, { transcription: 'no' }]);
    expect(offer.error?.code).toBe('AMBIGUOUS');
    expect(summary(o)).toEqual({ state: 'completed', value: 'no', error: undefined });
  });

  test('a hypothesis below the minimum confidence is ignored; all below is LOW_CONFIDENCE', () => {
    const [o] = converse(captureNumber, [{ alternatives: nBest(['fifteen', 0.9], ['fifty', 0.39], ['fifty', 0.39]) }]);
    // Two "fifty"s at 0.39 would pool 0.78, close to 0.9: ignored, they do not make it ambiguous.
    expect(summary(o)).toEqual({ state: 'completed', value: '15', error: undefined });
    const [low] = converse(captureNumber, [{ alternatives: nBest(['fifteen', 0.3], ['fifty', 0.2]) }]);
    expect(summary(low)).toEqual({ state: 'eliciting', value: '', error: 'LOW_CONFIDENCE' });
    expect(low.error?.message).toMatch(/best 0\.3\) is below 0\.4/);
  });

  test('with no value anywhere, the top hypothesis’s reading wins (its question is asked)', () => {
    const [o] = converse(captureEmailAu, [{ alternatives: nBest(['jane at hotmail', 0.8], ['jane at hot male', 0.6]) }]);
    expect(summary(o)).toEqual({ state: 'eliciting', value: '', error: 'AMBIGUOUS' });
    expect(o.prompt).toMatch(/hotmail dot com.*or.*hotmail dot com dot A U/);
  });

  test('a value a lower hypothesis gives beats the top hypothesis’s question, and is read back', () => {
    const [o] = converse(captureEmailAu, [{ alternatives: nBest(['jane at hotmail', 0.8], ['jane at hotmail dot com', 0.6]) }]);
    expect(summary(o)).toEqual({ state: 'confirming', value: 'jane@hotmail.com', error: undefined });
  });

  test('dates: every hypothesis read with the same reference time; an impossible date is no vote', () => {
    const [o] = converse(captureDateAu, [{ alternatives: nBest(['the fiftieth of march', 0.6], ['the fifteenth of march', 0.5]) }], {
      reference_time: '2027-03-09T10:15:00+11:00',
    });
    expect(summary(o)).toEqual({ state: 'confirming', value: '2027-03-15', error: undefined });
  });

  test('deterministic: the same list gives the same outcome', () => {
    const turns = [{ alternatives: nBest(['fifteen', 0.5], ['fifty', 0.5]) }];
    expect(converse(captureNumber, turns)).toEqual(converse(captureNumber, turns));
    expect(converse(captureNumber, turns)[0].prompt).toBe('Sorry, was that fifteen, or fifty?');
  });
});

describe('reading the answer to "was that … or …?"', () => {
  test.each([
    ['the first one', 0],
    ['first', 0],
    ['the former', 0],
    ['yeah it was the first one thanks', 0],
    ['the second one', 1],
    ['second one please', 1],
    ['the last one', 1],
    ['the latter', 1],
    ['I said the second', 1],
  ])('%j picks by position', (answer, index) => {
    expect(readChoice(answer)).toEqual({ kind: 'pick', index });
  });

  test.each([
    ['the thirtieth', 1],
    ['no it was the thirteenth', 0],
    ['smyth', 1],
  ])('%j picks the value whose words it repeats', (answer, index) => {
    const said = answer.includes('thir')
      ? (['the thirteenth of april', 'the thirtieth of april'] as const)
      : (['jane smith', 'jane smyth'] as const);
    expect(readChoice(answer, said)).toEqual({ kind: 'pick', index });
  });

  test('words both were heard as pick neither', () => {
    expect(readChoice('april', ['the thirteenth of april', 'the thirtieth of april'])).toEqual({ kind: 'other' });
  });

  test.each(['neither', 'neither of them', 'no', 'nah neither', 'none of those'])('%j is neither', (answer) => {
    expect(readChoice(answer)).toEqual({ kind: 'neither' });
  });

  test.each(['one', 'two', 'the second of march', 'first street', 'jane smith', 'the one', ''])(
    '%j is for the primitive to read',
    (answer) => {
      expect(readChoice(answer)).toEqual({ kind: 'other' });
    },
  );
});
