import type { Captured } from '../objective/capture-spec';
import { sayAs, type SsmlPiece } from '../ssml/build';
import { speakCapturedTime } from './prompts';

/** The time as <say-as time format="hms24"> ("14:30"). */
export function timeSsml(captured: Captured): SsmlPiece[] {
  if (!/^\d{2}:\d{2}$/.test(captured.value)) return [];
  return [{ text: speakCapturedTime(captured), ssml: sayAs('time', captured.value, 'hms24') }];
}
