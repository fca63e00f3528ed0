import type { PrimitiveContext } from '../primitives/types';

/**
 * A primitive's time budget: the context a handler sees, and the wait for an asynchronous
 * handler that aborts it when its time runs out or the caller goes away. Built-in primitives
 * answer synchronously and never reach the wait: no timer, no AbortController for them.
 */

/** The context a handler sees; its AbortSignal is only made if the handler asks for it or runs asynchronously. */
export class HandlerContext implements PrimitiveContext<unknown> {
  private abort: AbortController | undefined;

  constructor(
    readonly session: unknown,
    readonly now: number,
  ) {}

  get signal(): AbortSignal {
    return this.controller().signal;
  }

  controller(): AbortController {
    this.abort ??= new AbortController();
    return this.abort;
  }
}

/** Thrown (rejected) when the budget ran out: the runtime answers TIMEOUT. */
export class TimeoutSignal {
  constructor(readonly ms: number) {}
}

/** Awaits an asynchronous handler, aborting it when its time runs out or the caller goes away. */
export function withinBudget<T>(work: Promise<T>, controller: AbortController, timeoutMs: number, callerSignal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onCallerAbort = (): void => {
      cleanup();
      controller.abort(callerSignal?.reason);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      cleanup();
      controller.abort(new Error(`time budget of ${timeoutMs} ms ran out`));
      reject(new TimeoutSignal(timeoutMs));
    }, timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    };
    if (callerSignal?.aborted) {
      onCallerAbort();
      return;
    }
    callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
    work.then(
      (value) => {
        cleanup();
        resolve(value);
      },
      (error: unknown) => {
        cleanup();
        reject(error);
      },
    );
  });
}

function abortError(): Error {
  const error = new Error('The operation was aborted');
  error.name = 'AbortError';
  return error;
}
