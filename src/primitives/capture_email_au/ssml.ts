import type { Captured } from '../objective/capture-spec';
import { escapeXml, sayAs, type SsmlPiece } from '../ssml/build';
import { speakEmail } from './prompts';

/** The local part spelled (<say-as characters>), the domain as the read-back says it; for both read-backs (spelled and not). */
export function emailSsml(captured: Captured): SsmlPiece[] {
  const at = captured.value.lastIndexOf('@');
  if (at <= 0) return [];
  const local = captured.value.slice(0, at);
  const domainSpoken = speakEmail(`x${captured.value.slice(at)}`, false).replace(/^x at /, '');
  const ssml = `${sayAs('characters', local)} at ${escapeXml(domainSpoken)}`;
  return [
    { text: speakEmail(captured.value, true), ssml },
    { text: speakEmail(captured.value, false), ssml },
  ];
}
