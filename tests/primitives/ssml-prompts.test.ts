import { XMLValidator } from 'fast-xml-parser';
import { BUILT_IN_CAPTURES } from '../../src/primitives/defaults';
import { VoiceCore } from '../../src/runtime/voice-core';
import { loadFeatureConversations } from '../accuracy/conversation-harness';

/**
 * Every prompt of a run of the feature corpora (tests/fixtures/corpus-conversations), plus
 * utterances carrying XML specials, has its prompt_ssml: well-formed XML, one <speak> root,
 * and empty exactly when the plain prompt is.
 */
const core = new VoiceCore();

/** Turns whose words carry "&", "<" and quotes into the prompts that quote or read them back. */
const SPECIALS: ReadonlyArray<{ type: string; turns: Array<Record<string, string>> }> = [
  { type: 'capture_address_au', turns: [{ transcription: 'Unit 3 & 4 <rear> 12 Smith Street Richmond Victoria 3121' }] },
  { type: 'capture_address_au', turns: [{ transcription: "12 O'Connell Street Kent Town SA" }] },
  { type: 'capture_name_au', turns: [{ transcription: 'it\'s Jane "JJ" <Smith> & co', confidence: '0.6' }] },
  { type: 'capture_email_au', turns: [{ transcription: 'jane&doe <at> gmail dot com' }] },
  { type: 'capture_yes_no', turns: [{ transcription: 'maybe', question: 'Is "Smith & Sons" <your> employer?' }] },
];

async function prompts(type: string, turns: ReadonlyArray<Record<string, string>>, id: string): Promise<Array<[string, string]>> {
  const said: Array<[string, string]> = [];
  for (const params of turns) {
    try {
      const r = await core.execute({
        objectiveType: type,
        conversationId: `ssml-${id}`,
        traceId: '',
        purpose: 'ssml',
        params,
        timeoutSeconds: 0,
      });
      said.push([r.prompt, r.promptSsml]);
    } catch {
      // A refused request has no prompt.
    }
  }
  return said;
}

function check(said: ReadonlyArray<[string, string]>): string[] {
  const bad: string[] = [];
  for (const [prompt, ssml] of said) {
    if (prompt === '') {
      if (ssml !== '') bad.push(`no prompt but SSML ${ssml}`);
      continue;
    }
    if (XMLValidator.validate(ssml) !== true || !/^<speak>[\s\S]*<\/speak>$/.test(ssml)) bad.push(ssml);
  }
  return bad;
}

const WITH_CORPORA = BUILT_IN_CAPTURES.map((s) => s.objectiveType).filter((type) => loadFeatureConversations(type).length > 0);

describe.each(WITH_CORPORA)('%s: every corpus prompt in well-formed SSML', (type) => {
  test('the feature corpora', async () => {
    const cases = loadFeatureConversations(type);
    const said = (await Promise.all(cases.map((c) => prompts(type, c.turns, c.id)))).flat();
    expect(said.filter(([p]) => p !== '').length).toBeGreaterThan(0);
    expect(check(said)).toEqual([]);
  });
});

test('utterances carrying XML specials give well-formed SSML, with the specials escaped', async () => {
  const said = (await Promise.all(SPECIALS.map((s, i) => prompts(s.type, s.turns, `specials-${i}`)))).flat();
  expect(check(said)).toEqual([]);
  const quoting = said.filter(([p]) => /[&<]/.test(p));
  expect(quoting.length).toBeGreaterThan(0);
  expect(said.find(([p]) => p.includes('jane&doe'))?.[1]).toContain('<say-as interpret-as="characters">jane&amp;doe</say-as>');
});
