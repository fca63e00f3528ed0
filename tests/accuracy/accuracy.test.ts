import { BUILT_IN_CAPTURES } from '../../src/primitives/defaults';
import { VoiceCore } from '../../src/runtime/voice-core';
import { loadCorpus, ratio, scoreCorpus, TARGETS, ZERO_FALSE_ACCEPTS } from './harness';

const core = new VoiceCore();

describe.each(BUILT_IN_CAPTURES.map((s) => s.objectiveType))('%s on its labelled corpus', (objectiveType) => {
  const cases = loadCorpus(objectiveType);

  test('has at least 60 cases, about half straightforward, a third tricky, a sixth to reject', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    const share = (d: string) => cases.filter((c) => c.difficulty === d).length / cases.length;
    expect(share('straightforward')).toBeGreaterThanOrEqual(0.4);
    expect(share('tricky')).toBeGreaterThanOrEqual(0.25);
    expect(share('reject')).toBeGreaterThanOrEqual(0.1);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  test('meets the bar: ≥ 98 % straightforward, ≥ 95 % tricky (and no false accept for email, phone, date and datetime)', async () => {
    const score = await scoreCorpus(core, objectiveType, cases);
    const report = score.failures
      .map((f) => `${f.id} [${f.difficulty}] ${JSON.stringify(f.transcription)}: expected ${f.expected}, got ${f.got}`)
      .join('\n');
    expect({ straightforward: ratio(score.byDifficulty.straightforward) >= TARGETS.straightforward, report }).toEqual({
      straightforward: true,
      report,
    });
    expect({ tricky: ratio(score.byDifficulty.tricky) >= TARGETS.tricky, report }).toEqual({ tricky: true, report });
    if (ZERO_FALSE_ACCEPTS.has(objectiveType)) expect({ falseAccepts: score.falseAccepts, report }).toEqual({ falseAccepts: 0, report });
  });
});
