import { SIGN_OFF_WORDS } from '../spoken/sign-offs';
import { wordTable } from '../spoken/keys';
/**
 * The words an Australian address is made of: street types, states and
 * territories, unit and box keywords, and the sentence words around an
 * address that are not part of it.
 */

export interface StreetType {
  /** Canonical full form, as Australia Post spells it out. */
  canonical: string;
  /**
   * Types that are almost never part of a street or suburb name. A weaker type
   * followed closely by one of these is part of the name ("Kelvin Grove Road",
   * "Court House Road").
   */
  core: boolean;
}

const CORE: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Street', ['street', 'st', 'str', 'streets']],
  ['Road', ['road', 'rd']],
  ['Avenue', ['avenue', 'ave', 'av', 'avenu']],
  ['Drive', ['drive', 'dr', 'drv']],
  ['Highway', ['highway', 'hwy']],
  ['Boulevard', ['boulevard', 'blvd', 'bvd']],
  ['Boulevarde', ['boulevarde']],
  ['Freeway', ['freeway', 'fwy']],
];

const OTHER: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Crescent', ['crescent', 'cres', 'cr', 'cresc', 'crs']],
  ['Court', ['court', 'ct', 'crt']],
  ['Place', ['place', 'pl']],
  ['Parade', ['parade', 'pde']],
  ['Terrace', ['terrace', 'tce', 'terr']],
  ['Lane', ['lane', 'ln']],
  ['Close', ['close', 'cl']],
  ['Circuit', ['circuit', 'cct', 'cir']],
  ['Circle', ['circle']],
  ['Way', ['way', 'wy']],
  ['Grove', ['grove', 'gr', 'gve']],
  ['Esplanade', ['esplanade', 'esp']],
  ['Square', ['square', 'sq']],
  ['Parkway', ['parkway', 'pkwy']],
  ['Motorway', ['motorway']],
  ['Walk', ['walk']],
  ['Mews', ['mews']],
  ['Row', ['row']],
  ['Rise', ['rise']],
  ['Loop', ['loop']],
  ['Track', ['track', 'trk']],
  ['Trail', ['trail']],
  ['Vista', ['vista']],
  ['View', ['view']],
  ['Ridge', ['ridge']],
  ['Gardens', ['gardens', 'gdns']],
  ['Heights', ['heights', 'hts']],
  ['Promenade', ['promenade', 'prom']],
  ['Quay', ['quay']],
  ['Crossing', ['crossing']],
  ['Green', ['green']],
  ['Glade', ['glade']],
  ['Chase', ['chase']],
  ['Bend', ['bend']],
  ['Retreat', ['retreat']],
  ['Link', ['link']],
  ['Crest', ['crest']],
  ['Alley', ['alley']],
  ['Arcade', ['arcade']],
  ['Mall', ['mall']],
  ['Concourse', ['concourse']],
  ['Corso', ['corso']],
  ['Strand', ['strand']],
  ['Vale', ['vale']],
  ['Wynd', ['wynd']],
  ['Outlook', ['outlook']],
  ['Approach', ['approach']],
  ['Grange', ['grange']],
  ['Broadway', ['broadway']],
];

export const STREET_TYPES: ReadonlyMap<string, StreetType> = new Map<string, StreetType>([
  ...CORE.flatMap(([canonical, spoken]) => spoken.map((w): [string, StreetType] => [w, { canonical, core: true }])),
  ...OTHER.flatMap(([canonical, spoken]) => spoken.map((w): [string, StreetType] => [w, { canonical, core: false }])),
]);

export type StateCode = 'NSW' | 'VIC' | 'QLD' | 'SA' | 'WA' | 'TAS' | 'NT' | 'ACT';

export const STATE_NAMES: Readonly<Record<StateCode, string>> = {
  NSW: 'New South Wales',
  VIC: 'Victoria',
  QLD: 'Queensland',
  SA: 'South Australia',
  WA: 'Western Australia',
  TAS: 'Tasmania',
  NT: 'Northern Territory',
  ACT: 'the A C T',
};

/**
 * How callers say a state, and how recognisers write it ("vick", "queens
 * land", "n s w"). Dots are taken out of a token before it is looked up, so
 * "n.s.w" is "nsw". Longest phrases are matched first.
 */
const STATE_PHRASES: ReadonlyArray<readonly [string, StateCode]> = [
  ['new south wales', 'NSW'],
  ['new south whales', 'NSW'],
  ['nsw', 'NSW'],
  ['n s w', 'NSW'],
  ['n s double u', 'NSW'],
  ['n s double you', 'NSW'],
  ['victoria', 'VIC'],
  ['vic', 'VIC'],
  ['vick', 'VIC'],
  ['v i c', 'VIC'],
  ['queensland', 'QLD'],
  ['queens land', 'QLD'],
  ['qld', 'QLD'],
  ['q l d', 'QLD'],
  ['south australia', 'SA'],
  ['sa', 'SA'],
  ['s a', 'SA'],
  ['western australia', 'WA'],
  ['west australia', 'WA'],
  ['wa', 'WA'],
  ['w a', 'WA'],
  ['double u a', 'WA'],
  ['double you a', 'WA'],
  ['tasmania', 'TAS'],
  ['tas', 'TAS'],
  ['taz', 'TAS'],
  ['tassie', 'TAS'],
  ['tazzie', 'TAS'],
  ['t a s', 'TAS'],
  ['northern territory', 'NT'],
  ['the northern territory', 'NT'],
  ['nt', 'NT'],
  ['n t', 'NT'],
  ['australian capital territory', 'ACT'],
  ['the australian capital territory', 'ACT'],
  ['act', 'ACT'],
  ['a c t', 'ACT'],
  ['the act', 'ACT'],
  ['the a c t', 'ACT'],
];

export const STATE_PHRASE_WORDS: ReadonlyArray<readonly [readonly string[], StateCode]> = STATE_PHRASES.map(
  ([phrase, code]) => [phrase.split(' '), code] as const,
).sort((a, b) => b[0].length - a[0].length);

/** State names said in full: the only ones that can also end a place name ("Mount Victoria", "Port Victoria"). */
export const FULL_STATE_WORDS: ReadonlySet<string> = new Set(['victoria', 'queensland', 'tasmania']);

/** Words that start place names and may be followed by a state's name ("Mount Victoria NSW 2786"). */
export const PLACE_PREFIXES: ReadonlySet<string> = new Set(['mount', 'mt', 'port', 'lake', 'point', 'cape', 'fort', 'glen', 'new']);

/** Keywords before a unit number: "unit 4, 56 King Street" is written 4/56 King Street. */
export const UNIT_WORDS: ReadonlySet<string> = new Set([
  'unit',
  'units',
  'apartment',
  'apartments',
  'apt',
  'flat',
  'suite',
  'shop',
  'villa',
  'townhouse',
]);

/** Spoken separators between a unit and a street number ("4 slash 56"). */
export const UNIT_SEPARATORS: ReadonlySet<string> = new Set(['/', 'slash', 'stroke', 'back', 'forward']);

/** Mail boxes: what the caller says, and how it is written. */
export const BOX_PHRASES: ReadonlyArray<readonly [readonly string[], string]> = (
  [
    ['po box', 'PO Box'],
    ['p o box', 'PO Box'],
    ['p.o box', 'PO Box'],
    ['p.o.box', 'PO Box'],
    ['pobox', 'PO Box'],
    ['post office box', 'PO Box'],
    ['p o', 'PO Box'],
    ['gpo box', 'GPO Box'],
    ['g p o box', 'GPO Box'],
    ['g.p.o box', 'GPO Box'],
    ['locked bag', 'Locked Bag'],
    ['private bag', 'Private Bag'],
  ] as Array<[string, string]>
)
  .map(([phrase, canonical]) => [phrase.split(' '), canonical] as const)
  .sort((a, b) => b[0].length - a[0].length);

/** Words that name the postcode before it is said ("and the postcode is …"). */
export const POSTCODE_MARKERS: ReadonlySet<string> = new Set(['postcode', 'postcodes', 'post', 'code', 'postal', 'zip', 'pc']);

/** Small words that join the parts of an address and belong to none of them. */
export const CONNECTORS: ReadonlySet<string> = new Set([
  '§',
  'in',
  'at',
  'and',
  'is',
  "it's",
  'its',
  'the',
  'suburb',
  'of',
  'number',
  'no',
  'state',
  'that',
  "that's",
  'thats',
  'which',
  'with',
  'then',
]);

/**
 * Sentence words that are never part of a suburb or street name. Used to tell
 * an address from a sentence ("hang on let me find it") and to strip the words
 * around it ("I live at …", "… thanks mate").
 */
export const SENTENCE_WORDS: ReadonlySet<string> = new Set([
  'a',
  'about',
  'address',
  'addresses',
  'again',
  'already',
  'also',
  'am',
  'an',
  'and',
  'any',
  'are',
  'as',
  'at',
  'be',
  'because',
  'been',
  'but',
  'by',
  'can',
  'cheers',
  'check',
  'could',
  'did',
  'do',
  'does',
  "don't",
  'dont',
  'find',
  'for',
  'from',
  'get',
  'give',
  'go',
  'going',
  'got',
  'had',
  'hang',
  'has',
  'have',
  'he',
  'hello',
  'her',
  'here',
  'hey',
  'hi',
  'his',
  'how',
  'i',
  "i'd",
  "i'll",
  "i'm",
  "i've",
  'id',
  'if',
  'im',
  'in',
  'is',
  'it',
  "it's",
  'its',
  'ive',
  'just',
  'know',
  'let',
  'like',
  'live',
  'lives',
  'living',
  'look',
  'mate',
  'me',
  'mine',
  'moment',
  'my',
  'need',
  'no',
  'nah',
  'not',
  'now',
  'definitely',
  'probably',
  'maybe',
  'really',
  'actually',
  'number',
  'postcode',
  "postcode's",
  'postcodes',
  'state',
  "state's",
  'oh',
  'ah',
  'ok',
  'okay',
  'on',
  'or',
  'our',
  'please',
  'rather',
  'reside',
  'residential',
  'right',
  'say',
  'see',
  'she',
  'should',
  'so',
  'sorry',
  'staying',
  'suburb',
  'sure',
  'tell',
  'thank',
  'thanks',
  'that',
  "that's",
  'thats',
  'the',
  'their',
  'them',
  'then',
  'there',
  'they',
  'think',
  'this',
  'to',
  'uh',
  'um',
  'unit',
  'up',
  'us',
  'was',
  'very',
  'much',
  'bye',
  'goodbye',
  'heaps',
  'we',
  "we're",
  'well',
  'were',
  'what',
  "what's",
  'when',
  'where',
  'which',
  'who',
  'why',
  'will',
  'with',
  'would',
  'yeah',
  'yep',
  'yes',
  'you',
  'your',
  "you're",
  'yup',
  'called',
  'named',
  "there's",
  'theres',
  "can't",
  'cant',
  'remember',
]);

/** Sentence words that do occur inside place names ("The Gap", "Isle of Capri"). */
export const PLACE_NAME_WORDS: ReadonlySet<string> = new Set(['the', 'of']);

/** Words said after an address that are not part of it. */
export const TRAILING_WORDS: ReadonlySet<string> = new Set(['§', ...SIGN_OFF_WORDS, 'yep', 'australia', 'in']);

/** Small ordinals written as figures by recognisers; street names spell them ("2nd Avenue" is Second Avenue). */
export const ORDINALS: Readonly<Record<string, string>> = wordTable({
  '1st': 'First',
  '2nd': 'Second',
  '3rd': 'Third',
  '4th': 'Fourth',
  '5th': 'Fifth',
  '6th': 'Sixth',
  '7th': 'Seventh',
  '8th': 'Eighth',
  '9th': 'Ninth',
  '10th': 'Tenth',
});

/**
 * Capital cities, which callers add after the suburb ("Newtown, Sydney"). The
 * city is dropped then, unless a word before it makes it a suburb's name of
 * its own ("North Sydney", "Port Adelaide", "East Perth").
 */
export const CAPITAL_CITIES: ReadonlySet<string> = new Set([
  'sydney',
  'melbourne',
  'brisbane',
  'perth',
  'adelaide',
  'hobart',
  'darwin',
  'canberra',
]);
export const CITY_QUALIFIERS: ReadonlySet<string> = new Set([
  'north',
  'south',
  'east',
  'west',
  'port',
  'new',
  'mount',
  'mt',
  'upper',
  'lower',
  'central',
  'greater',
  'inner',
  'old',
]);
