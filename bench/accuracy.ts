/**
 * `npm run bench:accuracy [objective_type …] [--failures] [--blind]`: per primitive, accuracy on
 * the labelled corpus (tests/fixtures/corpus, or with --blind the corpus written without sight of
 * the code, tests/fixtures/corpus-blind), false accepts, and a breakdown by difficulty.
 */
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
  if (rows.some((r) => r.target !== 'met')) process.exitCode = 1;
}

void main();
