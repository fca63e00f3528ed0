import type { CallContext } from 'nice-grpc-common';
import { DEFAULT_TENANT } from '../runtime/redis/keys';

/**
 * What authentication adds to a call's context: the tenant its credential maps to. A server
 * middleware sets it; with no credential source configured it stays unset and the call belongs
 * to the default tenant.
 */
export interface TenantContext {
  tenant: string;
}

/** The tenant a call belongs to: the one its credential named, else the default tenant. */
export function tenantOf(context: CallContext): string {
  const tenant = (context as CallContext & Partial<TenantContext>).tenant;
  return tenant === undefined || tenant === '' ? DEFAULT_TENANT : tenant;
}
