import { MAX_ALTERNATIVES, MAX_PARAM_LENGTH } from '../params/limits';
import { InvalidParamsError } from '../types';

/**
 * The `alternatives` param: the recogniser's n-best list for this turn, a JSON array, best
 * first, of {"transcript": "...", "confidence": 0..1}. Read here, strictly, so that a
 * malformed list is refused naming the param (and the entry) rather than half-used.
 */
export interface Hypothesis {
  transcript: string;
  confidence: number;
}

const FIELD = 'params.alternatives';
const SHAPE = 'a JSON array, best first, of {"transcript": "…", "confidence": 0..1}';
const KEYS: readonly string[] = ['transcript', 'confidence'];

function refuse(field: string, message: string): never {
  throw new InvalidParamsError(FIELD, `${field} ${message}`);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function readHypothesis(entry: unknown, index: number): Hypothesis {
  const at = `${FIELD}[${index}]`;
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    return refuse(at, `must be an object {"transcript": "…", "confidence": 0..1}, got ${kindOf(entry)}`);
  }
  const record = entry as Record<string, unknown>;
  const unknown = Object.keys(record).find((key) => !KEYS.includes(key));
  if (unknown !== undefined) refuse(at, `has "${unknown.slice(0, 40)}"; only "transcript" and "confidence" are accepted`);
  const { transcript, confidence } = record;
  if (typeof transcript !== 'string') return refuse(`${at}.transcript`, `must be a string, got ${kindOf(transcript)}`);
  if (transcript.trim() === '') refuse(`${at}.transcript`, 'must not be blank');
  if (transcript.length > MAX_PARAM_LENGTH) refuse(`${at}.transcript`, `is longer than ${MAX_PARAM_LENGTH} characters`);
  if (typeof confidence !== 'number' || !Number.isFinite(confidence)) {
    return refuse(`${at}.confidence`, `must be a number from 0 to 1, got ${kindOf(confidence)}`);
  }
  if (confidence < 0 || confidence > 1) refuse(`${at}.confidence`, `must be a number from 0 to 1, got ${confidence}`);
  return { transcript, confidence };
}

/** Reads the param; undefined when it is absent or blank. Throws InvalidParamsError naming params.alternatives. */
export function readAlternatives(raw: string | undefined): Hypothesis[] | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return refuse(FIELD, `must be ${SHAPE}; it is not JSON`);
  }
  if (!Array.isArray(parsed)) return refuse(FIELD, `must be ${SHAPE}, got ${kindOf(parsed)}`);
  if (parsed.length === 0) refuse(FIELD, 'must hold at least one hypothesis (leave it out when there is none)');
  if (parsed.length > MAX_ALTERNATIVES) refuse(FIELD, `has ${parsed.length} entries; at most ${MAX_ALTERNATIVES} are accepted`);
  return parsed.map(readHypothesis);
}

/** A turn's utterance and confidence once its n-best list is taken into account. */
export interface NBestTurn {
  transcription?: string;
  confidence: number;
  /** The hypotheses to vote on, best first; the transcription is the first. */
  hypotheses?: Hypothesis[];
}

/**
 * Puts the n-best list together with the turn's other params:
 * - with `transcription` absent it defaults to the first hypothesis, and `confidence` (unless
 *   given) to that hypothesis's confidence;
 * - with `transcription` given it is the top hypothesis (at the given confidence, or the
 *   first alternative's), and an alternative with the same words is not counted twice;
 * - on a confirmation turn (`confirmation` given, no transcription) the list is the answer's:
 *   only `confidence` defaults from it, and the confirmation is read as given.
 */
export function nBestTurn(
  alternatives: readonly Hypothesis[],
  turn: { transcription?: string; confirmation?: string; confidence?: number },
): NBestTurn {
  const top = alternatives[0];
  const confidence = turn.confidence ?? top.confidence;
  if (turn.transcription === undefined && turn.confirmation !== undefined) return { confidence };
  const transcription = turn.transcription ?? top.transcript;
  const rest = alternatives.filter((a, i) => (turn.transcription === undefined ? i > 0 : a.transcript !== transcription));
  return { transcription, confidence, hypotheses: [{ transcript: transcription, confidence }, ...rest] };
}
