import { normaliseUtterance, tokens } from '../spoken/normalise';
import { isSingleLetter } from '../spoken/characters';
import { isValidEmail } from './domain';
import { GLUED_ENDING } from './domain-endings';
import { PROVIDER_DOMAINS, PROVIDER_HOMOPHONES } from './providers';
import { NUMBER_WORD } from './spell';
import { AU_ENDINGS, CONTRACTED_LEAD_INS, PHRASE_REWRITES } from './vocabulary';

/**
 * Normalises an utterance for reading an address, undoing what recognisers
 * and callers do to one: an "@" glued to a word or standing apart ("karen@bigpond",
 * "@gmail.com"), "dotcom" written as one word, a spelling written with hyphens
 * ("L-E-E"), number words joined by a hyphen ("eighty-five"), a provider split
 * by a hyphen ("g-mail"), a contracted lead-in ("my email's"), "at the rate"
 * and "at sign" for the at, "on the end" after a spelling hint ("ann with an e on the end"), and instructions that are not part of the address
 * ("all one word", "no spaces", "all lower case").
 */
export function prepareEmailText(text: string): string {
  const words: string[] = [];
  for (const token of tokens(normaliseUtterance(text))) words.push(...splitToken(token));
  let joined = ` ${words.join(' ')} `;
  // "ann with an e on the end at …": the "at the end" of a spelling hint is not the address's at.
  if (joined.includes(' the end ')) joined = joined.replace(HINT_AT_END, ' $1 ');
  if (ANY_REWRITE.test(joined)) {
    for (const [heard, said] of PADDED_REWRITES) {
      while (joined.includes(heard)) joined = joined.replace(heard, said);
    }
  }
  return joined.trim();
}

/** A spelling hint's letter "on the end" or "at the end" (the hint reads the same without it). */
const HINT_AT_END = / (with an? [a-z]{1,2}) (?:on|at) the end /g;

/** PHRASE_REWRITES as whole words (space-padded), built once. */
const PADDED_REWRITES: ReadonlyArray<readonly [string, string]> = PHRASE_REWRITES.map(([heard, said]) => [
  ` ${heard} `,
  said.length > 0 ? ` ${said} ` : ' ',
]);
/** Whether any of them is in a text: one test instead of one search per phrase (most addresses have none). */
const ANY_REWRITE = new RegExp(PADDED_REWRITES.map(([heard]) => heard.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

function splitToken(token: string): string[] {
  if (token.includes('@') && token !== '@') {
    const literal = token.replace(/^[._\-+]+|[._\-+]+$/g, '');
    if (isValidEmail(literal)) return [token];
    const at = token.indexOf('@');
    return [token.slice(0, at), '@', ...splitToken(token.slice(at + 1))].filter((w) => w.length > 0);
  }
  const glued = token.startsWith('dot') ? GLUED_ENDING.exec(token) : null;
  if (glued) return ['dot', glued[1]];
  if (token.endsWith("'s") && CONTRACTED_LEAD_INS.has(token.slice(0, -2))) return [token.slice(0, -2), 'is'];
  if (token.includes('-')) {
    const parts = token.split('-').filter((p) => p.length > 0);
    if (parts.length >= 2 && parts.every(isSingleLetter)) return parts;
    if (parts.length >= 2 && parts.every(NUMBER_WORD)) return parts;
    if (parts.length >= 2 && PROVIDER_DOMAINS[parts.join('')] !== undefined) return [parts.join('')];
  }
  return [token];
}

/** One pass per table: a regex alternation (longest phrase first) instead of a scan per phrase. */
function phraseReplacer(table: ReadonlyArray<readonly [string, string]>): (joined: string) => string {
  const map = new Map(table.map(([heard, said]) => [heard, said]));
  const alternatives = [...map.keys()].sort((a, b) => b.length - a.length).map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(` (?:${alternatives.join('|')})(?= )`, 'g');
  return (joined) => joined.replace(pattern, (match) => ` ${map.get(match.slice(1)) ?? match.slice(1)}`);
}

const collapseEndings = phraseReplacer(AU_ENDINGS);
const collapseHomophones = phraseReplacer(PROVIDER_HOMOPHONES);

export function collapseProviders(words: string[]): string[] {
  const padded = ` ${words.join(' ')} `;
  // Every AU_ENDINGS phrase starts "dot a".
  const joined = collapseHomophones(padded.includes(' dot a') ? collapseEndings(padded) : padded);
  // "@gmail.com" written by the recogniser inside a word stays as it is; "at@" artefacts do not.
  return joined
    .trim()
    .split(' ')
    .filter((w) => w.length > 0);
}
