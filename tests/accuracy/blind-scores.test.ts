import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blindScoreRows, loadBlindScores } from '../../bench/recorded-blind-scores';

/** The blind corpora's before-tuning scores that `npm run bench:accuracy` prints: recorded history, each with its source. */
describe('recorded blind scores (bench/blind-scores.json)', () => {
  const corpora = loadBlindScores();

  test('every corpus is a before-tuning score with where it was written down', () => {
    expect(corpora.map((c) => c.corpus)).toEqual(expect.arrayContaining(['tests/fixtures/corpus-blind', 'tests/fixtures/corpus-blind-2']));
    for (const c of corpora) {
      expect(c).toMatchObject({ scored: 'before tuning', date: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) });
      expect(c.source.length).toBeGreaterThan(10);
      for (const s of Object.values(c.primitives)) expect(s.accuracy).toBeGreaterThanOrEqual(0);
    }
  });

  test('corpus-blind-2: nine primitives whose cases make its 483', () => {
    const second = corpora.find((c) => c.corpus === 'tests/fixtures/corpus-blind-2');
    const scores = Object.values(second?.primitives ?? {});
    expect(scores).toHaveLength(9);
    expect(scores.reduce((n, s) => n + (s.cases ?? 0), 0)).toBe(483);
    expect(second?.cases).toBe(483);
  });

  test('one row per primitive, one column per corpus; a false accept count only where recorded', () => {
    const rows = blindScoreRows(corpora, ['capture_email_au', 'capture_name_au', 'capture_alphanumeric']);
    expect(rows.map((r) => r.primitive)).toEqual(['capture_email_au', 'capture_name_au']);
    expect(rows[0]).toMatchObject({
      'corpus-blind, 568 cases, 2026-11-26': '100.0 %',
      'corpus-blind-2, 483 cases, 2026-12-04': '61.0 %, 2 FA',
    });
    expect(rows[1]).toMatchObject({ 'corpus-blind, 568 cases, 2026-11-26': '88.1 %, 1 FA' });
  });

  test('a score without its source is refused', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'blind-')), 'scores.json');
    writeFileSync(file, JSON.stringify({ corpora: [{ corpus: 'x', cases: 1, scored: 'before tuning', source: '', primitives: {} }] }));
    expect(() => loadBlindScores(file)).toThrow(/before-tuning score with its source/);
  });
});
