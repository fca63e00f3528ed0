import { InvalidParamsError } from '../types';
import { nBestTurn, readAlternatives } from './alternatives';
import { readTurnInput } from './state-machine';

function refusal(raw: string): string {
  try {
    readAlternatives(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidParamsError);
    expect((error as InvalidParamsError).field).toBe('params.alternatives');
    return (error as Error).message;
  }
  throw new Error(`accepted ${raw}`);
}

describe('the alternatives param', () => {
  test('a JSON array of transcripts with confidences is read, best first', () => {
    expect(readAlternatives('[{"transcript":"fifteen","confidence":0.6},{"transcript":"fifty","confidence":0.3}]')).toEqual([
      { transcript: 'fifteen', confidence: 0.6 },
      { transcript: 'fifty', confidence: 0.3 },
    ]);
  });

  test('absent or blank is no list', () => {
    expect(readAlternatives(undefined)).toBeUndefined();
    expect(readAlternatives('  ')).toBeUndefined();
  });

  test.each([
    ['[{"transcript": "a", ', /^params\.alternatives must be a JSON array.*; it is not JSON$/],
    ['{"transcript":"a","confidence":1}', /^params\.alternatives must be a JSON array.*, got an object$/],
    ['"fifteen"', /got a string$/],
    ['[]', /^params\.alternatives must hold at least one hypothesis/],
    [JSON.stringify(Array.from({ length: 11 }, () => ({ transcript: 'a', confidence: 0.5 }))), /has 11 entries; at most 10 are accepted$/],
    ['[{"transcript":"a","confidence":1.5}]', /^params\.alternatives\[0\]\.confidence must be a number from 0 to 1, got 1\.5$/],
    ['[{"transcript":"a","confidence":-0.1}]', /confidence must be a number from 0 to 1, got -0\.1$/],
    ['[{"transcript":"a","confidence":"0.5"}]', /^params\.alternatives\[0\]\.confidence must be a number from 0 to 1, got a string$/],
    ['[{"transcript":"a"}]', /confidence must be a number from 0 to 1, got nothing$/],
    ['[{"transcript":"a","confidence":null}]', /got null$/],
    ['[{"transcript":"a","confidence":0.5},{"confidence":0.5}]', /^params\.alternatives\[1\]\.transcript must be a string, got nothing$/],
    ['[{"transcript":7,"confidence":0.5}]', /transcript must be a string, got a number$/],
    ['[{"transcript":"  ","confidence":0.5}]', /^params\.alternatives\[0\]\.transcript must not be blank$/],
    [
      '[{"transcript":"a","confidence":0.5,"words":[]}]',
      /^params\.alternatives\[0\] has "words"; only "transcript" and "confidence" are accepted$/,
    ],
    ['[1]', /^params\.alternatives\[0\] must be an object .*, got a number$/],
    ['[null]', /got null$/],
    ['[["a",0.5]]', /got an array$/],
  ])('%s is refused, naming the param', (raw, message) => {
    expect(refusal(raw)).toMatch(message);
  });

  test('a transcript over the param size limit is refused', () => {
    const raw = JSON.stringify([{ transcript: 'a'.repeat(4097), confidence: 0.5 }]);
    expect(refusal(raw)).toBe('params.alternatives[0].transcript is longer than 4096 characters');
    expect(readAlternatives(JSON.stringify([{ transcript: 'a'.repeat(4096), confidence: 0.5 }]))).toHaveLength(1);
  });

  test('an inherited property name is not a hypothesis key', () => {
    expect(refusal('[{"transcript":"a","confidence":0.5,"__proto__":{}}]')).toMatch(/has "__proto__"/);
  });
});

describe('the turn with an n-best list', () => {
  const list = [
    { transcript: 'fifteen', confidence: 0.6 },
    { transcript: 'fifty', confidence: 0.3 },
  ];

  test('transcription and confidence default to the first hypothesis', () => {
    expect(nBestTurn(list, {})).toEqual({ transcription: 'fifteen', confidence: 0.6, hypotheses: list });
  });

  test('a given confidence is the top hypothesis’s', () => {
    expect(nBestTurn(list, { confidence: 0.9 }).hypotheses).toEqual([{ transcript: 'fifteen', confidence: 0.9 }, list[1]]);
  });

  test('a given transcription is the top hypothesis, and not counted twice', () => {
    expect(nBestTurn(list, { transcription: 'fifty' })).toEqual({
      transcription: 'fifty',
      confidence: 0.6,
      hypotheses: [{ transcript: 'fifty', confidence: 0.6 }, list[0]],
    });
  });

  test('on a confirmation turn only the confidence defaults from the list', () => {
    expect(nBestTurn(list, { confirmation: 'yes' })).toEqual({ confidence: 0.6 });
  });

  test('readTurnInput reads it from the wire strings', () => {
    const turn = readTurnInput({ alternatives: JSON.stringify(list) }, [], 'capture_x');
    expect(turn).toEqual({
      transcription: 'fifteen',
      confidence: 0.6,
      hypotheses: list,
      confirmation: undefined,
      prompt_interrupted: false,
    });
    expect(readTurnInput({ alternatives: JSON.stringify(list), confidence: '0.8' }, [], 'capture_x').confidence).toBe(0.8);
    expect(readTurnInput({ alternatives: ' ', transcription: 'x' }, [], 'capture_x').hypotheses).toBeUndefined();
    expect(() => readTurnInput({ alternatives: 'nope' }, [], 'capture_x')).toThrow(/^params\.alternatives must be/);
  });
});
