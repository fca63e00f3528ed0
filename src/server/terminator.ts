import { isAbortError } from '../runtime/wire';
import { ServerError, Status, type CallContext, type ServerMiddleware, type ServerMiddlewareCall } from 'nice-grpc-common';

/**
 * Our implementation of the contract of nice-grpc-server-middleware-terminator
 * (not on the npm registry): long-running calls opt in with
 * `context.abortOnTerminate()`; `terminate()`, called right before
 * `server.shutdown()`, aborts them and they end with
 * UNAVAILABLE "Server shutting down", so that shutdown is not held up by
 * streams that would otherwise never end.
 */
export type TerminatorContext = {
  /** Marks the call as one to abort when the server shuts down. */
  abortOnTerminate(): void;
};

export type TerminatorMiddleware = ServerMiddleware<TerminatorContext> & {
  /** Aborts every call that asked for it, and any that asks from now on. */
  terminate(): void;
};

export const SHUTTING_DOWN = 'Server shutting down';

export function TerminatorMiddleware(): TerminatorMiddleware {
  let terminated = false;
  const registered = new Set<AbortController>();
  const terminatedCalls = new WeakSet<AbortController>();

  const abortForShutdown = (controller: AbortController): void => {
    terminatedCalls.add(controller);
    controller.abort();
  };

  async function* terminatorMiddleware<Request, Response>(
    call: ServerMiddlewareCall<Request, Response, TerminatorContext>,
    context: CallContext,
  ): AsyncGenerator<Response, Response | void, undefined> {
    const controller = new AbortController();
    const forward = (): void => controller.abort();
    if (context.signal.aborted) controller.abort();
    else context.signal.addEventListener('abort', forward, { once: true });

    const abortOnTerminate = (): void => {
      if (terminated) abortForShutdown(controller);
      else registered.add(controller);
    };

    try {
      const result = yield* call.next(call.request, { ...context, signal: controller.signal, abortOnTerminate });
      // A call that stopped because of the shutdown did not finish its work, whatever it returned.
      if (terminatedCalls.has(controller)) throw new ServerError(Status.UNAVAILABLE, SHUTTING_DOWN);
      return result;
    } catch (error) {
      if (terminatedCalls.has(controller) && (isAbortError(error) || !(error instanceof ServerError))) {
        throw new ServerError(Status.UNAVAILABLE, SHUTTING_DOWN);
      }
      throw error;
    } finally {
      registered.delete(controller);
      context.signal.removeEventListener('abort', forward);
    }
  }

  return Object.assign(terminatorMiddleware as ServerMiddleware<TerminatorContext>, {
    terminate(): void {
      terminated = true;
      for (const controller of registered) abortForShutdown(controller);
    },
  });
}
