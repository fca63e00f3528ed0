/**
 * Redis key names. Every key of one conversation shares the hash tag
 * `{tenant:conversation}`, so the scripts, which touch several of them at
 * once, run unchanged on Redis Cluster (all their keys hash to one slot).
 * Ids are URI-encoded so that a `{`, `}` or `:` in an id cannot move the tag
 * or make two conversations' keys meet.
 */
export const DEFAULT_TENANT = 'default';

export interface ConversationKeys {
  /** The stream of events; entry ids 0-1, 0-2, … carry the sequence. */
  readonly events: string;
  /** A hash: `epoch` (this incarnation of the log) and `last` (the last sequence given). */
  readonly log: string;
  /** The sharded Pub/Sub channel the scripts publish to when events are appended (followed on a Cluster). */
  readonly wake: string;
}

/** The wake-up channel of an events stream (see `wake`). */
export function wakeChannelOfStream(eventsKey: string): string {
  return `${eventsKey.slice(0, -':events'.length)}:wake`;
}

/** The events stream whose wake-up channel this is (see `wake`). */
export function streamOfWakeChannel(channel: string): string {
  return `${channel.slice(0, -':wake'.length)}:events`;
}

function tag(conversationId: string, tenant: string): string {
  return `vc:{${encodeURIComponent(tenant)}:${encodeURIComponent(conversationId)}}`;
}

export function conversationKeys(conversationId: string, tenant: string = DEFAULT_TENANT): ConversationKeys {
  const prefix = tag(conversationId, tenant);
  return { events: `${prefix}:events`, log: `${prefix}:log`, wake: `${prefix}:wake` };
}

export function sessionKey(conversationId: string, objectiveType: string, tenant: string = DEFAULT_TENANT): string {
  return `${tag(conversationId, tenant)}:session:${encodeURIComponent(objectiveType)}`;
}
