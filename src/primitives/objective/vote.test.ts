import type { Reading } from './capture-spec';
import { vote } from './vote';

/** A reader for the table: "2000?" reads 2000 and asks for a read-back (its words may have gone on). */
const read = (utterance: string): Reading =>
  utterance.endsWith('?') ? { kind: 'value', value: utterance.slice(0, -1), readBack: true } : { kind: 'value', value: utterance };
const same = (a: string, b: string): boolean => a === b;

describe('vote: a reading that asks for a read-back', () => {
  test('keeps asking when it wins alone', () => {
    expect(vote([{ transcript: '2000?', confidence: 0.9 }], read, same, 0.4)).toMatchObject({ kind: 'value', readBack: true });
  });

  test('asks when any hypothesis counted for the value asks (one below the minimum confidence is not counted)', () => {
    const hypotheses = [
      { transcript: '2000', confidence: 0.6 },
      { transcript: '2000?', confidence: 0.3 },
    ];
    expect(vote(hypotheses, read, same, 0.4)).toMatchObject({ kind: 'value', captured: { value: '2000' }, readBack: false });
    expect(vote(hypotheses, read, same, 0.2)).toMatchObject({ kind: 'value', captured: { value: '2000' }, readBack: true });
  });

  test('a value that does not ask is not read back for it', () => {
    expect(vote([{ transcript: '2005', confidence: 0.9 }], read, same, 0.4)).toMatchObject({ kind: 'value', readBack: false });
  });
});
