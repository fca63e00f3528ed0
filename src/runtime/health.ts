import { VERSION } from '../version';
import type { VoiceCore } from './voice-core';

/** What HealthCheck reports about the runtime, beyond serving and uptime. */
export interface RuntimeHealth {
  store: { name: string; reachable: boolean };
  primitives: Array<{ objectiveType: string; version: string }>;
  openSessions: number;
  openStreams: number;
}

/** The store check is bounded in time: a store that hangs is reported unreachable, not a hung HealthCheck. */
export const STORE_CHECK_TIMEOUT_MS = 1000;

export async function runtimeHealth(core: VoiceCore): Promise<RuntimeHealth> {
  let timer: NodeJS.Timeout | undefined;
  const reachable = await Promise.race([
    core.store.reachable().catch(() => false),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), STORE_CHECK_TIMEOUT_MS);
    }),
  ]);
  clearTimeout(timer);
  return {
    store: { name: core.store.name, reachable },
    primitives: core.registry.types().map((objectiveType) => ({ objectiveType, version: core.registry.version(objectiveType) ?? VERSION })),
    openSessions: core.sessions.size ?? 0,
    openStreams: core.events.openSubscriptions ?? 0,
  };
}
