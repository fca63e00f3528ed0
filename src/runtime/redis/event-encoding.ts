import type { Transition } from '../../primitives/types';
import type { NewEvent } from '../stores';

/** An event as stored in its stream entry (field `e`); the conversation, sequence and epoch are the stream's. */
export interface StoredEvent {
  t: string;
  tr: string;
  o: string;
  f: string;
  to: string;
  d: { [key: string]: string };
  at: number;
  /** The write that added it (see event-ids.ts); absent in events stored before it existed. */
  w?: string;
}

export function encodeEvent(e: NewEvent, at: number, write: string): string {
  const stored: StoredEvent = { t: e.eventType, tr: e.traceId, o: e.objectiveType, f: e.fromState, to: e.toState, d: e.data, at, w: write };
  return JSON.stringify(stored);
}

/**
 * A turn's transitions as stored events: the very text JSON.stringify gives each StoredEvent (same keys in
 * the same order), with what they share (type, trace id, objective type, time) encoded once per turn rather
 * than once per event. Why: a turn commits several transitions (five for a confirmed capture), and building
 * and stringifying an object for each was the largest of our own costs per call in Redis mode.
 */
export function encodeTransitions(
  transitions: readonly Transition[],
  traceId: string,
  objectiveType: string,
  at: number,
  write: string,
): string[] {
  if (transitions.length === 0) return [];
  const head = `{"t":"state_transition","tr":${JSON.stringify(traceId)},"o":${JSON.stringify(objectiveType)},"f":`;
  const tail = `,"at":${JSON.stringify(at)},"w":${JSON.stringify(write)}}`;
  return transitions.map((t) => `${head}${JSON.stringify(t.from)},"to":${JSON.stringify(t.to)},"d":${JSON.stringify(t.data ?? {})}${tail}`);
}
