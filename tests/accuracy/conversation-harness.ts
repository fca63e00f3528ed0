import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorCodeToJSON, type ExecutePrimitiveResponse } from '../../generated/voice_core/voice_core';
import type { VoiceCore } from '../../src/runtime/voice-core';
import { CORPUS_DIR, type Difficulty } from './harness';

/**
 * Conversation corpora: each case is the turns of one objective in one conversation (a
 * transcription, then a confirmation, a keyed answer, …), and what a careful operator wants
 * after the last turn. The single-utterance corpora (harness.ts) cannot express repairs at
 * confirmation, holds or declines; these can.
 */
export interface ConversationCase {
  id: string;
  difficulty: Difficulty;
  /** What the case exercises: plain, nbest, dtmf, partial-repair, truncation, decline, hold, … */
  feature: string;
  /** The params of each call, in order, as strings (as on the wire). */
  turns: Array<Record<string, string>>;
  expect:
    | { value: string; fields?: Record<string, string> }
    | { reject: true }
    | { declined: true }
    | { held: true }
    /** Still asking for the rest, with exactly these parts heard so far in `fields` (progressive fields). */
    | { partial: true; fields: Record<string, string> };
  note?: string;
}

/**
 * The second blind corpus: written from the specification of the capture features of the
 * next release (n-best, keypad, partial repairs, dates of birth, declines, holds), by people
 * who saw neither the code nor any other corpus. Its score before tuning is recorded
 * (bench/blind-scores.json); since issue 12 it is a regression corpus, held to the bar by
 * tests/accuracy/conversations.test.ts, and may be read.
 */
export const BLIND_CONVERSATIONS_DIR = join(CORPUS_DIR, '..', 'corpus-blind-2');

/**
 * The third blind corpus (phone, date, time and datetime conversations), written the same way.
 * Its score before tuning is in its commit (f0431b1); since then it is a regression corpus, held
 * to the bar by tests/accuracy/conversations.test.ts, and may be read.
 */
export const BLIND_3_CONVERSATIONS_DIR = join(CORPUS_DIR, '..', 'corpus-blind-3');

/**
 * The feature corpora: conversation cases for each capture feature (n-best, keypad, partial
 * repairs, truncation, dates of birth, declines, holds, …), one folder per feature, each holding
 * `<objective_type>.json`. Written alongside the features, so they are not blind: they guard
 * against regressions; the blind corpus measures.
 */
export const FEATURE_CONVERSATIONS_DIR = join(CORPUS_DIR, '..', 'corpus-conversations');

/** Every feature folder's cases for one primitive. */
export function loadFeatureConversations(objectiveType: string, root: string = FEATURE_CONVERSATIONS_DIR): ConversationCase[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .flatMap((feature) => loadConversations(objectiveType, join(root, feature)));
}

export function loadConversations(objectiveType: string, dir: string = BLIND_CONVERSATIONS_DIR): ConversationCase[] {
  const file = join(dir, `${objectiveType}.json`);
  if (!existsSync(file)) return [];
  return JSON.parse(readFileSync(file, 'utf8')) as ConversationCase[];
}

export interface Tally {
  total: number;
  correct: number;
}

export interface ConversationScore {
  objectiveType: string;
  total: number;
  correct: number;
  /** A value captured where the only right outcome was to ask again, decline or wait. */
  falseAccepts: number;
  /** Cases the server refused as a request (e.g. a param it does not know yet). */
  refused: number;
  byDifficulty: Record<Difficulty, Tally>;
  byFeature: Record<string, Tally>;
  failures: Array<{ id: string; feature: string; difficulty: Difficulty; expected: string; got: string }>;
}

const VALUE_STATES = new Set(['captured', 'confirming', 'confirmed', 'completed']);

function describe(r: ExecutePrimitiveResponse): string {
  const code = r.error === undefined ? '' : ` ${errorCodeToJSON(r.error.code)}`;
  return `${r.state}${code} value=${JSON.stringify(r.value)} fields=${JSON.stringify(r.fields)} retries=${r.metadata?.retryCount ?? 0}`;
}

function judge(c: ConversationCase, last: ExecutePrimitiveResponse, retriesBefore: number): { correct: boolean; falseAccept: boolean } {
  const hasValue = VALUE_STATES.has(last.state) && last.value !== '';
  const code = last.error === undefined ? '' : errorCodeToJSON(last.error.code);
  if ('value' in c.expect) {
    const fields = c.expect.fields ?? {};
    const correct = hasValue && last.value === c.expect.value && Object.entries(fields).every(([k, v]) => last.fields[k] === v);
    return { correct, falseAccept: false };
  }
  if ('declined' in c.expect) return { correct: code === 'ERROR_CODE_DECLINED' && !hasValue, falseAccept: hasValue };
  if ('partial' in c.expect) {
    const fields = c.expect.fields;
    const same =
      Object.keys(last.fields).length === Object.keys(fields).length && Object.entries(fields).every(([k, v]) => last.fields[k] === v);
    const asking = last.state === 'eliciting' || last.state === 'repairing';
    return { correct: !hasValue && asking && same && !last.success, falseAccept: hasValue };
  }
  if ('held' in c.expect) {
    const retries = last.metadata?.retryCount ?? 0;
    return { correct: !hasValue && last.state !== 'failed' && retries === retriesBefore, falseAccept: hasValue };
  }
  return { correct: !hasValue && code !== 'ERROR_CODE_DECLINED', falseAccept: hasValue };
}

export async function scoreConversations(
  core: VoiceCore,
  objectiveType: string,
  cases: readonly ConversationCase[],
): Promise<ConversationScore> {
  const score: ConversationScore = {
    objectiveType,
    total: 0,
    correct: 0,
    falseAccepts: 0,
    refused: 0,
    byDifficulty: { straightforward: { total: 0, correct: 0 }, tricky: { total: 0, correct: 0 }, reject: { total: 0, correct: 0 } },
    byFeature: {},
    failures: [],
  };
  for (const c of cases) {
    let correct = false;
    let got = '';
    let retriesBefore = 0;
    let last: ExecutePrimitiveResponse | undefined;
    try {
      for (const params of c.turns) {
        retriesBefore = last?.metadata?.retryCount ?? 0;
        last = await core.execute({
          objectiveType,
          conversationId: `conversation-corpus-${c.id}`,
          traceId: '',
          purpose: 'accuracy',
          params,
          timeoutSeconds: 0,
        });
      }
      if (last !== undefined) {
        const verdict = judge(c, last, retriesBefore);
        correct = verdict.correct;
        if (verdict.falseAccept) score.falseAccepts++;
        got = describe(last);
      }
    } catch (error) {
      score.refused++;
      got = `refused: ${(error as Error).message}`;
    }
    score.total++;
    score.byDifficulty[c.difficulty].total++;
    const feature = (score.byFeature[c.feature] ??= { total: 0, correct: 0 });
    feature.total++;
    if (correct) {
      score.correct++;
      score.byDifficulty[c.difficulty].correct++;
      feature.correct++;
    } else {
      score.failures.push({ id: c.id, feature: c.feature, difficulty: c.difficulty, expected: JSON.stringify(c.expect), got });
    }
  }
  return score;
}
