/**
 * The words around a name: lead-ins ("my name is", "this is"), titles,
 * sign-offs, labels ("surname", "first name"), and the sentence words that
 * tell a non-answer ("why do you need it") from a name.
 */

/** Said before a name; stripped from the start of an answer. */
export const LEAD_WORDS: ReadonlySet<string> = new Set([
  'yeah', 'yes', 'yep', 'yup', 'ok', 'okay', 'sure', 'well', 'so', 'oh', 'ah', 'hi', 'hello', 'hey', "g'day", 'gday', 'good',
  'morning', 'afternoon', 'evening', 'day', 'mate', "it's", 'its', 'it', 'is', 'this', "that's", 'thats', 'my', 'name',
  "name's", 'names', 'the', "i'm", 'im', 'i', 'am', 'me', 'call', 'called', 'you', 'can', 'full', 'and', 'look', 'right',
  'alright', 'of', 'course', 'certainly', 'no', 'worries', 'here', 'was', 'be', "it'll", 'under', 'booked', 'speaking',
  'with', "you're", 'youre', 'talking', 'to', 'there', 'again', 'just', 'actually', 'put',
]);

/** Titles: dropped, but a title before a lone word makes it a surname ("Mr Smith"). */
export const TITLES: ReadonlySet<string> = new Set([
  'mr', 'mister', 'mrs', 'missus', 'misses', 'ms', 'miss', 'mx', 'dr', 'doctor', 'prof', 'professor', 'sir', 'madam', 'dame',
  'lady', 'lord', 'rev', 'reverend', 'father', 'master', 'sister', 'brother', 'pastor',
]);

/** A name ends before these ("Jane Smith calling about my bill", "Jane from accounts"). */
export const CUT_WORDS: ReadonlySet<string> = new Set(['calling', 'ringing', 'phoning', 'from', 'regarding', 'about', 'with', 'on', 'at', 'but']);

/** Said after a name; stripped from the end. */
export const TRAIL_WORDS: ReadonlySet<string> = new Set([
  'speaking', 'here', 'thanks', 'thank', 'you', 'cheers', 'mate', 'please', 'ta', "that's", 'thats', 'it', 'and', 'my', 'is',
  'the', 'yeah', 'ok', 'okay', 'right', 'name', 'bye',
]);

/** Words between a name and its spelling, or before a restatement ("Leigh, that's L E I G H"). */
export const SPELL_CONNECTORS: ReadonlySet<string> = new Set(['spelled', 'spelt', 'spelling', 'spells', "that's", 'thats', 'which', 'is', 'as', 'with', 'a', 'it']);

export const LABELS: ReadonlyArray<readonly [readonly string[], 'first' | 'middle' | 'last']> = (
  [
    ['first name', 'first'],
    ["first name's", 'first'],
    ['first names', 'first'],
    ['firstname', 'first'],
    ['given name', 'first'],
    ['christian name', 'first'],
    ['middle name', 'middle'],
    ["middle name's", 'middle'],
    ['surname', 'last'],
    ["surname's", 'last'],
    ['surnames', 'last'],
    ['last name', 'last'],
    ["last name's", 'last'],
    ['lastname', 'last'],
    ['family name', 'last'],
    ["family name's", 'last'],
    ['second name', 'last'],
  ] as Array<[string, 'first' | 'middle' | 'last']>
)
  .map(([phrase, part]) => [phrase.split(' '), part] as const)
  .sort((a, b) => b[0].length - a[0].length);

/**
 * Sentence words that are not names. One of these left among the name words
 * means the caller did not give a name ("I'd rather not say", "can I speak to
 * someone"). Words that are also given names (Will, May, Mark, Bill, Grace,
 * Hope, Joy, Rose) are not here.
 */
export const NOT_NAME_WORDS: ReadonlySet<string> = new Set([
  'a', 'about', 'again', 'all', 'am', 'an', 'and', 'any', 'anyone', 'are', 'at', 'be', 'because', 'been', 'business', 'but',
  'by', 'call', 'calling', "can't", 'can', 'cannot', 'could', 'details', 'did', "didn't", 'do', 'does', "don't", 'dont',
  'dunno', 'email', 'for', 'from', 'get', 'give', 'giving', 'go', 'going', 'gonna', 'got', 'guess', 'hang', 'has', 'have',
  'he', 'hear', 'hello', 'her', 'him', 'his', 'how', 'i', "i'd", "i'll", "i'm", 'id', 'idea', 'if', 'im', 'in', 'information',
  'is', 'it', "it's", 'its', 'just', 'know', 'later', 'let', 'like', 'line', 'manager', 'me', 'mine', 'minute', 'moment', 'my',
  'myself', 'name', 'need', 'needs', 'no', 'nobody', 'none', 'not', 'nothing', 'number', 'of', 'ok', 'okay', 'on', 'or', 'our',
  'pardon', 'person', 'personal', 'phone', 'please', 'prefer', 'private', 'rather', 'repeat', 'said', 'say', 'sec', 'second',
  'see', 'she', 'should', 'so', 'some', 'someone', 'somebody', 'sorry', 'speak', 'sure', 'talk', 'tell', 'telling', 'thanks',
  'that', "that's", 'the', 'their', 'them', 'there', 'they', 'think', 'this', 'those', 'to', 'up', 'us', 'wait', 'want', 'was',
  'we', 'what', "what's", 'whats', 'when', 'where', 'which', 'who', "who's", 'whos', 'why', 'with', 'wont', "won't", 'would',
  'yeah', 'yes', 'you', "you're", 'your', 'yours', 'address', 'again', 'hmm', 'huh', 'eh', 'anything', 'thing', 'things',
  'here', 'hi', 'hey', 'okay', 'bye', 'gonna', 'wanna', 'really', 'right', 'now', 'busy', 'nope', 'nah', 'yep', 'yup', 'sure',
  'actually', 'then', 'than', 'too', 'very', 'much', 'thank',
]);

/** Joining words that make two names ("Jane or Janet", "Jane and John Smith"). */
export const ALTERNATIVE_WORDS: ReadonlySet<string> = new Set(['or', 'and', 'either']);

/** Generational suffixes, not part of the canonical "First Last". */
export const SUFFIXES: ReadonlySet<string> = new Set(['junior', 'jnr', 'jr', 'senior', 'snr', 'sr']);
