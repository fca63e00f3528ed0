import { tokens, withoutFillers } from '../spoken/normalise';
import { endsWithKnownTld, finishDomain, validated } from './domain';
import type { EmailExtraction } from './extraction';
import { collapseProviders } from './prepare';
import { PROVIDER_DOMAINS } from './providers';
import { spellDomain } from './spell';
import { PART_WORDS, SENTENCE_WORDS } from './vocabulary';

/** A swap in a correction: the label or name the caller said was wrong, and the right one. */

/** "not outlook, optusnet" / "optusnet not outlook" / "it's optusnet, not outlook" / "not com, com dot au". */
export function readSwap(normalised: string): { wrong: string; right: string } | undefined {
  const words = collapseProviders(withoutFillers(tokens(normalised)));
  const notAt = words.indexOf('not');
  if (notAt < 0 || notAt + 1 >= words.length) return undefined;
  const wrong = words[notAt + 1];
  const content = (list: string[]): string[] => list.filter((w) => !SENTENCE_WORDS.has(w) && !PART_WORDS.has(w));
  const after = content(words.slice(notAt + 2));
  const before = content(words.slice(0, notAt));
  const side = after.length > 0 ? after : before;
  if (side.length === 0) return undefined;
  const right = spellDomain(side);
  if (right === '' || right === wrong) return undefined;
  return { wrong, right };
}

/** Replaces the label or local part the caller said was wrong; undefined when it is not in the address. */
export function applySwap(previous: string, swap: { wrong: string; right: string }): EmailExtraction | undefined {
  const [local, domain] = previous.split('@');
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
  return undefined;
}
