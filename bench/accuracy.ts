/**
 * `npm run bench:accuracy [objective_type …] [--failures] [--blind]`: per primitive, accuracy on
 * the labelled corpus (tests/fixtures/corpus, or with --blind the corpus written without sight of
 * the code, tests/fixtures/corpus-blind), false accepts, and a breakdown by difficulty. Then,
 * on the n-best feature corpus (tests/fixtures/corpus-conversations/nbest), the score with every
 * hypothesis voting against the score with only the first hypothesis sent as the transcription.
 * Last, the blind corpora's scores before any tuning, as recorded (bench/blind-scores.json).
 */
import { join } from 'node:path';
import { BUILT_IN_CAPTURES } from '../src/primitives/defaults';
import { VoiceCore } from '../src/runtime/voice-core';
import {
  BLIND_CORPUS_DIR,
  CORPUS_DIR,
  loadCorpus,
  ratio,
  scoreCorpus,
  TARGETS,
  ZERO_FALSE_ACCEPTS,
  type Score,
} from '../tests/accuracy/harness';
import { FEATURE_CONVERSATIONS_DIR, loadConversations, scoreConversations } from '../tests/accuracy/conversation-harness';
import { topOneOnly } from '../tests/accuracy/top-one';
import { printBlindScoresBeforeTuning } from './recorded-blind-scores';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const showFailures = args.includes('--failures');
  const dir = args.includes('--blind') ? BLIND_CORPUS_DIR : CORPUS_DIR;
  const wanted = args.filter((a) => !a.startsWith('--'));
  const types = BUILT_IN_CAPTURES.map((s) => s.objectiveType).filter((t) => wanted.length === 0 || wanted.includes(t));
  const core = new VoiceCore();
  const scores: Score[] = [];
  for (const type of types) {
    const cases = loadCorpus(type, dir);
    // A primitive without a corpus here (no blind corpus written yet) has nothing to score: no row, rather than a vacuous 100 %.
    if (cases.length === 0) console.log(`${type}: no corpus in ${dir}`);
    else scores.push(await scoreCorpus(core, type, cases));
  }

  const rows = scores.map((s) => {
    const d = s.byDifficulty;
    const meets =
      ratio(d.straightforward) >= TARGETS.straightforward &&
      ratio(d.tricky) >= TARGETS.tricky &&
      (!ZERO_FALSE_ACCEPTS.has(s.objectiveType) || s.falseAccepts === 0);
    return {
      primitive: s.objectiveType,
      cases: s.total,
      accuracy: pct(ratio(s)),
      'false accepts': s.falseAccepts,
      straightforward: `${d.straightforward.correct}/${d.straightforward.total} ${pct(ratio(d.straightforward))}`,
      tricky: `${d.tricky.correct}/${d.tricky.total} ${pct(ratio(d.tricky))}`,
      reject: `${d.reject.correct}/${d.reject.total} ${pct(ratio(d.reject))}`,
      target: meets ? 'met' : 'MISSED',
    };
  });
  console.table(rows);
  if (showFailures) {
    for (const s of scores)
      for (const f of s.failures)
        console.log(
          `${s.objectiveType} ${f.id} [${f.difficulty}] ${JSON.stringify(f.transcription)}\n    expected ${f.expected}\n    got      ${f.got}`,
        );
  }
  await printNBestAgainstTopOne(types, new VoiceCore(), showFailures);
  printBlindScoresBeforeTuning(types);
  if (rows.some((r) => r.target !== 'met')) process.exitCode = 1;
}

interface NBestRow {
  primitive: string;
  cases: number;
  'n-best': string;
  'n-best false accepts': number;
  'top-1 only': string;
  'top-1 false accepts': number;
}

/** The n-best corpus scored twice: every hypothesis voting, and the first hypothesis alone. */
async function printNBestAgainstTopOne(types: readonly string[], core: VoiceCore, showFailures: boolean): Promise<void> {
  const dir = join(FEATURE_CONVERSATIONS_DIR, 'nbest');
  const rows: NBestRow[] = [];
  for (const type of types) {
    const cases = loadConversations(type, dir);
    if (cases.length === 0) continue;
    const nBest = await scoreConversations(core, type, cases);
    const topOne = await scoreConversations(core, type, cases.map(topOneOnly));
    rows.push({
      primitive: type,
      cases: cases.length,
      'n-best': `${nBest.correct}/${nBest.total} ${pct(ratio(nBest))}`,
      'n-best false accepts': nBest.falseAccepts,
      'top-1 only': `${topOne.correct}/${topOne.total} ${pct(ratio(topOne))}`,
      'top-1 false accepts': topOne.falseAccepts,
    });
    if (showFailures)
      for (const f of topOne.failures) console.log(`top-1 only: ${type} ${f.id}\n    expected ${f.expected}\n    got      ${f.got}`);
  }
  if (rows.length === 0) return;
  const sum = (key: 'n-best' | 'top-1 only'): string => {
    const correct = rows.reduce((n, r) => n + Number(r[key].split('/')[0]), 0);
    const total = rows.reduce((n, r) => n + r.cases, 0);
    return `${correct}/${total} ${pct(correct / total)}`;
  };
  const total = (key: 'n-best false accepts' | 'top-1 false accepts'): number => rows.reduce((n, r) => n + r[key], 0);
  rows.push({
    primitive: 'all',
    cases: rows.reduce((n, r) => n + r.cases, 0),
    'n-best': sum('n-best'),
    'n-best false accepts': total('n-best false accepts'),
    'top-1 only': sum('top-1 only'),
    'top-1 false accepts': total('top-1 false accepts'),
  });
  console.log(`n-best feature corpus (${dir}): every hypothesis voting against the first hypothesis alone`);
  console.table(rows);
}

void main();
