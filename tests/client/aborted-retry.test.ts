import { createVoiceCoreClient } from '../../src';
import { PrimitiveRegistry } from '../../src/primitives/registry';
import type { PrimitiveHandler } from '../../src/primitives/types';
import { VoiceCore } from '../../src/runtime/voice-core';

/**
 * ABORTED is the outcome of a turn that lost a race with a concurrent turn
 * of the same objective: nothing of it was applied, so the SDK runs it once
 * more. Two asynchronous turns held at a gate race for real here (embedded
 * mode, in-memory store, which checks versions like the Redis store does).
 */
function gatedCounter(gate: Promise<void>, calls: { count: number }): PrimitiveHandler {
  return async (_input, context) => {
    calls.count++;
    const seen = (context.session as { turns?: number } | undefined)?.turns ?? 0;
    if (calls.count <= 2) await gate;
    return {
      session: { state: 'eliciting', turns: seen + 1 },
      outcome: {
        success: false,
        state: 'eliciting',
        value: String(seen + 1),
        fields: {},
        prompt: '',
        retryCount: 0,
        confidence: 1,
        transitions: [],
      },
    };
  };
}

describe('the SDK and a concurrent turn (ABORTED)', () => {
  test('a turn that lost the race is retried exactly once, on the winner’s session: no lost update', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const calls = { count: 0 };
    const registry = new PrimitiveRegistry();
    registry.register('count_turns', gatedCounter(gate, calls));
    const client = createVoiceCoreClient({ useGrpc: false, embedded: new VoiceCore({ registry }) });
    const turn = () => client.executePrimitive('count_turns', {}, { conversationId: 'race' });
    const both = Promise.all([turn(), turn()]);
    await new Promise((r) => setImmediate(r));
    open();
    const values = (await both).map((r) => r.value).sort();
    // Both turns applied, one after the other: 1 and 2, never 1 and 1.
    expect(values).toEqual(['1', '2']);
    expect(calls.count).toBe(3);
  });
});
