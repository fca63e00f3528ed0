import { unwatchFile, watchFile } from 'node:fs';
import { ServerError, Status, type CallContext } from 'nice-grpc-common';
import type { Logger } from '../../runtime/logger';
import { loadApiKeys, tenantForKey, type ApiKeyEntry } from './api-keys';
import { CredentialRefused, JwtVerifier, type JwtOptions } from './jwt';
import { PEER_TENANT_HEADER } from './peer-certificate';

export interface AuthOptions {
  /** The API key file (`TENANT_ID:SHA256_HEX` lines); re-read when it changes and on reload(). */
  apiKeysFile?: string;
  /** How often the key file is checked for changes (ms, default 2000). */
  apiKeysPollMs?: number;
  jwt?: JwtOptions;
  /** mTLS: the client certificate names the tenant when the call has no bearer credential. */
  clientCertificates?: boolean;
}

/** Whether any credential source is configured: then every Voice Core call must authenticate. */
export function hasCredentialSource(options: AuthOptions | undefined): boolean {
  return options !== undefined && (options.apiKeysFile !== undefined || options.jwt !== undefined || options.clientCertificates === true);
}

// The same answers whatever the reason, so that they help no one guess: the server log has the reason.
const MISSING = 'authentication required: send "authorization: Bearer <API key or token>"';
const REFUSED = 'credential refused';

/** Maps a call's credential to its tenant: bearer API key, bearer JWT, else the client certificate. */
export class Authenticator {
  private keys: readonly ApiKeyEntry[] = [];
  private readonly jwt: JwtVerifier | undefined;

  constructor(
    private readonly options: AuthOptions,
    private readonly logger: Logger,
  ) {
    this.jwt = options.jwt === undefined ? undefined : new JwtVerifier(options.jwt);
    if (options.apiKeysFile !== undefined) {
      this.keys = loadApiKeys(options.apiKeysFile);
      const file = options.apiKeysFile;
      // watchFile (polling) rather than fs.watch: it survives the file being replaced by a rename.
      watchFile(file, { interval: options.apiKeysPollMs ?? 2000, persistent: false }, (current, previous) => {
        if (current.mtimeMs !== previous.mtimeMs || current.size !== previous.size) this.reloadKeys();
      });
    }
    logger.info(
      {
        api_keys: options.apiKeysFile === undefined ? undefined : this.keys.length,
        jwt: this.jwt !== undefined,
        mtls: options.clientCertificates === true,
      },
      'authentication on',
    );
  }

  /** Re-reads the key file and a JWKS file (SIGHUP). A file that cannot be read keeps the previous keys. */
  reload(): void {
    this.reloadKeys();
    try {
      this.jwt?.reload();
    } catch (error) {
      this.logger.error({ reason: (error as Error).message }, 'JWKS reload failed; keeping the previous keys');
    }
  }

  close(): void {
    if (this.options.apiKeysFile !== undefined) unwatchFile(this.options.apiKeysFile);
  }

  /** The call's tenant; throws UNAUTHENTICATED (no credential) or PERMISSION_DENIED (a bad one). */
  async authenticate(context: CallContext): Promise<string> {
    const authorization = context.metadata.get('authorization');
    const bearerSource = this.options.apiKeysFile !== undefined || this.jwt !== undefined;
    if (bearerSource && authorization !== undefined && authorization !== '') {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      if (match === null) return this.refuse(context, 'authorization is not "Bearer <credential>"');
      return this.bearer(context, match[1]);
    }
    const peerTenant = this.options.clientCertificates === true ? context.metadata.get(PEER_TENANT_HEADER) : undefined;
    if (peerTenant !== undefined && peerTenant !== '') return peerTenant;
    if (this.options.clientCertificates === true) return this.refuse(context, 'the client certificate names no tenant');
    this.logger.warn({ peer: context.peer }, 'call without credential refused');
    throw new ServerError(Status.UNAUTHENTICATED, MISSING);
  }

  private async bearer(context: CallContext, credential: string): Promise<string> {
    if (this.options.apiKeysFile !== undefined) {
      const tenant = tenantForKey(this.keys, credential);
      if (tenant !== undefined) return tenant;
    }
    // A JWT is three base64url parts; anything else can only have been an API key.
    if (this.jwt !== undefined && /^[\w-]+\.[\w-]+\.[\w-]+$/.test(credential)) {
      try {
        return await this.jwt.tenantOf(credential);
      } catch (error) {
        if (error instanceof CredentialRefused) return this.refuse(context, error.message);
        throw error;
      }
    }
    return this.refuse(context, this.options.apiKeysFile === undefined ? 'bearer credential is not a JWT' : 'unknown API key');
  }

  private refuse(context: CallContext, reason: string): never {
    this.logger.warn({ peer: context.peer, reason }, 'credential refused');
    throw new ServerError(Status.PERMISSION_DENIED, REFUSED);
  }

  private reloadKeys(): void {
    const file = this.options.apiKeysFile;
    if (file === undefined) return;
    try {
      this.keys = loadApiKeys(file);
      this.logger.info({ api_keys: this.keys.length }, 'API keys reloaded');
    } catch (error) {
      this.logger.error({ reason: (error as Error).message }, 'API key reload failed; keeping the previous keys');
    }
  }
}
