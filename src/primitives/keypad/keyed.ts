import type { ReadContext, Reading, PartialValue } from '../objective/capture-spec';

/** A primitive's spoken reader: keyed values are turned into words it reads, so they are validated the same way. */
export type Reader<O, P extends PartialValue> = (utterance: string, context: ReadContext<O, P>) => Reading<P>;

/** The reading for keys of the wrong shape: no value, and a prompt that says how to key it. */
export function wrongShape<P extends PartialValue>(reason: string, prompt: string): Reading<P> {
  return { kind: 'none', reason, prompt };
}
