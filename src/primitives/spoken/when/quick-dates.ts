import * as chrono from 'chrono-node';
import { addDays, isValidDate, MONTH_NAMES, WEEKDAY_NAMES, type CivilDate } from './calendar';
import { DATE_RULES, MONTH_INDEX, TAG, type DateRule, type SaidComponents } from './date-rules';

/**
 * Dates read without chrono-node, giving exactly the results chrono would
 * give, for the words callers use ("Friday", "next Tuesday", "the 5th of
 * March", "tomorrow", "Friday the 12th", "in a fortnight", "4/7"): chrono
 * costs 25 to 50 µs a call, this 1 to 3.
 *
 * It is chrono's pipeline cut down to what those words can wake, run as
 * chrono runs it: our rules (date-rules.ts) and chrono's weekday,
 * today/tomorrow/yesterday and month-name parsers, each with chrono's own
 * pattern; chrono's other parsers that the words can wake run as "spoilers"
 * (only their spans are known here); then chrono's overlap removal, its
 * merging of a weekday with the day after it and of a date with a "time" (our
 * results with nothing certain), and its validity filter. A text with any
 * other word, or where a spoiler's result would survive, is left to chrono:
 * quickDates returns undefined. quick-dates.test.ts checks both agree.
 */

/** What readDates reads of a chrono result (chrono's ParsedResult has all of it). */
export interface DateMatch {
  index: number;
  text: string;
  start: { get(component: chrono.Component): number | null; isCertain(component: chrono.Component): boolean };
  tags(): ReadonlySet<string>;
}

interface Known extends SaidComponents {
  weekday?: number;
}

/**
 * chrono's components, as far as readDates and the refiners ask: what was said
 * (undefined when not), and the date implied for the rest. Plain fields, so
 * that every result has the same shape.
 */
class Components {
  readonly day: number | undefined;
  readonly month: number | undefined;
  readonly year: number | undefined;
  readonly weekday: number | undefined;
  constructor(
    known: Known,
    readonly implied: CivilDate,
  ) {
    this.day = known.day;
    this.month = known.month;
    this.year = known.year;
    this.weekday = known.weekday;
  }
  /** What was said, for a copy with more said. */
  get known(): Known {
    return { day: this.day, month: this.month, year: this.year, weekday: this.weekday };
  }
  private said(component: chrono.Component): number | undefined {
    switch (component) {
      case 'day':
        return this.day;
      case 'month':
        return this.month;
      case 'year':
        return this.year;
      case 'weekday':
        return this.weekday;
      default:
        return undefined;
    }
  }
  /** As chrono: the value said, else the one implied (read when a result with nothing said took in another's tags). */
  get(component: chrono.Component): number | null {
    const said = this.said(component);
    if (said !== undefined) return said;
    return component === 'day' || component === 'month' || component === 'year' ? this.implied[component] : null;
  }
  isCertain(component: chrono.Component): boolean {
    return this.said(component) !== undefined;
  }
  /**
   * chrono's isValidDate: the date said (or implied) exists. chrono checks it
   * with Date.UTC, which reads years 0–99 as 1900–1999 (so the 29th of
   * February of year 0 does not exist for it): the same check, without a Date.
   */
  valid(): boolean {
    const year = this.year ?? this.implied.year;
    return isValidDate(year >= 0 && year <= 99 ? year + 1900 : year, this.month ?? this.implied.month, this.day ?? this.implied.day);
  }
}

/** Where a result came from: ours to build, or a chrono parser's that only chrono builds (chrono is asked if it survives). */
type Origin = 'ours' | 'chrono-only';

class Match implements DateMatch {
  constructor(
    public index: number,
    public text: string,
    readonly start: Components,
    private readonly tagSet: ReadonlySet<string>,
    readonly origin: Origin = 'ours',
  ) {}
  tags(): ReadonlySet<string> {
    return this.tagSet;
  }
}

const NO_TAGS: ReadonlySet<string> = new Set();
const MONTH_NAME_TAGS: ReadonlySet<string> = new Set(['parser/ENMonthNameParser']);
const CASUAL: ReadonlyMap<string, { days: number; tags: ReadonlySet<string> }> = new Map(
  (
    [
      ['today', 0],
      ['tomorrow', 1],
      ['yesterday', -1],
    ] as const
  ).map(([word, days]) => [word, { days, tags: new Set([`casualReference/${word}`, 'parser/ENCasualDateParser']) }]),
);

const WEEKDAYS: ReadonlyMap<string, number> = new Map(WEEKDAY_NAMES.map((w, i) => [w, i]));
const FULL_MONTHS: ReadonlySet<string> = new Set(MONTH_NAMES);
const MONTH_WORDS: ReadonlySet<string> = new Set(Object.keys(MONTH_INDEX));

/** chrono's own patterns (each starts with its (\W|^) word-boundary header, but the slash date's), from its en-GB parsers, once. */
const CHRONO_PATTERN = ((): ((name: string) => RegExp) => {
  const parsers = chrono.en.GB.parsers;
  const context = new chrono.ParsingContext('', new Date(0));
  return (name) => {
    const parser = parsers.find((p) => p.constructor.name === name);
    if (parser === undefined) throw new Error(`chrono-node has no ${name}`);
    return parser.pattern(context);
  };
})();
const SLASH_DATE = CHRONO_PATTERN('SlashDateFormatParser');
const WITHIN = CHRONO_PATTERN('ENTimeUnitWithinFormatParser');
/*
 * Four of chrono's patterns, cut down: the same patterns, groups and order,
 * without the alternatives wordsAllow never lets through (ordinal words such
 * as "twenty seventh", which words.ts writes as 27th; weekday abbreviations;
 * month names with a full stop, and "sept"). On the texts quickDates reads they
 * match exactly what chrono's match, and the smaller code runs much faster.
 */
const ORD = '[0-9]{1,2}(?:st|nd|rd|th)?';
const MONTHS = 'september|february|november|december|january|october|august|march|april|june|july|may|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec';
const YEAR_OF = '[1-9][0-9]{0,3}\\s{0,2}(?:BE|AD|BC|BCE|CE)|[1-9][0-9]{3}|[0-9]{2}(?!\\w|:\\d|\\s+(?:am|pm|o\\s*clock|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))';
const LITTLE_ENDIAN = new RegExp(
  `(\\W|^)(?:on\\s{0,3})?((?:${ORD}))(?:\\s{0,3}(?:to|\\-|\\–|until|through|till)\\s{0,3}((?:${ORD})))?(?:-|\\/|\\s{0,3}(?:of)?\\s{0,3})((?:${MONTHS}))(?:(?:-|\\/|,?\\s{0,3})((?:${YEAR_OF})(?!\\w)))?(?=\\W|$)`,
  'i',
);
const MIDDLE_ENDIAN = new RegExp(
  `(\\W|^)((?:${MONTHS}))(?:-|\\/|\\s*,?\\s*)((?:${ORD}))(?!\\s*(?:am|pm))\\s*(?:(?:to|\\-)\\s*((?:${ORD}))\\s*)?(?:(?:-|\\/|\\s*,\\s*|\\s+)((?:${YEAR_OF})))?(?=\\W|$)(?!\\:\\d)`,
  'i',
);
const WEEKDAY = new RegExp(
  '(\\W|^)(?:(?:\\,|\\(|\\（)\\s*)?(?:on\\s*?)?(?:(this|last|past|next)\\s*)?((?:wednesday|thursday|saturday|tuesday|sunday|monday|friday)|weekend|weekday)(?:\\s*(?:\\,|\\)|\\）))?(?:\\s*(?:of\\s*)?(this|last|past|next)\\s*week)?(?=\\W|$)',
  'i',
);
const SLASH_MONTH = CHRONO_PATTERN('ENSlashMonthFormatParser');
const AGO = CHRONO_PATTERN('ENTimeUnitAgoFormatParser');
const LATER = CHRONO_PATTERN('ENTimeUnitLaterFormatParser');
const CASUAL_DATE = CHRONO_PATTERN('ENCasualDateParser');
const MONTH_NAME = new RegExp(
  `(\\W|^)((?:in)\\s*)?((?:${MONTHS}))\\s*(?:(?:,|-|of)?\\s*((?:${YEAR_OF}))?)?(?=[^\\s\\w]|\\s+[^0-9]|\\s+$|$)`,
  'i',
);
const RELATIVE_DATE = CHRONO_PATTERN('ENRelativeDateFormatParser');
const CASUAL_RELATIVE = CHRONO_PATTERN('ENTimeUnitCasualRelativeFormatParser');

/**
 * Words none of chrono's parsers or refiners reacts to (no number word, no
 * time unit, no range word such as "to", no "ago", "later" …); with the
 * words quickDates reads itself, the only ones a text may have.
 */
const INERT_WORDS: ReadonlySet<string> = new Set([
  'yeah', 'yes', 'yep', 'yup', 'ok', 'okay', 'please', 'thanks', 'thank', 'cheers', 'can', 'could', 'we', 'do', 'would', 'will', 'be',
  'good', 'great', 'fine', 'perfect', 'lovely', 'it', 'its', 'itd', 'itll', 'was', 'is', 'im', 'i', 'think', 'reckon', 'believe', 'guess',
  'which', 'that', 'thats', 'so', 'my', 'our', 'and', 'or', 'but', 'if', 'you', 'me', 'let', 'lets', 'maybe', 'probably', 'how', 'about',
  'around', 'at', 'by', 'any', 'every', 'each', 'coming', 'upcoming', 'just', 'gone', 'following', 'not', 'isnt', 'there', 'then', 'what',
  'are', 'were', 'been', 'have', 'had', 'got', 'get', 'go', 'going', 'come', 'book', 'booked', 'booking', 'appointment', 'want', 'like',
  'prefer', 'suits', 'suit', 'free', 'available', 'sure', 'birthday', 'born', 'happened', 'start', 'started', 'date', 'well', 'oh',
  'sometime', 'early', 'eve', 'new', 'christmas', 'boxing', 'australia', 'anzac', 'melbourne', 'cup', 'easter', 'valentines',
  // Words of our rules ("in a fortnight", "2 weeks from tomorrow", "the day after tomorrow"); chrono's readings of them are spoilers.
  'a', 'an', 'from', 'time', 'after', 'before', 'fortnight', 'fortnights',
]);
const NAMED_DAY_WORDS: ReadonlySet<string> = new Set(['christmas', 'boxing', 'new', 'australia', 'anzac', 'melbourne', 'cup', 'good', 'easter', 'valentines']);
/** chrono's time units, spelt out (its abbreviations, "d", "mo", "hr" …, are not allowed). */
const UNIT_WORDS: ReadonlySet<string> = new Set(['day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years']);

/** chrono's years with an era ("85 BE") need no word boundary after it: "85 been" is one. */
const ERA = /^(?:be|ad|bc|ce)/;
const ORDINAL = /^\d{1,3}(?:st|nd|rd|th)$/;
const NUMBER = /^\d{1,2}$/;
const YEAR = /^\d{4}$/;
const SLASHED = /^\d{1,2}\/\d{1,2}(?:\/(?:\d{4}|\d{2}))?$/;
/** ENEndOfPeriodRefiner moves a date after these to the end of its period. */
const END_OF = /\blast\s+day\s+of\b/;

// What kinds of word a text has (wordsAllow): each parser runs only when the words it needs are there.
const ALLOWED = 1;
const WEEKDAY_WORD = 2;
const MONTH_WORD = 4;
const NUMBER_WORD = 8;
const CASUAL_WORD = 16;
const NAMED_WORD = 32;
const UNIT_WORD = 64;
const FORTNIGHT_WORD = 128;
const SLASH_WORD = 256;
/** An amount before a time unit ("2 weeks", "a few days", "the day"): what chrono's duration parsers need. */
const AMOUNT_UNIT = 512;
/** this/last/next/after before a unit ("next week"): ENRelativeDateFormatParser. */
const MODIFIER_UNIT = 1024;
/** A number before a month ("5th of March"): ENMonthNameLittleEndianParser. */
const NUMBER_MONTH = 2048;
/** A month before a number ("March 5th", "March, 5"): ENMonthNameMiddleEndianParser. */
const MONTH_NUMBER = 4096;

/** The kind of each word quickDates reads (numbers are matched by pattern). */
const WORD_KIND: ReadonlyMap<string, number> = new Map<string, number>([
  ...[...WEEKDAYS.keys(), 'weekend'].map((w): [string, number] => [w, WEEKDAY_WORD]),
  ...[...MONTH_WORDS].map((w): [string, number] => [w, MONTH_WORD]),
  ...['today', 'tomorrow', 'yesterday', 'now'].map((w): [string, number] => [w, CASUAL_WORD]),
  ...[...UNIT_WORDS].map((w): [string, number] => [w, UNIT_WORD]),
  ...[...INERT_WORDS].map((w): [string, number] => [w, NAMED_DAY_WORDS.has(w) ? NAMED_WORD : w === 'fortnight' || w === 'fortnights' ? FORTNIGHT_WORD : 0]),
  ...[',', 'on', 'the', 'of', 'in', 'this', 'next', 'last', 'few'].map((w): [string, number] => [w, 0]),
]);
/** Words chrono reads as an amount of a unit (digits too). */
const AMOUNT_WORDS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'few']);
const UNIT_MODIFIERS: ReadonlySet<string> = new Set(['this', 'last', 'next', 'after']);

// Our rules, by their place in DATE_RULES.
const [NUMERIC_ORDINALS, MONTH_OFFSET, NTH_WEEKDAY, DAY, NAMED, RELATIVE, DAY_MONTH, DAY_AFTER] = DATE_RULES;

/**
 * The results chrono would give for the text, when its words are ones this
 * reads itself; undefined when chrono must be asked. `today` is the caller's
 * date, which chrono counts "tomorrow" from and implies what was not said;
 * `reference` the instant (chrono reads "this month" from it).
 */
export function quickDates(text: string, today: CivilDate, reference: number): DateMatch[] | undefined {
  const count: WordCounts = { weekday: 0, month: 0, number: 0, casual: 0, named: 0, unit: 0, slash: 0 };
  const has = wordsAllow(text, count);
  if (has === 0 || ((has & UNIT_WORD) !== 0 && END_OF.test(text))) return undefined;
  const digits = (has & (NUMBER_WORD | SLASH_WORD)) !== 0;
  const slash = (has & SLASH_WORD) !== 0;
  const units = (has & UNIT_WORD) !== 0;
  const amounts = (has & AMOUNT_UNIT) !== 0;
  const weekday = (has & WEEKDAY_WORD) !== 0;
  const month = (has & MONTH_WORD) !== 0;
  const results: Match[] = [];
  // Our rules, in chrono's order, each only when the words it needs are there.
  // Each parser needs a word of its kind in every match (and matches do not overlap): it stops looking
  // once it has found as many matches as the text has such words.
  const numbers = count.number + count.slash;
  if (digits) runRule(NUMERIC_ORDINALS, text, today, results, numbers);
  if (units) runRule(MONTH_OFFSET, text, today, results, count.unit);
  if (weekday) runRule(NTH_WEEKDAY, text, today, results, count.weekday);
  if (digits) runRule(DAY, text, today, results, numbers);
  if ((has & NAMED_WORD) !== 0) runRule(NAMED, text, today, results, count.named);
  if ((has & (UNIT_WORD | FORTNIGHT_WORD)) !== 0) runRule(RELATIVE, text, today, results, count.unit);
  if (month || slash) runRule(DAY_MONTH, text, today, results, count.month + count.slash);
  if (units) runRule(DAY_AFTER, text, today, results, count.unit);
  // chrono's parsers, in chrono's order.
  if (slash) runSlashDates(text, results, count.slash);
  if (amounts) runChrono(WITHIN, text, results, count.unit, (m, index, said) => withinMatch(m, index, said, today));
  if ((has & NUMBER_MONTH) !== 0) runChrono(LITTLE_ENDIAN, text, results, count.month, littleEndianMatch);
  if ((has & MONTH_NUMBER) !== 0) runChrono(MIDDLE_ENDIAN, text, results, count.month, middleEndianMatch);
  if (weekday) runChrono(WEEKDAY, text, results, count.weekday, (m, index, said) => weekdayMatch(m, index, said, today));
  if (slash) runChrono(SLASH_MONTH, text, results, count.slash, spoiler);
  if (amounts) {
    runChrono(AGO, text, results, count.unit, spoiler);
    runChrono(LATER, text, results, count.unit, spoiler);
  }
  if ((has & CASUAL_WORD) !== 0) runChrono(CASUAL_DATE, text, results, count.casual, (m, index, said) => casualMatch(index, said, today));
  if (month) runChrono(MONTH_NAME, text, results, count.month, (m, index, said) => monthNameMatch(m, index, said, today));
  if ((has & MODIFIER_UNIT) !== 0) runChrono(RELATIVE_DATE, text, results, count.unit, (m, index, said) => relativeDateMatch(m, index, said, today, reference));
  if (amounts) runChrono(CASUAL_RELATIVE, text, results, count.unit, spoiler);

  if (results.length > 1) results.sort((a, b) => a.index - b.index);
  const refined = mergeDateTimes(mergeWeekdays(withoutOverlaps(results), text), text).filter((r) => !digitsOnly(r.text) && r.start.valid());
  for (const r of refined) {
    // chrono builds these itself, and "may" alone has a filter of its own.
    if (r.origin === 'chrono-only' || r.text.trim() === 'may') return undefined;
    // ENExtractYearSuffixRefiner gives a month without a year the year said after it.
    if (r.start.isCertain('month') && !r.start.isCertain('year') && /^\s*\d/.test(text.substring(r.index + r.text.length))) return undefined;
  }
  return refined;
}

/** How many words of each kind a text has (numbers: ordinals, one- and two-digit numbers, years; units: day(s) … year(s), fortnight). */
interface WordCounts {
  weekday: number;
  month: number;
  number: number;
  casual: number;
  named: number;
  unit: number;
  slash: number;
}

/**
 * Whether every word of the text is one whose effect on chrono this
 * reproduces: 0 when not, else the kinds of word it has (ALLOWED and the rest).
 */
function wordsAllow(text: string, count: WordCounts): number {
  const words = text.split(' ');
  let has = ALLOWED;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const kind = WORD_KIND.get(w);
    if (kind !== undefined) {
      has |= kind;
      if (kind === WEEKDAY_WORD) count.weekday++;
      else if (kind === MONTH_WORD) count.month++;
      else if (kind === CASUAL_WORD) count.casual++;
      else if (kind === NAMED_WORD) count.named++;
      else if (kind === UNIT_WORD || kind === FORTNIGHT_WORD) count.unit++;
      if (kind === UNIT_WORD && i > 0) {
        const before = words[i - 1];
        if (AMOUNT_WORDS.has(before) || startsWithDigit(before)) has |= AMOUNT_UNIT;
        if (UNIT_MODIFIERS.has(before)) has |= MODIFIER_UNIT;
      } else if (kind === MONTH_WORD) {
        const before = i > 1 && words[i - 1] === 'of' ? words[i - 2] : i > 0 ? words[i - 1] : '';
        if (endsWithDigitOrOrdinal(before)) has |= NUMBER_MONTH;
        const after = words[i + 1] === ',' ? words[i + 2] : words[i + 1];
        if (after !== undefined && startsWithDigit(after)) has |= MONTH_NUMBER;
      }
      continue;
    }
    if (ORDINAL.test(w)) has |= NUMBER_WORD;
    // Not before an era ("2 BE", even "2 been"): chrono reads that as a year after a date.
    else if (NUMBER.test(w) && !ERA.test(words[i + 1] ?? '')) has |= NUMBER_WORD;
    // A year right after its month ("the 5th of March 2027"); anywhere else chrono has other readings.
    // Not before another part of a date: chrono reads "2027 March 5", "2027, 2 20" from the year.
    else if (YEAR.test(w) && i > 0 && MONTH_WORDS.has(words[i - 1]) && yearMayEnd(words[i + 1])) has |= NUMBER_WORD;
    // With a year, as a year: chrono also reads "2027 December" from "15/01/2027 December".
    else if (SLASHED.test(w) && !ERA.test(words[i + 1] ?? '') && (w.length <= 5 || yearMayEnd(words[i + 1]))) {
      has |= SLASH_WORD;
      count.slash++;
      continue;
    } else return 0;
    count.number++;
  }
  return has;
}

function startsWithDigit(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 48 && c <= 57;
}

function endsWithDigitOrOrdinal(w: string): boolean {
  const c = w.charCodeAt(w.length - 1);
  return (c >= 48 && c <= 57) || ORDINAL.test(w);
}

function yearMayEnd(next: string | undefined): boolean {
  return next === undefined || WEEKDAYS.has(next) || CASUAL.has(next) || (INERT_WORDS.has(next) && !ERA.test(next) && !/^\d/.test(next));
}

/**
 * One of our rules as chrono's executeParser runs it: exec on the text not yet
 * read; after a match, on from its end; after a non-date, one character on.
 * Components not said are implied from today, as chrono implies them.
 */
function runRule(rule: DateRule, text: string, today: CivilDate, out: Match[], max: number): void {
  let from = 0;
  let found = 0;
  for (let m = rule.pattern.exec(text); m !== null; m = found < max ? rule.pattern.exec(text.substring(from)) : null) {
    const index = from + m.index;
    const said = rule.read(m);
    if (said === null) {
      from = index + 1;
      continue;
    }
    const imply = said.imply;
    const implied =
      imply === undefined ? today : imply.component === 'month' ? { year: today.year, month: imply.value, day: today.day } : { year: imply.value, month: today.month, day: today.day };
    out.push(new Match(index, m[0], new Components(said.known, implied), new Set([TAG + said.tag])));
    from = index + m[0].length;
    found++;
  }
}

/**
 * What a chrono parser makes of a match (header stripped): a result; 'chrono-only' for one only chrono
 * builds; or none, and where chrono looks again.
 */
type ChronoRead = (m: RegExpExecArray, index: number, said: string) => Match | 'chrono-only' | { retryFrom: number };
const retryNext = (index: number): { retryFrom: number } => ({ retryFrom: index + 1 });
const spoiler = (): 'chrono-only' => 'chrono-only';
/** A spoiler's components: certain enough to merge as a date, and valid. */
const SPOILER = new Components({ day: 1, month: 1, year: 2000 }, { year: 2000, month: 1, day: 1 });

/** A chrono parser with the (\W|^) header, run as executeParser runs it. */
function runChrono(pattern: RegExp, text: string, out: Match[], max: number, read: ChronoRead): void {
  let from = 0;
  let found = 0;
  for (let m = pattern.exec(text); m !== null; m = found < max ? pattern.exec(text.substring(from)) : null) {
    const header = m[1] ?? '';
    const index = from + m.index + header.length;
    const said = m[0].substring(header.length);
    const result = read(m, index, said);
    if (!(result instanceof Match) && result !== 'chrono-only') {
      from = result.retryFrom;
      continue;
    }
    const match = result === 'chrono-only' ? new Match(index, said, SPOILER, NO_TAGS, 'chrono-only') : result;
    out.push(match);
    from = match.index + match.text.length;
    found++;
  }
}

/** chrono's SlashDateFormatParser ("5/3/85"), a spoiler, with its own boundaries: the span it reports, or none. */
function runSlashDates(text: string, out: Match[], max: number): void {
  let from = 0;
  let found = 0;
  for (let m = SLASH_DATE.exec(text); m !== null; m = found < max ? SLASH_DATE.exec(text.substring(from)) : null) {
    const at = from + m.index;
    const index = at + m[1].length;
    const end = at + m[0].length - m[5].length;
    const said = text.substring(index, end);
    const none =
      (index > 0 && /\d\/?$/.test(text.substring(0, index))) ||
      (end < text.length && /^\/?\d/.test(text.substring(end))) ||
      /^\d\.\d$/.test(said) ||
      /^\d\.\d{1,2}\.\d{1,2}\s*$/.test(said) ||
      (m[4] === undefined && !said.includes('/')) ||
      !slashDayMonth(m);
    if (none) {
      from = at + 1;
      continue;
    }
    out.push(slashDateMatch(m, index, said));
    from = end;
    found++;
  }
}

const SLASH_DATE_TAGS: ReadonlySet<string> = new Set(['parser/SlashDateFormatParser']);

/** A slash date with a year ("5/3/85": 1985, as chrono's findMostLikelyADYear); without one, chrono's to build. */
function slashDateMatch(m: RegExpExecArray, index: number, said: string): Match {
  if (m[4] === undefined) return new Match(index, said, SPOILER, NO_TAGS, 'chrono-only');
  let day = Number.parseInt(m[2], 10);
  let month = Number.parseInt(m[3], 10);
  if (month > 12) [day, month] = [month, day];
  let year = Number.parseInt(m[4], 10);
  if (year < 100) year += year > 50 ? 1900 : 2000;
  const date = { year, month, day };
  return new Match(index, said, new Components(date, date), SLASH_DATE_TAGS);
}

/** Whether SlashDateFormatParser (little-endian) finds a day and a month in its match: it swaps "7/25" round, and gives up on the rest. */
function slashDayMonth(m: RegExpExecArray): boolean {
  let day = Number.parseInt(m[2], 10);
  let month = Number.parseInt(m[3], 10);
  if (month > 12) {
    if (!(day >= 1 && day <= 12 && month <= 31)) return false;
    [day, month] = [month, day];
  }
  return day >= 1 && day <= 31;
}

/** ENTimeUnitWithinFormatParser ("in 2 weeks", "in a few days"): that long after today; none for "for the …". */
function withinMatch(m: RegExpExecArray, index: number, said: string, today: CivilDate): Match | 'chrono-only' | { retryFrom: number } {
  if (/^for\s*the\s*\w+/i.test(said)) return retryNext(index);
  // Groups: 2 the amounts and units.
  const duration = durationOf(m[2]);
  return duration === undefined ? 'chrono-only' : new Match(index, said, relativeTo(today, duration), RELATIVE_TAGS);
}

type Duration = Partial<Record<Unit, number>>;
type Unit = 'day' | 'week' | 'month' | 'year';

/** One amount and its unit, as chrono's parseDuration finds them (the amounts and units quickDates allows). */
const DURATION_PART = /(\d+|an?\b(?:\s{0,2}few)?|few|the)\s{0,3}(months|weeks|month|years|days|week|year|day)/i;

/** chrono's parseDuration: each amount and unit in turn, a later one of a unit replacing an earlier. */
function durationOf(said: string): Duration | undefined {
  const duration: Duration = {};
  let rest = said;
  for (let m = DURATION_PART.exec(rest); m !== null; m = DURATION_PART.exec(rest)) {
    if (!/^[a-zA-Z]+$/.test(m[0])) {
      const amount = m[1].toLowerCase();
      const n = amount === 'a' || amount === 'an' || amount === 'the' ? 1 : /few/.test(amount) ? 3 : Number.parseFloat(amount);
      duration[UNIT_OF[m[2].toLowerCase()]] = n;
    }
    rest = rest.substring(m.index + m[0].length).trim();
  }
  // Whole amounts only: a fraction would spill into the next unit, which chrono does its own way.
  return Object.values(duration).every((n) => Number.isInteger(n)) && Object.keys(duration).length > 0 ? duration : undefined;
}

/**
 * chrono's createRelativeFromReference for a duration of days, weeks, months
 * and years: today moved by it (JS Date arithmetic, years first, as chrono:
 * a month on from the 31st of January is the 3rd of March); what is certain
 * depends on the smallest unit (days fix the weekday too, months leave the day
 * implied, years the day and month).
 */
function relativeTo(today: CivilDate, duration: Duration): Components {
  const d = new Date(Date.UTC(today.year, today.month - 1, today.day, 12));
  if (duration.year !== undefined) d.setUTCFullYear(d.getUTCFullYear() + duration.year);
  if (duration.month !== undefined) d.setUTCMonth(d.getUTCMonth() + duration.month);
  if (duration.week !== undefined) d.setUTCDate(d.getUTCDate() + 7 * duration.week);
  if (duration.day !== undefined) d.setUTCDate(d.getUTCDate() + duration.day);
  const date = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  const known: Known =
    duration.day !== undefined
      ? { ...date, weekday: d.getUTCDay() }
      : duration.week !== undefined
        ? { ...date }
        : duration.month !== undefined
          ? { month: date.month, year: date.year }
          : { year: date.year };
  return new Components(known, date);
}

/** ENMonthNameLittleEndianParser ("5th of March 2027"), a spoiler: none for a day past 31, looking again just after the day. */
function littleEndianMatch(m: RegExpExecArray, index: number): 'chrono-only' | { retryFrom: number } {
  // Groups: 2 the day, 3 a day it runs to, 4 the month, 5 a year.
  return Number.parseInt(m[2], 10) > 31 ? { retryFrom: index + m[2].length + 1 } : 'chrono-only';
}

/** ENMonthNameMiddleEndianParser ("March 5th"), a spoiler: none for a day past 31, or two digits alone (a year, in en-GB). */
function middleEndianMatch(m: RegExpExecArray, index: number): 'chrono-only' | { retryFrom: number } {
  // Groups: 2 the month, 3 the day, 4 a day it runs to, 5 a year.
  const tooBig = Number.parseInt(m[3], 10) > 31;
  const yearLike = m[4] === undefined && m[5] === undefined && /^\d{2}$/.test(m[3]);
  return tooBig || yearLike ? retryNext(index) : 'chrono-only';
}

/** ENWeekdayParser: the weekday said ("the weekend" is its Saturday, "last weekend" its Sunday). */
function weekdayMatch(m: RegExpExecArray, index: number, said: string, today: CivilDate): Match | 'chrono-only' {
  // Groups: 2 this/last/past/next before, 3 the weekday, 4 this/last/past/next week after.
  const word = m[3].toLowerCase();
  const modifier = (m[2] ?? m[4] ?? '').toLowerCase();
  const weekday = word === 'weekend' ? (modifier === 'last' || modifier === 'past' ? 0 : 6) : WEEKDAYS.get(word);
  if (weekday === undefined) return 'chrono-only';
  return new Match(index, said, new Components({ weekday }, today), NO_TAGS);
}

function casualMatch(index: number, said: string, today: CivilDate): Match | 'chrono-only' {
  const casual = CASUAL.get(said.toLowerCase());
  if (casual === undefined) return 'chrono-only';
  const date = addDays(today, casual.days);
  return new Match(index, said, new Components({ year: date.year, month: date.month, day: date.day }, date), casual.tags);
}

function monthNameMatch(m: RegExpExecArray, index: number, said: string, today: CivilDate): Match | 'chrono-only' | { retryFrom: number } {
  // Groups: 2 "in", 3 the month, 4 a year.
  const name = m[3].toLowerCase();
  if (said.length <= 3 && !FULL_MONTHS.has(name)) return retryNext(index);
  if (m[4] !== undefined) return 'chrono-only';
  const prefix = m[2] ?? '';
  // Its day is implied as the 1st (and the year as the nearest), so it is always a valid date.
  const components = new Components({ month: MONTH_INDEX[name] }, { year: today.year, month: MONTH_INDEX[name], day: 1 });
  return new Match(index + prefix.length, said.substring(prefix.length), components, MONTH_NAME_TAGS);
}

const RELATIVE_TAGS: ReadonlySet<string> = new Set(['result/relativeDate']);
const UNIT_OF: Readonly<Record<string, Unit>> = {
  day: 'day', days: 'day', week: 'week', weeks: 'week', month: 'month', months: 'month', year: 'year', years: 'year',
};

/**
 * ENRelativeDateFormatParser: "next week", "last month", "this year". Next and
 * last move today by one unit (with JS Date arithmetic, as chrono: a month on
 * from the 31st of January is the 3rd of March) and say what that unit fixes;
 * "this month" and "this year" say the month and year of the reference instant
 * in the machine's local time (chrono does not adjust those to the caller's
 * zone), "this week" nothing.
 */
function relativeDateMatch(m: RegExpExecArray, index: number, said: string, today: CivilDate, reference: number): Match | 'chrono-only' {
  // Groups: 2 the modifier, 3 the unit.
  const modifier = m[2].toLowerCase();
  const unit = UNIT_OF[m[3].toLowerCase()];
  if (unit === undefined) return 'chrono-only';
  const forward = modifier === 'next' || modifier.startsWith('after');
  if (!forward && modifier !== 'last' && modifier !== 'past') return new Match(index, said, thisPeriod(unit, today, reference), NO_TAGS);
  return new Match(index, said, relativeTo(today, { [unit]: forward ? 1 : -1 }), RELATIVE_TAGS);
}

/** "this week" implies its Sunday, "this month" says its month and year, "this year" its year; "this day" nothing. */
function thisPeriod(unit: Unit, today: CivilDate, reference: number): Components {
  const local = new Date(reference);
  if (unit === 'week') {
    local.setDate(local.getDate() - local.getDay());
    return new Components({}, { year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate() });
  }
  if (unit === 'month') {
    const known = { year: local.getFullYear(), month: local.getMonth() + 1 };
    return new Components(known, { ...known, day: 1 });
  }
  if (unit === 'year') return new Components({ year: local.getFullYear() }, { year: local.getFullYear(), month: 1, day: 1 });
  return new Components({}, today);
}

/** chrono's OverlapRemovalRefiner: of two overlapping results the longer stays, the earlier on a tie. */
function withoutOverlaps(results: Match[]): Match[] {
  if (results.length < 2) return results;
  const out: Match[] = [];
  let prev = results[0];
  for (let i = 1; i < results.length; i++) {
    const r = results[i];
    if (r.index >= prev.index + prev.text.length) {
      out.push(prev);
      prev = r;
      continue;
    }
    if (r.text.length > prev.text.length) prev = r;
  }
  out.push(prev);
  return out;
}

/** chrono's MergeWeekdayComponentRefiner: "Friday the 12th", "Friday, tomorrow" are one result (and lose their tags). */
function mergeWeekdays(results: Match[], text: string): Match[] {
  if (results.length < 2) return results;
  const out: Match[] = [];
  let cur = results[0];
  for (let i = 1; i < results.length; i++) {
    const next = results[i];
    const between = text.substring(cur.index + cur.text.length, next.index);
    const weekdayOnly = cur.start.isCertain('weekday') && !cur.start.isCertain('day') && !cur.start.isCertain('month');
    if (weekdayOnly && next.start.isCertain('day') && !next.tags().has('result/relativeDate') && /^,?\s*$/.test(between)) {
      const known: Known = { ...next.start.known, weekday: cur.start.weekday };
      cur = new Match(cur.index, cur.text + between + next.text, new Components(known, next.start.implied), NO_TAGS, next.origin);
      continue;
    }
    out.push(cur);
    cur = next;
  }
  out.push(cur);
  return out;
}

/** Nothing certain: chrono takes such a result (a named day, a day that does not exist) for a time of day. */
function timeOnly(r: Match): boolean {
  return !r.start.isCertain('weekday') && !r.start.isCertain('day') && !r.start.isCertain('month') && !r.start.isCertain('year');
}

const DATE_TIME_BETWEEN = /^\s*(T|at|after|before|on|of|,|-|\.|∙|:)?\s*$/;

/**
 * chrono's ENMergeDateTimeRefiner, which joins a date and a time: our results
 * with nothing certain count as times (and every result here as a date), so
 * "Friday, Christmas" is one result: the first one's components, both's tags.
 */
function mergeDateTimes(results: Match[], text: string): Match[] {
  if (results.length < 2) return results;
  const out: Match[] = [];
  let cur = results[0];
  for (let i = 1; i < results.length; i++) {
    const next = results[i];
    const between = text.substring(cur.index + cur.text.length, next.index);
    const curTime = timeOnly(cur);
    if ((curTime || timeOnly(next)) && !(curTime && between.trim() === ':') && DATE_TIME_BETWEEN.test(between)) {
      const origin: Origin = cur.origin === 'chrono-only' || next.origin === 'chrono-only' ? 'chrono-only' : 'ours';
      cur = new Match(cur.index, cur.text + between + next.text, cur.start, new Set([...cur.tags(), ...next.tags()]), origin);
      continue;
    }
    out.push(cur);
    cur = next;
  }
  out.push(cur);
  return out;
}

/** chrono's UnlikelyFormatFilter drops results that are only a number (and, with valid(), dates that do not exist). */
function digitsOnly(text: string): boolean {
  // A result that starts with a letter (most do) is no number.
  const c = text.charCodeAt(0);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return false;
  return /^\d*(\.\d*)?$/.test(text.replace(' ', ''));
}
