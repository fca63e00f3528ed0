// In a file of its own, free of ioredis types: the SDK's published declarations export it, and
// a consumer compiling them strictly must not need ioredis's (and redis-errors') typings.
/** The master a Sentinel group names, found through its Sentinels (and found again after a failover). */
export interface SentinelOptions {
  /** `host:port` of one or more Sentinels of the group. */
  sentinels: readonly string[];
  /** The group's master name (`sentinel monitor <name> …`). */
  name: string;
  /** The Sentinels' own password, if they have one. */
  sentinelPassword?: string;
  /** The password of the master and its replicas, if they have one. */
  password?: string;
}
