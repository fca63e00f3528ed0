import type { Cluster } from 'ioredis';
import type { Logger } from '../logger';
import { streamOfWakeChannel, wakeChannelOfStream } from './keys';
import { releaseWaiter, StreamWatch, WaiterImpl, type FollowWatcher, type Follower } from './stream-follower';

/**
 * Live following on a Redis Cluster. A Cluster refuses one XREAD over streams
 * of several slots (CROSSSLOT), and one blocking connection per slot would be
 * thousands of connections. Instead every script that appends events also
 * publishes the new last sequence on the conversation's sharded Pub/Sub
 * channel (same hash tag, so the same slot and node), and this follower
 * subscribes (SSUBSCRIBE) to the channels of the streams it follows. ioredis
 * keeps one subscriber connection per shard for all of them, so the cost is
 * one connection per Redis node, never one per stream. A wake-up only says
 * "re-read": the subscriber reads with XRANGE, so a missed message costs
 * latency, never an event, and after any reconnection everyone re-reads.
 */
export class ShardedFollower implements Follower {
  private readonly watches = new Map<string, StreamWatch>();

  constructor(
    private readonly cluster: Cluster,
    private readonly logger: Logger,
  ) {
    cluster.on('smessage', (channel: string) => this.watches.get(streamOfWakeChannel(channel))?.wakeAll());
    const wakeAll = (): void => {
      for (const watch of this.watches.values()) watch.wakeAll();
    };
    for (const event of ['ready', '+subscriber', 'subscribersReady']) cluster.on(event, wakeAll);
  }

  watch(key: string, afterSequence: number): FollowWatcher {
    let watch = this.watches.get(key);
    if (watch === undefined) {
      const created = new StreamWatch(afterSequence);
      watch = created;
      this.watches.set(key, created);
      created.ready = this.cluster.ssubscribe(wakeChannelOfStream(key)).then(
        () => undefined,
        (error: unknown) => {
          // The next subscriber of this stream tries again.
          if (this.watches.get(key) === created) this.watches.delete(key);
          this.logger.debug({ err: { message: (error as Error).message } }, 'SSUBSCRIBE failed');
          throw error;
        },
      );
      // Its subscribers see the failure when they await it; nobody else must see it unhandled.
      created.ready.catch(() => undefined);
    }
    const waiter = new WaiterImpl(watch, (w) => this.release(key, w));
    watch.waiters.add(waiter);
    return waiter;
  }

  get streamCount(): number {
    return this.watches.size;
  }

  /** ioredis keeps one sharded subscriber connection per master node. */
  get connectionCount(): number {
    return this.cluster.nodes('master').length;
  }

  close(): Promise<void> {
    for (const watch of this.watches.values()) watch.wakeAll();
    return Promise.resolve();
  }

  private release(key: string, waiter: WaiterImpl): void {
    if (!releaseWaiter(this.watches, key, waiter)) return;
    // Sent after the SSUBSCRIBE on the same shard connection, so it cannot be overtaken by it.
    this.cluster.sunsubscribe(wakeChannelOfStream(key)).catch(() => undefined);
  }
}
