import { BUILT_IN_CAPTURES } from '../../src/primitives/defaults';
import { VoiceCore } from '../../src/runtime/voice-core';
import { loadFeatureConversations, scoreConversations } from './conversation-harness';
import { ratio, TARGETS, ZERO_FALSE_ACCEPTS } from './harness';

/**
 * The feature corpora (tests/fixtures/corpus-conversations) held to the same bar as the
 * single-utterance corpora. They are regression corpora written beside the features; the
 * blind corpus (corpus-blind-2) is scored by `npm run bench:accuracy:conversations` only.
 */
const core = new VoiceCore();
const withCases = BUILT_IN_CAPTURES.map((s) => s.objectiveType)
  .map((type) => [type, loadFeatureConversations(type)] as const)
  .filter(([, cases]) => cases.length > 0);

test('the feature corpora have cases, with unique ids', () => {
  expect(withCases.length).toBeGreaterThan(0);
  const ids = withCases.flatMap(([, cases]) => cases.map((c) => c.id));
  expect(new Set(ids).size).toBe(ids.length);
});

describe.each(withCases)('%s on its feature corpora', (objectiveType, cases) => {
  test('meets the bar: ≥ 98 % straightforward, ≥ 95 % tricky, no false accept for email, phone, date and datetime', async () => {
    const score = await scoreConversations(core, objectiveType, cases);
    const report = score.failures.map((f) => `${f.id} [${f.difficulty}, ${f.feature}]: expected ${f.expected}, got ${f.got}`).join('\n');
    const d = score.byDifficulty;
    const meets = {
      straightforward: d.straightforward.total === 0 || ratio(d.straightforward) >= TARGETS.straightforward,
      tricky: d.tricky.total === 0 || ratio(d.tricky) >= TARGETS.tricky,
      falseAccepts: ZERO_FALSE_ACCEPTS.has(objectiveType) ? score.falseAccepts : 0,
      refused: score.refused,
      report,
    };
    expect(meets).toEqual({ straightforward: true, tricky: true, falseAccepts: 0, refused: 0, report });
  });
});
