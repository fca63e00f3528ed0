import { isFiller } from '../spoken/normalise';
import { ORDINAL_TEENS, ORDINAL_UNITS, TEEN_VALUES, TENS_VALUES, UNIT_VALUES } from '../spoken/number-words';
import { MONTH_NAMES } from './calendar';
import { readBelowHundred } from '../spoken/cardinals';
import { wordTable } from '../spoken/keys';

/**
 * Turns what the recogniser wrote into a canonical text the date and time
 * grammars read: number words as figures ("twenty first" → 21st, "three
 * thirty" → 3:30, "twenty twenty seven" → 2027, "oh nine hundred" → 09:00),
 * "a.m."/"p m" as am/pm, "arvo" as afternoon, and the spellings recognisers
 * produce for weekdays, months and "tomorrow".
 *
 * A clock time keeps its leading zero only when the caller said one ("oh nine
 * hundred" → 09:00): that, an hour past 12, or "hundred hours" is how the
 * time grammar knows a 24-hour time, whose am/pm needs no asking.
 */
export type WordsHint = 'date' | 'time' | 'datetime';

// The number words are shared with capture_number; a date or a time has no zero said as "zero"
// and no tens past fifty-nine except in years ("nineteen eighty five").
const UNITS: Readonly<Record<string, number>> = wordTable(Object.fromEntries(Object.entries(UNIT_VALUES).filter(([, v]) => v > 0)));
const TEENS = TEEN_VALUES;
const WEAK_DIGITS: Readonly<Record<string, number>> = wordTable({ to: 2, too: 2, for: 4, fore: 4, ate: 8, won: 1 });
const TENS: Readonly<Record<string, number>> = wordTable(Object.fromEntries(Object.entries(TENS_VALUES).filter(([, v]) => v <= 50)));
const YEAR_TENS: Readonly<Record<string, number>> = wordTable(Object.fromEntries(Object.entries(TENS_VALUES).filter(([, v]) => v > 50)));

/** Spellings recognisers produce, and the Australian words, in the form the grammars read. */
const WORD_FORMS: Readonly<Record<string, string>> = wordTable({
  tomorra: 'tomorrow',
  tomoz: 'tomorrow',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  tomorow: 'tomorrow',
  tommorow: 'tomorrow',
  tommorrow: 'tomorrow',
  tomorrows: 'tomorrow',
  '2morrow': 'tomorrow',
  yesterdays: 'yesterday',
  todays: 'today',
  tonite: 'tonight',
  tonights: 'tonight',
  nite: 'night',
  arvo: 'afternoon',
  arvos: 'afternoon',
  avo: 'afternoon',
  afto: 'afternoon',
  arvie: 'afternoon',
  mornin: 'morning',
  morn: 'morning',
  wensday: 'wednesday',
  wendsday: 'wednesday',
  wednsday: 'wednesday',
  wenesday: 'wednesday',
  weds: 'wednesday',
  tues: 'tuesday',
  tue: 'tuesday',
  teusday: 'tuesday',
  tuseday: 'tuesday',
  thurs: 'thursday',
  thur: 'thursday',
  thursdy: 'thursday',
  fri: 'friday',
  saterday: 'saturday',
  satday: 'saturday',
  saturdy: 'saturday',
  febuary: 'february',
  feburary: 'february',
  febrary: 'february',
  janurary: 'january',
  janury: 'january',
  agust: 'august',
  augst: 'august',
  sept: 'september',
  septemeber: 'september',
  novemeber: 'november',
  decemeber: 'december',
  fortnite: 'fortnight',
  fortnights: 'fortnight',
  xmas: 'christmas',
  chrissy: 'christmas',
  chrissie: 'christmas',
  hrs: 'hours',
  hr: 'hours',
  mins: 'minutes',
  min: 'minutes',
  minute: 'minutes',
  oclock: 'oclock',
  noonish: 'noon',
});

const WORD_FORM_MAP: ReadonlyMap<string, string> = new Map(Object.entries(WORD_FORMS));

/** `WORD_FORMS[raw] ?? raw`, as a Map lookup. */
function formOf(raw: string): string {
  return WORD_FORM_MAP.get(raw) ?? raw;
}

/** Words recognisers split or mishear on the phone. */
const SPLIT_FORMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:choose|chews|twos|tues) day\b/g, 'tuesday'],
  [/\b(?:wednes|wens|wends) day\b/g, 'wednesday'],
  [/\b(?:thurs|thirst|thors) day\b/g, 'thursday'],
  [/\b(mon|fri|satur|sun) day\b/g, '$1day'],
  [/\bto (morrow|day|night)\b/g, 'to$1'],
  [/\byester day\b/g, 'yesterday'],
  [/\b(?:fort|four|for) night\b/g, 'fortnight'],
  [/\bafter noon\b/g, 'afternoon'],
  [/\bmid (day|night)\b/g, 'mid$1'],
  [/\b(?:p|pee) (?:m|em)\b/g, 'pm'],
  [/\b(?:a|ay) em\b/g, 'am'],
  [/\b(quarter|\d+|five|ten|twenty|twenty five) too\b/g, '$1 to'],
];

export const MONTH_WORDS: ReadonlySet<string> = new Set([
  ...MONTH_NAMES,
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
]);

/** A run of number words read as one number, as it was said. */
interface NumberToken {
  value: number;
  /** Digits as said: "oh five" is "05", so 9 05 reads as 9:05 and "oh nine hundred" as 09:00. */
  digits: string;
  ordinal: boolean;
  /** Said with "hundred" ("fifteen hundred"): a 24-hour time or a year. */
  hundreds: boolean;
}

type Token = string | NumberToken;

const isNumber = (t: Token | undefined): t is NumberToken => typeof t === 'object';

/** Words before a bare number that make it a clock time, not a day or a count. */
const TIME_CUES = new Set(['at', 'around', 'about', 'say', 'from', 'till', 'til', 'until', 'before', 'after', 'by']);

/**
 * Every SPLIT_FORMS pattern needs one of these words after a space: when the text has none, none
 * of them can match and the twelve passes are skipped.
 */
const ANY_SPLIT_FORM = / (?:day|morrow|night|noon|m|em|too)\b/;
const OCLOCK_FORMS = /\bo\s?'?\s?clock\b/g;
const HYPHENATED = /([a-z])-(?=[a-z])/g;
const MERIDIEM_STUCK = /(\d)(am|pm|a\.m|p\.m)\b/g;
const MERIDIEM_DOTTED = /\b([ap])\.m\b\.?/g;
/** "just a sec", "one moment": words of a hold, not of a time ("one minute past three" is a time: see A_MINUTE_PAST). */
const A_MOMENT = /\b(just|one|a|half) (second|sec|moment|minute)\b(?! (?:past|after|to|till|til|before)\b)/g;
/** "one minute past three", "a minute to five": one minute, counted against the hour. */
const A_MINUTE_PAST = /\b(?:one|a) minute (past|after|to|till|til|before)\b/g;
const SAME_TIME_NEXT_WEEK = /\b(this|same) time next week\b/g;
const SPLIT_MERIDIEM = /(\d) ([ap]) m\b/g;
const MONTH_THE_DAY = /\b([a-z]+) the (\d{1,2}(?:st|nd|rd|th))\b/g;

export function canonicalWords(normalised: string, hint: WordsHint): string {
  // Each rewrite is tried only when a character or word it needs is there: most utterances need none.
  let text = normalised;
  if (text.includes('clock')) text = text.replace(OCLOCK_FORMS, ' oclock ');
  if (text.includes('-')) text = text.replace(HYPHENATED, '$1 ');
  if (text.includes("'")) text = text.replace(/'s\b/g, 's').replace(/'/g, '');
  if (/\d[ap]/.test(text)) text = text.replace(MERIDIEM_STUCK, '$1 $2');
  if (text.includes('.m')) text = text.replace(MERIDIEM_DOTTED, '$1m');
  if (text.includes('minute ')) text = text.replace(A_MINUTE_PAST, '1 minute $1');
  if (text.includes('sec') || text.includes('moment') || text.includes('minute')) text = text.replace(A_MOMENT, ' ');
  // "same time next week" is a week today at this time, not some day next week.
  if (text.includes('time next week')) text = text.replace(SAME_TIME_NEXT_WEEK, '$1 time a week today');
  if (ANY_SPLIT_FORM.test(text)) text = SPLIT_FORMS.reduce((t, [pattern, joined]) => t.replace(pattern, joined), text);
  const words: string[] = [];
  // Split at white space: a split at spaces when they are the only white space (empty words are dropped either way).
  for (const raw of /[^\S ]/.test(text) ? text.split(/\s+/) : text.split(' ')) {
    if (raw.length === 0 || isFiller(raw)) continue;
    const w = formOf(raw);
    words.push(w === 'passed' && words.length > 0 && /^(half|quarter|\d+|[a-z]+)$/.test(words[words.length - 1]) ? 'past' : w);
  }
  let joined = joinNumbers(readNumbers(words), hint).join(' ');
  if (joined.includes(' m')) joined = joined.replace(SPLIT_MERIDIEM, '$1 $2m');
  if (joined.includes(' the ')) {
    joined = joined.replace(MONTH_THE_DAY, (all, month: string, day: string) => (MONTH_WORDS.has(month) ? `${day} ${month}` : all));
  }
  return joined;
}

function readNumbers(words: readonly string[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < words.length;) {
    const read = readNumber(words, i);
    if (read === undefined) {
      out.push(words[i]);
      i++;
      continue;
    }
    let { token } = read;
    i = read.next;
    if (words[i] === 'hundred' && !token.ordinal && token.value >= 1 && token.value <= 99) {
      // "fifteen hundred", "oh nine hundred", "nineteen hundred and eighty five"
      token = { value: token.value * 100, digits: `${token.digits}00`, ordinal: false, hundreds: true };
      i++;
      const rest = readNumber(words, words[i] === 'and' ? i + 1 : i);
      if (rest !== undefined && rest.token.value < 100 && !rest.token.ordinal) {
        token.value += rest.token.value;
        token.digits = String(token.value).padStart(token.digits.length, '0');
        i = rest.next;
      }
    } else if (words[i] === 'thousand' && !token.ordinal && token.value >= 1 && token.value <= 9) {
      // "two thousand and twenty six", "two thousand and first" is not a date anyone says
      token = { value: token.value * 1000, digits: '', ordinal: false, hundreds: false };
      i++;
      const at = words[i] === 'and' ? i + 1 : i;
      // "two thousand and one": here "one" is certainly a number.
      const rest = words[at] === 'one' ? { token: number(1), next: at + 1 } : readNumber(words, at);
      if (rest !== undefined && rest.token.value < 100) {
        token.value += rest.token.value;
        token.ordinal = rest.token.ordinal;
        i = rest.next;
      }
      token.digits = String(token.value);
    }
    out.push(token);
  }
  return out;
}

/** Every word readNumber looks up: a word not among them and not starting with a digit is no number, without the lookups. */
const NUMBER_WORDS: ReadonlySet<string> = new Set([
  ...[UNITS, TEENS, WEAK_DIGITS, TENS, YEAR_TENS, ORDINAL_UNITS, ORDINAL_TEENS].flatMap((table) => Object.keys(table)),
  'oh',
  'o',
  'zero',
  'nought',
  'one',
]);

/** One number said as words or figures at words[i]: "twenty one", "twenty first", "oh five", "7", "21st". */
function readNumber(words: readonly string[], i: number): { token: NumberToken; next: number } | undefined {
  const w = words[i];
  const next = words[i + 1];
  if (w === undefined) return undefined;
  if (!(w.charCodeAt(0) >= 48 && w.charCodeAt(0) <= 57) && !NUMBER_WORDS.has(w)) return undefined;
  if (/^\d+$/.test(w)) return { token: { value: Number(w), digits: w, ordinal: false, hundreds: false }, next: i + 1 };
  if (/^\d+(st|nd|rd|th)$/.test(w)) return { token: { ...number(Number(w.replace(/\D/g, ''))), ordinal: true }, next: i + 1 };
  if (w in TENS || w in YEAR_TENS) {
    if (next !== undefined && next in ORDINAL_UNITS)
      return { token: { ...number((TENS[w] ?? YEAR_TENS[w]) + ORDINAL_UNITS[next]), ordinal: true }, next: i + 2 };
    const said = readBelowHundred(words, i, clockUnit);
    if (said !== undefined) return { token: number(said.value), next: said.end };
  }
  if (w in TEENS) return { token: number(TEENS[w]), next: i + 1 };
  if (w in ORDINAL_UNITS || w in ORDINAL_TEENS)
    return { token: { ...number(ORDINAL_UNITS[w] ?? ORDINAL_TEENS[w]), ordinal: true }, next: i + 1 };
  if ((w === 'oh' || w === 'o' || w === 'zero' || w === 'nought') && next !== undefined && (next in UNITS || /^\d$/.test(next))) {
    // "nine oh five", "oh nine hundred": a zero said in front of a digit.
    const unit = next in UNITS ? UNITS[next] : Number(next);
    return { token: { value: unit, digits: `0${unit}`, ordinal: false, hundreds: false }, next: i + 2 };
  }
  if (w === 'zero' || w === 'nought') return { token: number(0), next: i + 1 };
  if (w === 'one') return oneIsNumber(words, i) ? { token: number(1), next: i + 1 } : undefined;
  // "at for pm", "too o'clock": the recogniser's spelling of a digit, given away by what follows.
  if (w in WEAK_DIGITS && /^(am|pm|oclock)$/.test(next ?? '')) return { token: number(WEAK_DIGITS[w]), next: i + 1 };
  if (w in UNITS) return { token: number(UNITS[w]), next: i + 1 };
  return undefined;
}

/** A unit after a tens word in a date or time: "twenty one"; "twenty for" is the recogniser's twenty-four. */
function clockUnit(word: string | undefined): number | undefined {
  if (word === 'for' || word === 'fore') return 4;
  return word !== undefined && word in UNITS ? UNITS[word] : undefined;
}

function number(value: number): NumberToken {
  return { value, digits: String(value), ordinal: false, hundreds: false };
}

/** "one" is a number in "at one", "one thirty", "one pm", or as the whole answer; not in "the first one". */
function oneIsNumber(words: readonly string[], i: number): boolean {
  const prev = words[i - 1];
  const next = words[i + 1];
  if (words.length === 1) return true;
  if (prev !== undefined && (TIME_CUES.has(prev) || prev === 'past' || prev === 'to' || prev === 'half')) return true;
  if (next === undefined) return false;
  return (
    next in TENS ||
    next in TEENS ||
    next in UNITS ||
    next === 'oh' ||
    next === 'o' ||
    /^(am|pm|oclock|a|p|in|tonight|hundred|thousand)$/.test(next)
  );
}

/** Reads runs of numbers in context: a clock time, a year, or numbers on their own. */
function joinNumbers(tokens: readonly Token[], hint: WordsHint): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!isNumber(t)) {
      out.push(t);
      continue;
    }
    const next = tokens[i + 1];
    const after = tokens[i + 2];
    const prevWord = out[out.length - 1];
    if (t.ordinal) {
      out.push(`${t.value}${ordinalSuffix(t.value)}`);
      continue;
    }
    const saysHours = next === 'hours';
    // "fifteen hundred", "oh nine hundred hours", "1500 hours", "at 0930"
    const hundredsTime = t.hundreds && (t.value % 100 === 0 || saysHours);
    if ((hundredsTime || saysHours || (t.digits.length === 4 && (prevWord === 'at' || t.digits.startsWith('0')))) && t.digits.length >= 3) {
      const hour = Math.floor(t.value / 100);
      const minute = t.value % 100;
      const isYear = t.value >= 1900 && t.value <= 2099 && !saysHours && (hint === 'date' || yearContext(prevWord));
      if (hour <= 23 && minute <= 59 && !isYear) {
        out.push(`${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);
        if (next === 'hours') i++;
        continue;
      }
    }
    if (isNumber(next) && !next.ordinal) {
      const twoDigits = next.digits.length === 2;
      const yearish = (t.value === 19 || t.value === 20) && twoDigits && !t.hundreds;
      const timeish = t.value <= 23 && twoDigits && next.value <= 59 && !t.hundreds && !next.hundreds;
      const timeCue = after === 'am' || after === 'pm' || after === 'oclock' || after === 'hours' || TIME_CUES.has(prevWord ?? '');
      // "the 3rd of May eighteen ninety": an earlier century's pair only after a month or a day, and
      // never where it could be a time ("May the 3rd, eleven thirty" in a datetime).
      const earlierCentury =
        t.value >= 10 && t.value <= 18 && twoDigits && !t.hundreds && yearContext(prevWord) && (hint === 'date' || next.value > 59);
      if ((yearish || earlierCentury) && !timeCue && (yearContext(prevWord) || hint !== 'time' || !timeish)) {
        out.push(`${t.value}${next.digits}`);
        i++;
        continue;
      }
      if (timeish) {
        // A leading zero said aloud ("oh nine thirty") marks a 24-hour time.
        out.push(`${t.digits.length === 2 && t.digits.startsWith('0') ? t.digits : t.value}:${next.digits}`);
        i++;
        continue;
      }
    }
    out.push(t.digits);
  }
  return out;
}

/** Words after which "twenty twenty seven" is a year, not 8:27 pm. */
function yearContext(prevWord: string | undefined): boolean {
  if (prevWord === undefined) return false;
  return (
    MONTH_WORDS.has(prevWord) ||
    /^\d+(st|nd|rd|th)$/.test(prevWord) ||
    /^(of|in|year|since|born)$/.test(prevWord) ||
    /\d\/\d/.test(prevWord)
  );
}

export function ordinalSuffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
}
