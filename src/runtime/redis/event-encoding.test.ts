import fc from 'fast-check';
import type { ObjectiveState, Transition } from '../../primitives/types';
import { encodeTransitions, type StoredEvent } from './event-encoding';

/** What the stored events were before encodeTransitions: one object per transition, stringified. */
function asObjects(transitions: readonly Transition[], traceId: string, objectiveType: string, at: number, write: string): string[] {
  return transitions.map((t) =>
    JSON.stringify({
      t: 'state_transition',
      tr: traceId,
      o: objectiveType,
      f: t.from,
      to: t.to,
      d: t.data ?? {},
      at,
      w: write,
    } satisfies StoredEvent),
  );
}

// Any text, quotes, backslashes, control characters and lone surrogates included: the encoding must escape as JSON does.
const text = fc.string({ unit: 'binary', maxLength: 30 });
const transition: fc.Arbitrary<Transition> = fc.record(
  {
    from: text.map((s) => s as ObjectiveState),
    to: text.map((s) => s as ObjectiveState),
    data: fc.dictionary(text, text, { maxKeys: 4 }),
  },
  { requiredKeys: ['from', 'to'] },
);

describe('encodeTransitions', () => {
  test('gives exactly the JSON of each stored event object, for any text', () => {
    fc.assert(
      fc.property(
        fc.array(transition, { maxLength: 6 }),
        text,
        text,
        fc.integer({ min: 0, max: 2 ** 45 }),
        text,
        (ts, traceId, objectiveType, at, write) => {
          expect(encodeTransitions(ts, traceId, objectiveType, at, write)).toEqual(asObjects(ts, traceId, objectiveType, at, write));
        },
      ),
    );
  });

  test('decodes back to the transition, with an empty data object when it had none', () => {
    const [encoded] = encodeTransitions([{ from: 'pending', to: 'eliciting' }], 'trace-1', 'capture_email_au', 1_700_000_000_000, 'w1');
    expect(JSON.parse(encoded)).toEqual({
      t: 'state_transition',
      tr: 'trace-1',
      o: 'capture_email_au',
      f: 'pending',
      to: 'eliciting',
      d: {},
      at: 1_700_000_000_000,
      w: 'w1',
    });
  });
});
