import type { PeerCertificate } from 'node:tls';
import { ServerInterceptingCall, type ServerInterceptor } from '@grpc/grpc-js';
import { isTenantId } from './api-keys';

/**
 * nice-grpc's call context carries no TLS peer, so a grpc-js interceptor (installed only with mTLS)
 * copies the tenant named by the client certificate into this header, after removing any value the
 * caller sent itself: the header can only come from the verified certificate.
 */
export const PEER_TENANT_HEADER = 'x-voice-core-peer-tenant';

/** The tenant a client certificate names: its subject CN, else its first DNS or URI SAN that is a tenant id. */
export function tenantFromCertificate(certificate: PeerCertificate | undefined): string | undefined {
  if (certificate === undefined || certificate === null) return undefined;
  const cn: unknown = certificate.subject?.CN;
  const cns = Array.isArray(cn) ? cn : [cn];
  for (const candidate of cns) if (isTenantId(candidate)) return candidate;
  for (const san of (certificate.subjectaltname ?? '').split(/,\s*/)) {
    const match = /^(?:DNS|URI):(.*)$/.exec(san);
    if (match !== null && isTenantId(match[1])) return match[1];
  }
  return undefined;
}

export const peerTenantInterceptor: ServerInterceptor = (_method, call) =>
  new ServerInterceptingCall(call, {
    start(next) {
      next({
        onReceiveMetadata(metadata, passOn) {
          metadata.remove(PEER_TENANT_HEADER);
          const tenant = tenantFromCertificate(call.getAuthContext().sslPeerCertificate);
          if (tenant !== undefined) metadata.set(PEER_TENANT_HEADER, tenant);
          passOn(metadata);
        },
      });
    },
  });
