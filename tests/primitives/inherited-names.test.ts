import { ErrorCode } from '../../generated/voice_core/voice_core';
import { VoiceCore } from '../../src/runtime/voice-core';

/**
 * Word tables must answer only for their own keys. A plain object literal
 * also "has" constructor, toString, valueOf … through its prototype, so a
 * lookup written with `in` or `table[word]` once read "constructor" as digits,
 * kept "valueof" in an email and failed capture_number with INTERNAL.
 * Each name is put inside an otherwise valid utterance; the primitive must
 * never fail INTERNAL, and must give what it gives without the name, or ask
 * again, or treat the name as it treats any other unknown word ("quokka":
 * "jane quokka at gmail dot com" is janequokka@gmail.com).
 */
const INHERITED = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'];

/** `{word}` marks where the inherited name goes. */
const UTTERANCES: ReadonlyArray<{ type: string; text: string; params?: Record<string, string> }> = [
  { type: 'capture_email_au', text: 'jane {word} at gmail dot com' },
  { type: 'capture_email_au', text: 'jane at gmail {word} dot com' },
  { type: 'capture_phone_au', text: 'oh four one two {word} three four five six seven eight' },
  { type: 'capture_phone_au', text: 'oh four one two three four five six seven {word}' },
  { type: 'capture_address_au', text: '12 {word} smith street surry hills nsw 2010' },
  { type: 'capture_name_au', text: 'my name is jane {word} smith' },
  { type: 'capture_date_au', text: 'the {word} fifth of march', params: { reference_time: '2026-01-10T00:00:00Z' } },
  { type: 'capture_time_au', text: 'half past {word} three in the afternoon', params: { reference_time: '2026-01-10T00:00:00Z' } },
  {
    type: 'capture_datetime_au',
    text: 'the fifth of march {word} at three pm',
    params: { reference_time: '2026-01-10T00:00:00Z' },
  },
  { type: 'capture_yes_no', text: 'yes {word} please' },
  { type: 'capture_number', text: 'twenty {word} three' },
  { type: 'capture_number', text: '{word}' },
];

/** The outcome with every spelling of `word` in the value and fields replaced by a placeholder. */
function withPlaceholder(o: Awaited<ReturnType<typeof outcome>>, word: string) {
  const spelled = new RegExp(word.replace(/_/g, '_?'), 'gi');
  const mark = (text: string) => text.replace(spelled, '<word>');
  return { ...o, value: mark(o.value), fields: Object.fromEntries(Object.entries(o.fields).map(([k, v]) => [k, mark(v)])) };
}

async function outcome(core: VoiceCore, type: string, transcription: string, params: Record<string, string> = {}, id: string) {
  const response = await core.execute({
    objectiveType: type,
    conversationId: id,
    traceId: '',
    purpose: 'test',
    params: { transcription, confidence: '0.9', ...params },
    timeoutSeconds: 0,
  });
  return { state: response.state, value: response.value, fields: response.fields, code: response.error?.code };
}

describe('inherited object property names in an utterance', () => {
  const core = new VoiceCore();
  let n = 0;
  for (const { type, text, params } of UTTERANCES) {
    test.each(INHERITED)(`${type}: "${text}" with %s`, async (word) => {
      const without = await outcome(core, type, text.replace(' {word}', '').replace('{word}', ''), params, `plain-${n++}`);
      const unknown = await outcome(core, type, text.replace('{word}', 'quokka'), params, `unknown-${n++}`);
      const withWord = await outcome(core, type, text.replace('{word}', word), params, `inherited-${n++}`);
      expect(withWord.code).not.toBe(ErrorCode.ERROR_CODE_INTERNAL);
      expect(withWord.state).not.toBe('failed');
      if (withWord.value === '' || withWord.value === without.value) return;
      expect(withPlaceholder(withWord, word)).toEqual(withPlaceholder(unknown, 'quokka'));
    });
  }
});
