import type { Captured } from '../objective/capture-spec';
import { digitGroups, escapeXml, sayAs, type SsmlPiece } from '../ssml/build';
import { speakCaptured } from './prompts';
import { speakNumber } from './speak';

/**
 * The number as a cardinal; a whole number of more than six digits (an amount or an id the caller
 * will check digit by digit) in groups of three, so a long read-back can be followed.
 */
export function numberSsml(captured: Captured): SsmlPiece[] {
  const value = captured.value;
  const spoken = speakNumber(value);
  const said = /^\d{7,}$/.test(value) ? digitGroups(value.match(/\d{1,3}(?=(\d{3})*$)/g) ?? [value]) : sayAs('cardinal', value);
  const whole = speakCaptured(captured);
  return [{ text: whole, ssml: said + escapeXml(whole.slice(spoken.length)) }];
}
