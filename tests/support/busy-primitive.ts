import type { PrimitiveHandler } from '../../src/primitives/types';

/**
 * A primitive that blocks the server's event loop for params.busy_ms, as an
 * overloaded server would: the server cannot answer, even with TIMEOUT, until it ends.
 */
export const busyPrimitive: PrimitiveHandler = (input) => {
  const until = Date.now() + Number(input.params.busy_ms ?? '1000');
  while (Date.now() < until) {
    // spin
  }
  return {
    outcome: { success: true, state: 'completed', value: 'done', fields: {}, prompt: '', retryCount: 0, confidence: 1, transitions: [] },
  };
};
