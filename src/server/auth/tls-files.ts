import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import { ServerCredentials } from '@grpc/grpc-js';
import type { Settings } from 'node:http2';
import { createSecureContext, type SecureContextOptions } from 'node:tls';
import type { Logger } from '../../runtime/logger';

export interface TlsFiles {
  certFile: string;
  keyFile: string;
  /** CA of the client certificates: with it, clients must present a certificate it signed (mTLS). */
  clientCaFile?: string;
  /** How often the files are checked for changes (ms, default 10000). */
  pollMs?: number;
}

/**
 * Server TLS from files, reloaded without a restart. grpc-js cannot swap the credentials of a
 * listening server, but a ServerCredentials may publish new secure-context options to its watchers,
 * and the server applies them with `setSecureContext` to new connections (grpc-js server.ts,
 * `_addWatcher`). This subclass re-reads the files when they change (and on reload()) and
 * publishes them; a pair that does not load (half-written, key not matching) keeps the previous one.
 * grpc-js's own FileWatcherCertificateProvider does the same but is experimental, and its
 * createCertificateProviderServerCredentials swaps its two provider arguments in 1.14.
 */
export class ReloadingTlsCredentials extends ServerCredentials {
  private readonly files: TlsFiles;
  private readonly logger: Logger;

  /**
   * `settings`: the HTTP/2 SETTINGS to advertise. grpc-js merges these constructor options over its own
   * server options (whose settings hold only the stream limit), so they must include the stream limit.
   */
  constructor(files: TlsFiles, logger: Logger, settings?: Settings) {
    const mtls = files.clientCaFile !== undefined;
    const options = readTlsFiles(files);
    super({ requestCert: mtls, rejectUnauthorized: mtls, ...(settings === undefined ? {} : { settings }) }, options);
    this.files = files;
    this.logger = logger;
    for (const file of this.watched()) {
      watchFile(file, { interval: files.pollMs ?? 10_000, persistent: false }, (now, before) => {
        if (now.mtimeMs !== before.mtimeMs || now.size !== before.size) this.reload();
      });
    }
  }

  /** Re-reads the files; new connections use them, open ones keep theirs. */
  reload(): void {
    let next: SecureContextOptions;
    try {
      next = readTlsFiles(this.files);
    } catch (error) {
      this.logger.error({ reason: (error as Error).message }, 'TLS files reload failed; keeping the previous certificate');
      return;
    }
    this.updateSecureContextOptions(next);
    this.logger.info({ cert: this.files.certFile }, 'TLS certificate reloaded');
  }

  close(): void {
    for (const file of this.watched()) unwatchFile(file);
  }

  override _equals(other: ServerCredentials): boolean {
    return other === this;
  }

  private watched(): string[] {
    return [this.files.certFile, this.files.keyFile, ...(this.files.clientCaFile === undefined ? [] : [this.files.clientCaFile])];
  }
}

/** Reads and checks the files (a key not matching its certificate is an error here, not at the first handshake). */
function readTlsFiles(files: TlsFiles): SecureContextOptions {
  const options: SecureContextOptions = {
    cert: readFileSync(files.certFile),
    key: readFileSync(files.keyFile),
    ca: files.clientCaFile === undefined ? undefined : readFileSync(files.clientCaFile),
  };
  createSecureContext(options);
  return options;
}
