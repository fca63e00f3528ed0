import { isKeypadInput, MAX_KEYS } from '../keypad/convention';
import { declareParams } from './declaration';

/** The params every capture primitive takes, declared like a primitive's own. */
export const BASE_PARAMS = declareParams({
  transcription: { type: 'text', description: 'What the caller said when asked for the value.' },
  confidence: {
    type: 'number',
    min: 0,
    max: 1,
    default: 1,
    description: "The recogniser's confidence for this turn's utterance, 0 to 1 (default 1).",
  },
  confirmation: { type: 'text', description: 'What the caller said when the value was read back.' },
  alternatives: {
    type: 'text',
    description:
      'The recogniser\'s n-best list for this turn, best first: a JSON array of {"transcript": "…", "confidence": 0..1} ' +
      '(at most 10). Every hypothesis is read and they vote; transcription and confidence default to the first.',
  },
  prompt_interrupted: {
    type: 'boolean',
    default: false,
    description:
      'The caller barged in during the read-back (confirmation turns): a bare "yes" then does not confirm an always-confirmed value (email, phone, address, datetime); it is read back again.',
  },
  readback_token: {
    type: 'text',
    description:
      'The readback_token of the response that read the value back: a confirmation then applies only to that value; another value is read back again instead.',
  },
  dtmf: {
    type: 'text',
    check: isKeypadInput,
    private: true,
    expected: `keypad keys: 0-9, * and # only, at most ${MAX_KEYS}`,
    description:
      'The keys the caller pressed, as pressed (e.g. "0412345678#"): # ends the input, * deletes the key before it ' +
      '(capture_number: the decimal point). At a confirmation 1 is yes and 2 is no. Given with a transcription or confirmation, the keys win.',
  },
});
