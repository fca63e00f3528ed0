import type { Captured } from '../objective/capture-spec';
import { escapeXml, sayAs, type SsmlPiece } from '../ssml/build';
import { speakCapturedDate } from './prompts';

/** The weekday, then the date as <say-as date format="dmy"> ("Friday 27/11/2026"). */
export function dateSsml(captured: Captured): SsmlPiece[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(captured.value);
  if (m === null) return [];
  const weekday = captured.fields.weekday;
  const day = weekday === undefined ? '' : `${escapeXml(weekday[0].toUpperCase() + weekday.slice(1))} `;
  return [{ text: speakCapturedDate(captured), ssml: `${day}${sayAs('date', `${m[3]}/${m[2]}/${m[1]}`, 'dmy')}` }];
}
