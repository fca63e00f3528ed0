import type { Captured } from '../objective/capture-spec';
import { sayAs, type SsmlPiece } from '../ssml/build';
import { speakPhone } from './prompts';

/** The read-back's digits as a telephone number, in its national grouping ("0412 345 678"). */
export function phoneSsml(captured: Captured): SsmlPiece[] {
  const national = captured.fields.national;
  if (national === undefined) return [];
  return [{ text: speakPhone(captured.value), ssml: sayAs('telephone', national) }];
}
