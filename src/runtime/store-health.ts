/**
 * Which session and event store the runtime uses, and whether it answers: for
 * HealthCheck and the `voice_core_store_up` metric. A store other than the
 * in-memory one (Redis) passes its own to VoiceCore (option `store`).
 */
export interface StoreHealth {
  /** A short, fixed name: "memory", "redis". */
  readonly name: string;
  /** Resolves true when the store answers; never rejects. */
  reachable(): Promise<boolean>;
}

export const IN_MEMORY_STORE: StoreHealth = {
  name: 'memory',
  reachable: () => Promise.resolve(true),
};
