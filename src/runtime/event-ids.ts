import { randomUUID } from 'node:crypto';

/**
 * Event ids. An event's id is the id of the write that added it (one turn's
 * commit, or one appended event) and its sequence. A log keeps its epoch when
 * it loses only its last events (a Redis failover or a crash that lost the
 * last writes) and gives their sequences again; the write ids then differ, so
 * a subscriber resuming with the id of the last event it received can tell
 * that what the log holds now at that sequence is not what it was given.
 */

/** 62 random bits of a UUID v4 (its fixed version digit left out) in 16 hex digits: distinct for every write to one conversation's log, in practice. */
export function newWriteId(): string {
  const uuid = randomUUID();
  return uuid.slice(0, 8) + uuid.slice(9, 13) + uuid.slice(15, 18) + uuid.slice(19, 20);
}

export function eventIdOf(write: string, sequence: number): string {
  return `${write}.${sequence}`;
}
