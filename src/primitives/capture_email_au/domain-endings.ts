/**
 * The labels that end email domains: one table, read several ways.
 *   top-level     may end a domain on its own (.com, .au, .io): tells a domain from a word
 *   au-zone       a second-level zone under .au (com.au, asn.au, id.au)
 *   nameless      never a domain's name: "com.au" or "net" alone is an ending, not a domain
 *   unmistakable  an ending even said without its "dot" ("outlook com"); "net" is not: it ends names (westnet)
 */
type EndingKind = 'top-level' | 'au-zone' | 'nameless' | 'unmistakable';

const ENDINGS: ReadonlyArray<readonly [label: string, kinds: readonly EndingKind[]]> = [
  ['com', ['top-level', 'au-zone', 'nameless', 'unmistakable']],
  ['net', ['top-level', 'au-zone', 'nameless']],
  ['org', ['top-level', 'au-zone', 'nameless', 'unmistakable']],
  ['edu', ['top-level', 'au-zone', 'nameless', 'unmistakable']],
  ['gov', ['top-level', 'au-zone', 'nameless', 'unmistakable']],
  ['asn', ['au-zone', 'nameless']],
  ['id', ['au-zone', 'nameless']],
  ['au', ['top-level', 'nameless']],
  ['co', ['top-level', 'nameless']],
  ['uk', ['top-level', 'nameless']],
  ['nz', ['top-level', 'nameless']],
  ['io', ['top-level']],
  ['me', ['top-level']],
  ['info', ['top-level']],
  ['biz', ['top-level']],
  ['app', ['top-level']],
  ['dev', ['top-level']],
  ['ai', ['top-level']],
  ['us', ['top-level']],
  ['ca', ['top-level']],
];

const labelsOf = (kind: EndingKind): ReadonlySet<string> =>
  new Set(ENDINGS.filter(([, kinds]) => kinds.includes(kind)).map(([label]) => label));

/** Top-level labels a spoken domain may end with. */
export const TOP_LEVEL_LABELS = labelsOf('top-level');
/** Second-level Australian zones: "dot com dot au" and friends. */
export const AU_ZONES = labelsOf('au-zone');
/** Labels that are never a domain's name. */
export const NAMELESS_LABELS = labelsOf('nameless');
/** Endings that stay endings without their "dot". */
export const UNMISTAKABLE_LABELS = labelsOf('unmistakable');

/** "dotcom", "dot-au": an Australian caller's usual endings, written glued to the dot. */
export const GLUED_ENDING = new RegExp(`^dot-?(${[...TOP_LEVEL_LABELS].filter((l) => AU_ZONES.has(l) || l === 'au').join('|')})$`);
/** ".comau": an Australian zone and "au" without the dot between. */
export const AU_ZONE_WITHOUT_DOT = new RegExp(`\\.(${[...AU_ZONES].join('|')})au$`);

/** Whether a domain is only an ending ("com.au", "net"): a correction of the ending, or an address missing its name. */
export function isEndingOnly(domain: string): boolean {
  return domain.length > 0 && domain.split('.').every((label) => NAMELESS_LABELS.has(label));
}

/** Whether a caller's answer to "what comes after …?" is an ending: "com", "com.au", "net.nz", or a country code. */
export function isEndingAnswer(answer: string): boolean {
  const [first, country, ...more] = answer.split('.');
  if (more.length > 0) return false;
  if (country === undefined) return NAMELESS_LABELS.has(first) || /^[a-z]{2}$/.test(first);
  return NAMELESS_LABELS.has(first) && /^[a-z]{2}$/.test(country);
}
