import { tokens, withoutFillers } from '../spoken/normalise';
import { endingOf, endsWithKnownTld, finishDomain, replaceEnding, validated } from './domain';
import type { EmailExtraction } from './extraction';
import { collapseProviders } from './prepare';
import { PROVIDER_DOMAINS } from './providers';
import { spellDomain } from './spell';
import { AU_ZONES, isEndingAnswer } from './domain-endings';
import { DOT_WORDS, PART_WORDS, SENTENCE_WORDS } from './vocabulary';

/** A swap in a correction: the label or name the caller said was wrong, and the right one. */

/**
 * "not outlook, optusnet" / "optusnet not outlook" / "it's optusnet, not outlook" / "not com, com dot au".
 * An ending said with its dots ("dot net not dot com", "not dot com, dot com dot au") is an ending swap:
 * `ending` is set and `wrong` and `right` are endings (com, com.au).
 * `heldEnding` is the ending of an address said just before the words ("jane at example dot net, not
 * dot com dot au"): the right side of a swap that names only the wrong one.
 */
export function readSwap(normalised: string, heldEnding?: string): { wrong: string; right: string; ending?: true } | undefined {
  const words = asNot(collapseProviders(withoutFillers(tokens(normalised))));
  const notAt = words.indexOf('not');
  if (notAt < 0 || notAt + 1 >= words.length) return undefined;
  const content = (list: string[]): string[] => list.filter((w) => !SENTENCE_WORDS.has(w) && !PART_WORDS.has(w));
  const before = content(words.slice(0, notAt));
  if (DOT_WORDS.has(words[notAt + 1])) return readEndingSwap(words.slice(notAt + 1), before, heldEnding);
  const wrong = words[notAt + 1];
  const after = content(words.slice(notAt + 2));
  const side = after.length > 0 ? after : before;
  if (side.length === 0) return undefined;
  const right = spellDomain(side);
  if (right === '' || right === wrong) return undefined;
  return { wrong, right };
}

/**
 * The other ways of saying which is wrong, as "not": "outlook instead of gmail" is "outlook not
 * gmail"; "change gmail to outlook" and "replace gmail with outlook" are "not gmail outlook".
 */
function asNot(words: string[]): string[] {
  const out = [...words];
  for (let i = 0; i + 1 < out.length; i++) {
    if ((out[i] === 'instead' && out[i + 1] === 'of') || (out[i] === 'rather' && out[i + 1] === 'than')) out.splice(i, 2, 'not');
  }
  const verb = out.findIndex((w) => w === 'change' || w === 'replace' || w === 'swap');
  const to = out.findIndex((w, k) => k > verb + 1 && (w === 'to' || w === 'with' || w === 'for'));
  if (verb >= 0 && to > verb + 1 && !out.includes('not')) {
    const wrong = out.slice(verb + 1, to).filter((w) => w !== 'the');
    return [...out.slice(0, verb), 'not', ...wrong, ...out.slice(to + 1)];
  }
  return out;
}

/**
 * "not dot com, dot net" (the comma lost: "not dot com dot net"), "dot net not dot com": the words
 * after the "not" split where both sides are endings. Two such splits are not chosen between.
 * When the right ending is said before the "not" (or held from the address just said) and every
 * word after it is one ending, that whole ending is the wrong one: "dot net not dot com dot au" is
 * com.au → net, never com → au with "dot net" left over (which once gave example.net.com.au).
 */
function readEndingSwap(
  afterNot: string[],
  before: string[],
  heldEnding: string | undefined,
): { wrong: string; right: string; ending: true } | undefined {
  const content = (list: string[]): string[] => list.filter((w) => !SENTENCE_WORDS.has(w) && !PART_WORDS.has(w));
  const saidBefore = before.length > 0 && DOT_WORDS.has(before[0]) ? spellDomain(before) : undefined;
  const rightBefore = saidBefore !== undefined && isEndingAnswer(saidBefore) ? saidBefore : before.length === 0 ? heldEnding : undefined;
  const whole = spellDomain(afterNot);
  if (rightBefore !== undefined && isEndingAnswer(whole) && afterNot.length % 2 === 0) {
    return whole === rightBefore ? undefined : { wrong: whole, right: rightBefore, ending: true };
  }
  const readings: Array<{ wrong: string; right: string; ending: true }> = [];
  for (let end = 2; end <= afterNot.length; end += 2) {
    if (!DOT_WORDS.has(afterNot[end - 2])) break;
    const wrong = spellDomain(afterNot.slice(0, end));
    const after = content(afterNot.slice(end));
    const side = after.length > 0 ? after : before;
    if (side.length === 0 || !DOT_WORDS.has(side[0])) continue;
    const right = spellDomain(side);
    if (right !== wrong && isEndingAnswer(wrong) && isEndingAnswer(right)) readings.push({ wrong, right, ending: true });
  }
  return readings.length === 1 ? readings[0] : undefined;
}

/** Replaces the label or local part the caller said was wrong; undefined when it is not in the address. */
export function applySwap(previous: string, swap: { wrong: string; right: string; ending?: true }): EmailExtraction | undefined {
  const [local, domain] = previous.split('@');
  if (swap.ending === true) return applyEndingSwap(previous, swap);
  const labels = domain.split('.');
  const wrongIndex = labels.indexOf(swap.wrong);
  if (wrongIndex >= 0) {
    if (wrongIndex === 0 && PROVIDER_DOMAINS[swap.right] !== undefined) return finishDomain(local, swap.right);
    // "not hotmail, outlook dot com": the right name came with its ending.
    if (wrongIndex === 0 && swap.right.includes('.') && endsWithKnownTld(swap.right)) return validated(`${local}@${swap.right}`);
    labels[wrongIndex] = swap.right;
    return validated(`${local}@${labels.join('.')}`);
  }
  if (local === swap.wrong) return validated(`${swap.right}@${domain}`);
  // "not jane, jayne" on jane.doe@…: one word of the part before the at, named, is replaced.
  const pieces = local.split(/([^a-z0-9]+)/);
  const at = pieces.flatMap((piece, k) => (k % 2 === 0 && piece === swap.wrong ? [k] : []));
  if (at.length === 1 && /^[a-z0-9]+$/.test(swap.right)) {
    pieces[at[0]] = swap.right;
    return validated(`${pieces.join('')}@${domain}`);
  }
  return undefined;
}

/**
 * "dot net not dot com" on gmail.com: the ending said to be wrong is replaced. When it is not in the
 * address at all ("not dot org, dot net" on gmail.com) the right ending is still the one said; when
 * the address already has the right one, nothing changes. "dot net not dot com" on bigpond.com.au
 * swaps the Australian zone (bigpond.net.au). Any other overlap ("not dot com, dot au" on
 * example.com.au: com.au → au, or com → au?) is undefined: asked, never guessed.
 */
function applyEndingSwap(previous: string, swap: { wrong: string; right: string }): EmailExtraction | undefined {
  const [local, domain] = previous.split('@');
  const ending = endingOf(previous);
  if (ending === swap.right) return validated(previous);
  if (ending === swap.wrong) return validated(replaceEnding(previous, swap.right));
  if (ending === `${swap.wrong}.au` && AU_ZONES.has(swap.wrong) && AU_ZONES.has(swap.right)) {
    return validated(`${local}@${domain.slice(0, -ending.length)}${swap.right}.au`);
  }
  const labels = new Set(ending.split('.'));
  if (swap.wrong.split('.').some((label) => labels.has(label))) return undefined;
  return validated(replaceEnding(previous, swap.right));
}
