import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The blind corpora's scores before any tuning (issue 12: `npm run bench:accuracy` reports "the
 * blind score before tuning"). They are history: recorded once in bench/blind-scores.json from
 * where each was first written down, never recomputed here (once tuned against, a blind corpus
 * no longer scores the untuned code). A new blind corpus adds its entry to the file.
 */
export const BLIND_SCORES_FILE = join(__dirname, 'blind-scores.json');

export interface RecordedScore {
  accuracy: number;
  /** null where the record does not give the figure. */
  falseAccepts: number | null;
  cases?: number;
  refused?: number;
}

export interface RecordedCorpus {
  corpus: string;
  cases: number;
  kind: string;
  date: string;
  scored: 'before tuning';
  /** Where the figures were first written down. */
  source: string;
  note?: string;
  primitives: Record<string, RecordedScore>;
}

export function loadBlindScores(file: string = BLIND_SCORES_FILE): RecordedCorpus[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { corpora?: unknown };
  if (!Array.isArray(parsed.corpora)) throw new Error(`${file}: no "corpora" array`);
  const corpora = parsed.corpora as RecordedCorpus[];
  for (const c of corpora) {
    if (c.scored !== 'before tuning' || typeof c.source !== 'string' || c.source === '') {
      throw new Error(`${file}: ${c.corpus} must be a before-tuning score with its source`);
    }
  }
  return corpora;
}

/** "61.0 %, 2 FA"; "100.0 %" when the false accepts were not recorded. */
function cell(score: RecordedScore | undefined): string {
  if (score === undefined) return '';
  const fa = score.falseAccepts === null ? '' : `, ${score.falseAccepts} FA`;
  return `${score.accuracy.toFixed(1)} %${fa}`;
}

/** One row per primitive, one column per corpus ("corpus-blind-2, 483 cases, 2026-12-04"). */
export function blindScoreRows(corpora: readonly RecordedCorpus[], primitives: readonly string[]): Array<Record<string, string>> {
  const column = (c: RecordedCorpus): string => `${c.corpus.split('/').pop()}, ${c.cases} cases, ${c.date}`;
  return primitives
    .filter((p) => corpora.some((c) => c.primitives[p] !== undefined))
    .map((primitive) => ({ primitive, ...Object.fromEntries(corpora.map((c) => [column(c), cell(c.primitives[primitive])])) }));
}

/** The recorded table, labelled as such, with where each corpus's figures come from. */
export function printBlindScoresBeforeTuning(primitives: readonly string[], file: string = BLIND_SCORES_FILE): void {
  const corpora = loadBlindScores(file);
  console.log(
    `Blind corpora, score before any tuning: RECORDED, not recomputed (${relative(process.cwd(), file)}); accuracy, and false accepts (FA) where recorded`,
  );
  console.table(blindScoreRows(corpora, primitives));
  for (const c of corpora) console.log(`  ${c.corpus}: ${c.source}${c.note === undefined ? '' : `; ${c.note}`}`);
}
