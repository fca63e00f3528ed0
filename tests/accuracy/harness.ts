import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { VoiceCore } from '../../src/runtime/voice-core';

/**
 * The labelled corpus of recogniser outputs and the scorer behind
 * `npm run bench:accuracy` and the accuracy unit test. Every case runs
 * through the real runtime (VoiceCore.execute), as a first turn with
 * confidence 0.9: what the primitive captures from that one utterance.
 */
export type Difficulty = 'straightforward' | 'tricky' | 'reject';

export interface CorpusCase {
  id: string;
  difficulty: Difficulty;
  /** What the recogniser produced. */
  transcription: string;
  /** Extra params of the primitive (reference_time, timezone, tense, question). */
  params?: Record<string, string>;
  /** The canonical value (and fields) a careful human would capture, or reject: the only right outcome is to ask again. */
  expect: { value: string; fields?: Record<string, string> } | { reject: true };
  note?: string;
}

export interface Score {
  objectiveType: string;
  total: number;
  correct: number;
  /** Captured values where the only right outcome was to ask again. */
  falseAccepts: number;
  byDifficulty: Record<Difficulty, { total: number; correct: number }>;
  failures: Array<{ id: string; difficulty: Difficulty; transcription: string; expected: string; got: string }>;
}

/** tests/fixtures, found from the repository root: this file also runs compiled, from dist-bench/. */
const FIXTURES = ((): string => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'tests/fixtures');
})();

export const CORPUS_DIR = join(FIXTURES, 'corpus');
/**
 * A second corpus, written by people who never saw the code or the first
 * corpus: an estimate of how the primitives do on utterances nobody tuned for.
 */
export const BLIND_CORPUS_DIR = join(FIXTURES, 'corpus-blind');

export function loadCorpus(objectiveType: string, dir: string = CORPUS_DIR): CorpusCase[] {
  const file = join(dir, `${objectiveType}.json`);
  if (!existsSync(file)) return [];
  return JSON.parse(readFileSync(file, 'utf8')) as CorpusCase[];
}

const CAPTURED_STATES = new Set(['captured', 'confirming', 'confirmed', 'completed']);

export async function scoreCorpus(core: VoiceCore, objectiveType: string, cases: readonly CorpusCase[]): Promise<Score> {
  const score: Score = {
    objectiveType,
    total: 0,
    correct: 0,
    falseAccepts: 0,
    byDifficulty: { straightforward: { total: 0, correct: 0 }, tricky: { total: 0, correct: 0 }, reject: { total: 0, correct: 0 } },
    failures: [],
  };
  for (const c of cases) {
    let got: { value: string; fields: Record<string, string> } | undefined;
    let gotText: string;
    try {
      const response = await core.execute({
        objectiveType,
        conversationId: `corpus-${c.id}`,
        traceId: '',
        purpose: 'accuracy',
        params: { transcription: c.transcription, confidence: '0.9', ...c.params },
        timeoutSeconds: 0,
      });
      got = CAPTURED_STATES.has(response.state) && response.value !== '' ? { value: response.value, fields: response.fields } : undefined;
      gotText = got === undefined ? `no value (${response.state}, ${response.prompt})` : `${got.value} ${JSON.stringify(got.fields)}`;
    } catch (error) {
      gotText = `error: ${(error as Error).message}`;
    }
    let correct: boolean;
    if ('reject' in c.expect) {
      correct = got === undefined;
      if (got !== undefined) score.falseAccepts++;
    } else {
      const expectedFields = c.expect.fields ?? {};
      correct = got !== undefined && got.value === c.expect.value && Object.entries(expectedFields).every(([k, v]) => got?.fields[k] === v);
    }
    score.total++;
    score.byDifficulty[c.difficulty].total++;
    if (correct) {
      score.correct++;
      score.byDifficulty[c.difficulty].correct++;
    } else {
      score.failures.push({
        id: c.id,
        difficulty: c.difficulty,
        transcription: c.transcription,
        expected: 'reject' in c.expect ? 'reject' : `${c.expect.value} ${JSON.stringify(c.expect.fields ?? {})}`,
        got: gotText,
      });
    }
  }
  return score;
}

export function ratio(part: { total: number; correct: number }): number {
  return part.total === 0 ? 1 : part.correct / part.total;
}

/** The bar from the issue: ≥ 98 % straightforward, ≥ 90 % tricky; zero false accepts for critical types. */
export const TARGETS = { straightforward: 0.98, tricky: 0.95 };
export const ZERO_FALSE_ACCEPTS = new Set(['capture_email_au', 'capture_phone_au', 'capture_date_au', 'capture_datetime_au']);
