import { createVoiceCoreClient, type KnownObjectiveType, type VoiceCoreClient } from '../../src';
import { createDefaultRegistry } from '../../src/primitives/defaults';

/**
 * Compile-time checks of the typed params, never run: `npm test` runs
 * `tsc --noEmit` first, which fails if a line marked @ts-expect-error
 * type-checks (or an unmarked one does not).
 */
function _typeChecks(client: VoiceCoreClient): void {
  const options = { conversationId: 'c' };
  void client.executePrimitive('capture_email_au', { transcription: 'jane@gmail.com', confidence: 0.85, confirmation: 'yes' }, options);
  // @ts-expect-error a misspelt param of a known primitive
  void client.executePrimitive('capture_email_au', { transcripton: 'x' }, options);
  // @ts-expect-error confidence is a number in the SDK
  void client.executePrimitive('capture_email_au', { confidence: '0.85' }, options);
  // @ts-expect-error conversationId is required
  void client.executePrimitive('capture_email_au', {}, {});
  void client.executePrimitive(
    'capture_date_au',
    { transcription: 'tuesday week', referenceTime: new Date(), timezone: 'Australia/Perth', tense: 'future' },
    options,
  );
  // @ts-expect-error tense is future, past or any
  void client.executePrimitive('capture_date_au', { transcription: 'friday', tense: 'soon' }, options);
  void client.executePrimitive('capture_date_au', { transcription: 'the 14th of march', kind: 'date_of_birth' }, options);
  void client.executePrimitive('capture_datetime_au', { transcription: 'friday at 2', kind: 'appointment' }, options);
  // @ts-expect-error kind is none, date_of_birth, appointment or event
  void client.executePrimitive('capture_date_au', { transcription: 'friday', kind: 'birthday' }, options);
  // @ts-expect-error kind is a param of the date and datetime primitives, not of capture_time_au
  void client.executePrimitive('capture_time_au', { transcription: '3 pm', kind: 'appointment' }, options);
  void client.executePrimitive('capture_yes_no', { transcription: 'not at all', question: 'Do you mind if I record this call?' }, options);
  // @ts-expect-error question belongs to capture_yes_no
  void client.executePrimitive('capture_phone_au', { transcription: '0491 570 156', question: 'x' }, options);
  void client.executePrimitive('capture_name_au', { transcription: 'jane', requireLastName: false }, options);
  void client.executePrimitive('capture_address_au', { transcription: 'po box 12 fitzroy 3065', allowPoBox: true }, options);
  // A primitive registered in defaults.ts gets typed params with no edit here.
  void client.executePrimitive('capture_alphanumeric', { transcription: 'A B 1 2', length: 6, pattern: '[A-Z]{2}[0-9]{4}' }, options);
  // @ts-expect-error length is a number in the SDK
  void client.executePrimitive('capture_alphanumeric', { length: '6' }, options);
  // The n-best list: an array of {transcript, confidence}, or a string already holding its JSON.
  void client.executePrimitive('capture_number', { alternatives: [{ transcript: 'fifteen', confidence: 0.6 }] }, options);
  void client.executePrimitive('capture_number', { alternatives: '[{"transcript":"fifteen","confidence":0.6}]' }, options);
  // @ts-expect-error a hypothesis's confidence is a number
  void client.executePrimitive('capture_number', { alternatives: [{ transcript: 'fifteen', confidence: '0.6' }] }, options);
  // Keypad keys: a string, or an array of keys (sent joined).
  void client.executePrimitive('capture_phone_au', { dtmf: '0412345678#' }, options);
  void client.executePrimitive('capture_date_au', { dtmf: ['1', '4', '0', '7', '1', '9', '8', '5', '#'], tense: 'past' }, options);
  // @ts-expect-error a key is 0-9, * or #
  void client.executePrimitive('capture_phone_au', { dtmf: ['1', 'A'] }, options);
  // Custom objective types take a string map...
  void client.executePrimitive('lookup_account', { account: '42' }, options);
  // @ts-expect-error ...of strings
  void client.executePrimitive('lookup_account', { account: 42 }, options);
}

/**
 * Every built-in type is known to the SDK: its typed params (a number for
 * confidence) are converted for the wire. A type the SDK did not know would
 * send the number as is, and the call would fail instead of eliciting.
 */
describe('the SDK knows every primitive the registry has built in', () => {
  const client = createVoiceCoreClient({ useGrpc: false });
  afterAll(() => client.close());

  test.each(createDefaultRegistry().types())('%s takes typed params', async (objectiveType) => {
    const result = await client.executePrimitive(
      objectiveType as KnownObjectiveType,
      { confidence: 0.9 },
      { conversationId: `typed-${objectiveType}` },
    );
    expect({ state: result.state, error: result.error }).toEqual({ state: 'eliciting', error: undefined });
  });
});
