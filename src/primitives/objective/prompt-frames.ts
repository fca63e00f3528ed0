/**
 * The sentence frames every capture primitive says the same way. Each
 * primitive's prompts.ts fills in what it captured or what to ask, so the
 * agent sounds the same whatever it captures, and a change of wording is
 * made once.
 */

/** Reading a value back: "Just to confirm, that's jane at gmail dot com. Is that right?" */
export function confirmFrame(spoken: string): string {
  return `Just to confirm, that's ${spoken}. Is that right?`;
}

/** An answer to the read-back that was neither yes nor no. */
export function unclearConfirmationFrame(spoken: string): string {
  return `Sorry, was that a yes or a no? I've got ${spoken}.`;
}

/** Giving up on the value; `what` is "your email address", "the date". */
export function failedFrame(what: string): string {
  return `Sorry, I couldn't get ${what}. Let's move on, and someone can follow it up with you.`;
}

/** Asking again after an answer that gave nothing. */
export function notCaughtFrame(ask: string): string {
  return `Sorry, I didn't catch that. ${ask}`;
}

/** Asking again after an answer heard with low confidence. */
export function unclearLineFrame(ask: string): string {
  return `Sorry, the line's a bit unclear. ${ask}`;
}

/** Asking again after several answers heard with low confidence. */
export function stillUnclearFrame(ask: string): string {
  return `Sorry, I'm still having trouble hearing. ${ask}`;
}

/** Asking for the right value after the caller said the read-back was wrong. */
export function afterNoFrame(ask: string): string {
  return `Sorry about that. ${ask}`;
}

/** Asking again for the part the last turn was waiting for, after an answer that gave nothing. */
export function missedFrame(ask: string): string {
  return `Sorry, I missed that. ${ask}`;
}

/** Reading the value back once more: after a "yes" that barged in on the read-back, or a read-back token that did not match. */
export function readAgainFrame(confirmPrompt: string): string {
  return `Let me read that back once more. ${confirmPrompt}`;
}

/** Offering two values the recogniser could not choose between: "Sorry, was that fifteen, or fifty?" */
export function chooseFrame(first: string, second: string): string {
  return `Sorry, was that ${first}, or ${second}?`;
}
