import type { Captured } from '../objective/capture-spec';
import { escapeXml, sayAs, type SsmlPiece } from '../ssml/build';
import { speakAddress } from './prompts';
import { speakDigits } from './words';

/** The address as the read-back says it (escaped: "&" and "<" stay well formed), the postcode said digit by digit. */
export function addressSsml(captured: Captured): SsmlPiece[] {
  const postcode = captured.fields.postcode;
  if (postcode === undefined || postcode === '') return [];
  const spoken = speakAddress(captured.fields);
  const postcodeSpoken = speakDigits(postcode);
  if (!spoken.endsWith(postcodeSpoken)) return [];
  return [{ text: spoken, ssml: escapeXml(spoken.slice(0, -postcodeSpoken.length)) + sayAs('digits', postcode) }];
}
