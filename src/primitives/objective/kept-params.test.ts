import { captureDateAu } from '../capture_date_au';
import { captureDatetimeAu } from '../capture_datetime_au';
import { captureYesNo } from '../capture_yes_no';
import type { PrimitiveOutcome } from '../types';
import { keptParams, paramsForTurn } from './kept-params';
import { captureHandler, type ObjectiveSession } from './state-machine';
import type { AnyCaptureSpec } from './capture-spec';

/**
 * Later turns of an objective read with the params it started with (issue 12, blind corpus 3:
 * a confirmation turn that sent no reference_time was re-read against the wall clock, and one
 * that sent no kind repaired a date of birth as a booking).
 */
const TUESDAY = '2027-03-09T10:15:00+11:00';
/** The runtime clock: months after the reference, as a live server's would be. */
const WALL_CLOCK = Date.parse('2026-12-05T13:00:00Z');

/** Plays turns through the registry handler (the runtime's path), the session through JSON as Redis keeps it. */
function converse(spec: AnyCaptureSpec, turns: ReadonlyArray<Record<string, string>>, now = WALL_CLOCK): PrimitiveOutcome[] {
  const handler = captureHandler(spec);
  let session: ObjectiveSession | undefined;
  const outcomes: PrimitiveOutcome[] = [];
  for (const params of turns) {
    const result = handler(
      { objectiveType: spec.objectiveType, conversationId: 'c', traceId: '', purpose: '', params },
      { signal: new AbortController().signal, session, now },
    );
    if (result instanceof Promise) throw new Error('capture handlers answer synchronously');
    outcomes.push(result.outcome);
    session = result.session === undefined ? undefined : (JSON.parse(JSON.stringify(result.session)) as ObjectiveSession);
  }
  return outcomes;
}

const brief = (o: PrimitiveOutcome) => ({ state: o.state, value: o.value });

describe('params kept for the later turns of an objective', () => {
  test('a confirmation without reference_time reads "tomorrow" from the reference the objective started with', () => {
    const outcomes = converse(captureDatetimeAu, [
      { transcription: 'tomorrow at three pm', reference_time: TUESDAY },
      { confirmation: 'yes tomorrow at three', prompt_interrupted: 'true' },
    ]);
    expect(outcomes.map(brief)).toEqual([
      { state: 'confirming', value: '2027-03-10T15:00' },
      { state: 'completed', value: '2027-03-10T15:00' },
    ]);
  });

  test('a repair without kind still repairs a date of birth: "no nineteen eighty six"', () => {
    const outcomes = converse(captureDateAu, [
      { transcription: 'fourteenth of april nineteen eighty five', confidence: '0.7', kind: 'date_of_birth', reference_time: TUESDAY },
      { confirmation: 'no nineteen eighty six' },
    ]);
    expect(outcomes.map(brief)).toEqual([
      { state: 'confirming', value: '1985-04-14' },
      { state: 'confirming', value: '1986-04-14' },
    ]);
  });

  test('the time zone is kept: a Perth caller stays in Perth', () => {
    const outcomes = converse(captureDatetimeAu, [
      { transcription: 'tomorrow at 9 am', reference_time: '2027-03-09T23:30:00+08:00', timezone: 'Australia/Perth' },
      { confirmation: 'no, the day after' },
    ]);
    expect(outcomes[0].fields).toMatchObject({ date: '2027-03-10', offset: '+08:00' });
    expect(outcomes[1]).toMatchObject({ state: 'confirming', value: '2027-03-11T09:00', fields: { timezone: 'Australia/Perth' } });
  });

  test('without any reference_time, later turns count from the clock when the objective started', () => {
    const started = Date.parse('2027-03-09T12:55:00Z'); // 23:55 on Tuesday in Sydney
    const handler = captureHandler(captureDatetimeAu);
    const signal = new AbortController().signal;
    const input = (params: Record<string, string>) => ({
      objectiveType: 'capture_datetime_au',
      conversationId: 'c',
      traceId: '',
      purpose: '',
      params,
    });
    const first = handler(input({ transcription: 'tomorrow at 3 pm' }), { signal, session: undefined, now: started });
    if (first instanceof Promise) throw new Error('synchronous');
    expect(first.outcome.value).toBe('2027-03-10T15:00');
    // Ten minutes later it is Wednesday: "tomorrow" in the answer is still the Wednesday read back.
    const second = handler(input({ confirmation: 'yes tomorrow at 3 pm' }), { signal, session: first.session, now: started + 600_000 });
    if (second instanceof Promise) throw new Error('synchronous');
    expect(brief(second.outcome)).toEqual({ state: 'completed', value: '2027-03-10T15:00' });
  });

  test('a param a later turn sends wins over the kept one', () => {
    const outcomes = converse(captureDateAu, [
      { transcription: 'friday', confidence: '0.5', reference_time: TUESDAY },
      { transcription: 'friday', confidence: '0.5', reference_time: '2027-03-16T10:15:00+11:00' },
    ]);
    expect(outcomes.map((o) => o.value)).toEqual(['2027-03-12', '2027-03-19']);
  });

  test('a blank param on a later turn keeps the one given', () => {
    expect(paramsForTurn(['tense'], { tense: ' ' }, { params: { tense: 'past' }, startedAt: 5 }, 9)).toEqual({
      params: { tense: 'past' },
      now: 5,
    });
  });

  test("the session keeps only the primitive's own params given, and the clock it started at", () => {
    expect(keptParams(['question'], { question: 'Can we text you?', transcription: 'yes', confidence: '' }, 42)).toEqual({
      params: { question: 'Can we text you?' },
      startedAt: 42,
    });
    // The yes/no question is kept: the second answer is read against it.
    const outcomes = converse(captureYesNo, [
      { transcription: 'maybe', question: 'Do you mind if I record this call?' },
      { transcription: 'not at all' },
    ]);
    expect(brief(outcomes[1])).toEqual({ state: 'completed', value: 'yes' });
  });

  test('a session stored before params were kept reads the turn as it did: its own params, the clock now', () => {
    const old: ObjectiveSession = {
      state: 'confirming',
      retryCount: 0,
      candidate: { value: '2027-03-10T15:00', fields: {} },
      readbacks: 1,
    };
    expect(paramsForTurn(['reference_time'], { confirmation: 'yes' }, old, 7)).toEqual({ params: { confirmation: 'yes' }, now: 7 });
    const handler = captureHandler(captureDatetimeAu);
    const result = handler(
      { objectiveType: 'capture_datetime_au', conversationId: 'c', traceId: '', purpose: '', params: { confirmation: 'yes' } },
      { signal: new AbortController().signal, session: old, now: WALL_CLOCK },
    );
    if (result instanceof Promise) throw new Error('synchronous');
    expect(brief(result.outcome)).toEqual({ state: 'completed', value: '2027-03-10T15:00' });
  });
});
