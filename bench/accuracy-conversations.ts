/**
 * `npm run bench:accuracy:conversations [objective_type …] [--failures] [--dir D | --features]`: per primitive,
 * accuracy on a conversation corpus (several turns per case; by default the second blind corpus,
 * tests/fixtures/corpus-blind-2), with false accepts, refused requests, and breakdowns by
 * difficulty and by feature. Prints aggregates only unless --failures is given (written when the
 * corpus was still blind; it is a regression corpus now, held to the bar by
 * tests/accuracy/conversations.test.ts). `--features` scores the feature corpora
 * (tests/fixtures/corpus-conversations/<feature>/), which are not blind, with failures allowed.
 */
import { BUILT_IN_CAPTURES } from '../src/primitives/defaults';
import { VoiceCore } from '../src/runtime/voice-core';
import {
  BLIND_CONVERSATIONS_DIR,
  loadConversations,
  loadFeatureConversations,
  scoreConversations,
  type ConversationScore,
} from '../tests/accuracy/conversation-harness';
import { ratio } from '../tests/accuracy/harness';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const showFailures = args.includes('--failures');
  const dirAt = args.indexOf('--dir');
  const dir = dirAt >= 0 ? args[dirAt + 1] : BLIND_CONVERSATIONS_DIR;
  const featureCorpora = args.includes('--features');
  const wanted = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--dir');
  const types = BUILT_IN_CAPTURES.map((s) => s.objectiveType).filter((t) => wanted.length === 0 || wanted.includes(t));
  const core = new VoiceCore();
  const scores: ConversationScore[] = [];
  for (const type of types) {
    const cases = featureCorpora ? loadFeatureConversations(type) : loadConversations(type, dir);
    if (cases.length > 0) scores.push(await scoreConversations(core, type, cases));
  }
  console.table(
    scores.map((s) => {
      const d = s.byDifficulty;
      return {
        primitive: s.objectiveType,
        cases: s.total,
        accuracy: pct(ratio(s)),
        'false accepts': s.falseAccepts,
        refused: s.refused,
        straightforward: `${d.straightforward.correct}/${d.straightforward.total}`,
        tricky: `${d.tricky.correct}/${d.tricky.total}`,
        reject: `${d.reject.correct}/${d.reject.total}`,
      };
    }),
  );
  const features = new Map<string, { total: number; correct: number }>();
  for (const s of scores) {
    for (const [name, t] of Object.entries(s.byFeature)) {
      const sum = features.get(name) ?? { total: 0, correct: 0 };
      features.set(name, { total: sum.total + t.total, correct: sum.correct + t.correct });
    }
  }
  console.table([...features].map(([feature, t]) => ({ feature, cases: t.total, correct: t.correct, accuracy: pct(ratio(t)) })));
  if (showFailures) {
    for (const s of scores)
      for (const f of s.failures)
        console.log(`${s.objectiveType} ${f.id} [${f.difficulty}, ${f.feature}]\n    expected ${f.expected}\n    got      ${f.got}`);
  }
}

void main();
