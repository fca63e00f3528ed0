import { loadCorpus } from '../../../tests/accuracy/harness';
import { BUILT_IN_CAPTURES } from '../defaults';
import type { AnyCaptureSpec } from './capture-spec';
import { readOptions, runTurn, type ObjectiveSession, type TurnInput } from './state-machine';

/**
 * Sessions will be stored as JSON (Redis). Every primitive's session must come
 * back from JSON.stringify/JSON.parse as it went in, and the conversation must
 * go on exactly as it would have in memory.
 */
const NOW = Date.parse('2026-11-26T09:00:00+11:00');

type Turn = Partial<TurnInput>;

/** Plays the turns twice, in memory and through JSON; returns both runs' outcomes and every session kept. */
function both(spec: AnyCaptureSpec, params: Record<string, string>, turns: readonly Turn[]) {
  const options = readOptions(spec, params, NOW);
  const run = (viaJson: boolean) => {
    let session: ObjectiveSession | undefined;
    const outcomes = [];
    const sessions: ObjectiveSession[] = [];
    for (const turn of turns) {
      // A confirmation only answers a read-back.
      if (turn.transcription === undefined && turn.confirmation !== undefined && outcomes[outcomes.length - 1]?.state !== 'confirming')
        break;
      const result = runTurn(spec, options, { confidence: 0.9, ...turn }, session);
      outcomes.push(result.outcome);
      if (result.session !== undefined) sessions.push(result.session);
      session = viaJson && result.session !== undefined ? (JSON.parse(JSON.stringify(result.session)) as ObjectiveSession) : result.session;
    }
    return { outcomes, sessions };
  };
  return { memory: run(false), json: run(true) };
}

const specOf = (type: string): AnyCaptureSpec => {
  const spec: AnyCaptureSpec | undefined = BUILT_IN_CAPTURES.find((s) => s.objectiveType === type);
  if (spec === undefined) throw new Error(`no built-in ${type}`);
  return spec;
};

/** A conversation per original primitive whose first answer leaves a partial value in the session. */
const WITH_PARTIALS: ReadonlyArray<readonly [type: string, params: Record<string, string>, turns: readonly Turn[]]> = [
  ['capture_email_au', {}, [{ transcription: 'jane at bigpond' }, { transcription: 'dot com' }, { confirmation: 'yes' }]],
  [
    'capture_phone_au',
    {},
    [{ transcription: 'oh four nine one five seven oh' }, { transcription: 'one five six' }, { confirmation: 'yes' }],
  ],
  ['capture_address_au', {}, [{ transcription: '12 smith street' }, { transcription: 'fitzroy vic 3065' }, { confirmation: 'yes' }]],
  ['capture_name_au', {}, [{ transcription: "it's Jane" }, { transcription: 'Smith' }]],
  ['capture_date_au', {}, [{ transcription: 'next saturday' }, { transcription: 'the 5th' }]],
  ['capture_time_au', {}, [{ transcription: "3 o'clock" }, { transcription: 'the afternoon' }]],
  ['capture_datetime_au', {}, [{ transcription: 'next tuesday' }, { transcription: '2 pm' }, { confirmation: 'yes' }]],
  ['capture_yes_no', { question: 'Do you mind if I record this call?' }, [{ transcription: 'yes' }, { transcription: 'yes' }]],
  ['capture_number', {}, [{ transcription: 'six or seven' }, { transcription: 'the second one' }]],
];

describe.each(WITH_PARTIALS)('%s session through JSON, mid-conversation', (type, params, turns) => {
  test('the partial value survives JSON and the conversation ends the same', () => {
    const { memory, json } = both(specOf(type), params, turns);
    expect(memory.sessions[0]?.partial).toBeDefined();
    for (const session of memory.sessions) expect(JSON.parse(JSON.stringify(session))).toEqual(session);
    expect(json.outcomes).toEqual(memory.outcomes);
    expect(memory.outcomes[memory.outcomes.length - 1].state).toBe('completed');
  });
});

test('the conversations above are of built-in primitives (new ones are covered by the corpus sweep below)', () => {
  const builtIn = BUILT_IN_CAPTURES.map((s) => s.objectiveType);
  for (const [type] of WITH_PARTIALS) expect(builtIn).toContain(type);
});

/** Every case of every corpus, turn by turn (ask, answer, confirm), in memory and through JSON. */
describe.each(BUILT_IN_CAPTURES.map((s) => s.objectiveType))('%s corpus turn by turn through JSON', (type) => {
  test('the same outcomes', () => {
    for (const c of loadCorpus(type)) {
      const { memory, json } = both(specOf(type), c.params ?? {}, [{}, { transcription: c.transcription }, { confirmation: 'yes' }]);
      expect({ id: c.id, outcomes: json.outcomes }).toEqual({ id: c.id, outcomes: memory.outcomes });
    }
  });
});
