import type { ConversationCase } from './conversation-harness';

/**
 * A conversation case as a caller without n-best input would send it: every `alternatives`
 * list replaced by its first hypothesis, as `transcription` (unless the turn is a confirmation)
 * and `confidence` (unless given). Scoring a corpus both ways measures what voting adds.
 */
export function topOneOnly(c: ConversationCase): ConversationCase {
  return { ...c, turns: c.turns.map(topOneTurn) };
}

function topOneTurn(params: Record<string, string>): Record<string, string> {
  const { alternatives, ...rest } = params;
  if (alternatives === undefined) return params;
  const [top] = JSON.parse(alternatives) as Array<{ transcript: string; confidence: number }>;
  const turn = { ...rest };
  if (turn.transcription === undefined && turn.confirmation === undefined) turn.transcription = top.transcript;
  if (turn.confidence === undefined) turn.confidence = String(top.confidence);
  return turn;
}
