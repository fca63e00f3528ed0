import type { PrimitiveHandler } from '../../src/primitives/types';

/**
 * A custom primitive for timeout tests: it waits params.delay_ms (default
 * 5000) and honours its AbortSignal, recording whether it was aborted.
 */
export function slowPrimitive(record: { aborted: number; finished: number } = { aborted: 0, finished: 0 }): PrimitiveHandler {
  return (input, context) =>
    new Promise((resolve, reject) => {
      const delay = Number(input.params.delay_ms ?? '5000');
      const timer = setTimeout(() => {
        record.finished++;
        resolve({
          outcome: {
            success: true,
            state: 'completed',
            value: `slept ${delay} ms`,
            fields: {},
            prompt: '',
            retryCount: 0,
            confidence: 1,
            transitions: [{ from: 'pending', to: 'completed', data: { reason: 'slept' } }],
          },
        });
      }, delay);
      context.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        record.aborted++;
        reject(context.signal.reason);
      });
    });
}
