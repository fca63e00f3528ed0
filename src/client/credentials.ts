import { ChannelCredentials } from 'nice-grpc';
import { ClientError, Metadata, Status, type CallOptions, type ClientMiddleware, type ClientMiddlewareCall } from 'nice-grpc-common';

/**
 * What the client authenticates with, sent as `authorization: Bearer …` on every call: a fixed API
 * key, or a token provider called before each call (so it can hand out a refreshed JWT).
 */
export type ClientCredentials = { apiKey: string } | { token: () => string | Promise<string> };

/** TLS for the channel: the CA that signed the server's certificate, and for mTLS the client's own pair (PEM). */
export interface ClientTlsOptions {
  /** Default: the system's root CAs. */
  ca?: Buffer | string;
  cert?: Buffer | string;
  key?: Buffer | string;
}

export function isClientCredentials(value: unknown): value is ClientCredentials {
  return typeof value === 'object' && value !== null && !(value instanceof ChannelCredentials) && ('apiKey' in value || 'token' in value);
}

const pem = (value: Buffer | string | undefined): Buffer | null =>
  value === undefined ? null : Buffer.isBuffer(value) ? value : Buffer.from(value);

export function tlsChannelCredentials(tls: ClientTlsOptions): ChannelCredentials {
  if ((tls.cert === undefined) !== (tls.key === undefined)) throw new RangeError('tls.cert and tls.key go together');
  return ChannelCredentials.createSsl(pem(tls.ca), pem(tls.key), pem(tls.cert));
}

/** Checks the credentials once, at construction, rather than failing every call. */
function bearerSource(credentials: ClientCredentials): () => string | Promise<string> {
  if ('apiKey' in credentials) {
    if (typeof credentials.apiKey !== 'string' || !/^\S+$/.test(credentials.apiKey)) {
      throw new RangeError('credentials.apiKey must be a non-empty string without spaces');
    }
    const header = `Bearer ${credentials.apiKey}`;
    return () => header;
  }
  if (typeof credentials.token !== 'function') throw new RangeError('credentials.token must be a function returning the token');
  const provider = credentials.token;
  return async () => `Bearer ${await provider()}`;
}

/**
 * Adds the bearer credential to every call. A token provider that fails or returns nothing fails
 * the call as UNAUTHENTICATED on the client side: the server is not involved, so the circuit
 * breaker does not count it.
 */
export function bearerMiddleware(credentials: ClientCredentials): ClientMiddleware {
  const source = bearerSource(credentials);
  return async function* bearer<Request, Response>(call: ClientMiddlewareCall<Request, Response>, options: CallOptions) {
    let header: string;
    try {
      header = await source();
    } catch (error) {
      throw new ClientError(
        call.method.path,
        Status.UNAUTHENTICATED,
        `the credentials token provider failed: ${(error as Error)?.message ?? String(error)}`,
      );
    }
    if (!/^Bearer \S+$/.test(header))
      throw new ClientError(call.method.path, Status.UNAUTHENTICATED, 'the credentials token provider returned no token');
    // The caller's metadata is copied, never changed: it may be shared between calls.
    const metadata = Metadata(options.metadata);
    metadata.set('authorization', header);
    return yield* call.next(call.request, { ...options, metadata });
  };
}
