import type { CallContext } from 'nice-grpc-common';
import type { ServerMiddleware } from 'nice-grpc';
import type { TenantContext } from '../tenant';
import type { UnaryHandler } from '../observability/unary-call';
import type { Authenticator } from './authenticator';

/** nice-grpc server middleware (streams): authenticates the call and puts its tenant on the context. */
export function authMiddleware(authenticator: Authenticator): ServerMiddleware<TenantContext> {
  return async function* authenticate(call, context) {
    const tenant = await authenticator.authenticate(context);
    return yield* call.next(call.request, { ...context, tenant });
  };
}

/**
 * The same for a unary handler, wrapped directly: the server registers unary methods without
 * middleware (see server.ts), and a wrapper costs one await where a middleware layer costs an
 * async generator per call.
 */
export function authenticateUnary<Req, Res>(authenticator: Authenticator, handler: UnaryHandler<Req, Res>): UnaryHandler<Req, Res> {
  return async (request: Req, context: CallContext): Promise<Res> => {
    const tenant = await authenticator.authenticate(context);
    (context as CallContext & TenantContext).tenant = tenant;
    return handler(request, context);
  };
}
