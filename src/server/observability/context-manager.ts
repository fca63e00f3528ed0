import { ROOT_CONTEXT, type Context, type ContextManager } from '@opentelemetry/api';

/**
 * An OpenTelemetry context manager that keeps the active context for the synchronous extent of
 * `context.with` only: it does not follow a callback across an `await`.
 *
 * Why: the usual Node context manager is AsyncLocalStorage-based, and on Node 20 the first
 * `AsyncLocalStorage.run` turns on a promise hook that then costs every promise and async resource
 * of the process, traced or not: about a tenth of the server's throughput in `npm run bench`
 * (tracing unsampled). Voice Core does not need implicit propagation: the server hands each call's
 * trace context on explicitly (ExecuteOptions.scope to the primitive span, the call context to the
 * trace-id bridge), and there is no auto-instrumentation whose spans would need a parent. What
 * still uses `context.with` works: nice-grpc-opentelemetry's stream middleware makes its span
 * active around each step of the handler (read synchronously at the handler's start), and the
 * span processors' `suppressTracing` wraps a synchronous export call.
 */
export class SynchronousContextManager implements ContextManager {
  private current: Context = ROOT_CONTEXT;

  active(): Context {
    return this.current;
  }

  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    context: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    const previous = this.current;
    this.current = context;
    try {
      return fn.call(thisArg, ...args);
    } finally {
      this.current = previous;
    }
  }

  bind<T>(context: Context, target: T): T {
    if (typeof target !== 'function') return target;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the bound function must keep its own `this`
    const manager = this;
    const fn = target as unknown as (...args: unknown[]) => unknown;
    return function (this: unknown, ...args: unknown[]) {
      return manager.with(context, () => fn.apply(this, args));
    } as unknown as T;
  }

  enable(): this {
    return this;
  }

  disable(): this {
    this.current = ROOT_CONTEXT;
    return this;
  }
}
