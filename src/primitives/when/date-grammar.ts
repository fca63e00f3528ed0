import * as chrono from 'chrono-node';
import { addDays, addMonths, WEEKDAY_NAMES, type CivilDate } from './calendar';
import { DATE_RULES, MAX_RELATIVE_DAYS, TAG } from './date-rules';
import type { WhenOptions } from './options';

/**
 * Dates in one canonical segment (see words.ts, with the time words already
 * taken out by time-grammar.ts), read with chrono-node's en-GB configuration
 * (little-endian: "4/7" is the 4th of July) plus our rules for what it lacks:
 * "the 3rd of the 4th", a bare "the 5th", "March the 5th", "in a fortnight",
 * "a week today", "Tuesday week", "a week on Friday", the days Australians
 * name (Anzac Day, Melbourne Cup Day …) and dates that do not exist ("the
 * 31st of June", which chrono silently drops).
 *
 * What was said is reported, not resolved: which Friday "Friday" is depends
 * on the tense, and is worked out in resolve.ts, in the caller's zone.
 */
export interface HeardDate {
  /** Already counted from the caller's today: "tomorrow", "in a fortnight", "a week today". */
  exact?: CivilDate;
  year?: number;
  /** The year was said with two digits ("the 5th of March 85"): its century follows the tense. */
  twoDigitYear?: boolean;
  month?: number;
  /** "the 5th of next month": months from the caller's current month. */
  monthOffset?: number;
  day?: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday?: number;
  weekdayRule?: WeekdayRule;
  /** Whole weeks after the weekday: "Tuesday week" 1, "a fortnight on Tuesday" 2. */
  weeksAfter?: number;
  /** "the first Monday in December" (n 1), "the last Friday of the month" (n -1). */
  nthWeekday?: { n: number; weekday: number; month?: number; monthOffset?: number };
  /** A key of NAMED_DAYS. */
  named?: string;
  /** A period, not a day: the caller must say which day. */
  vague?: VagueDate;
  /** A date that does not exist, as said: "the 32nd", "the 31st of June". */
  invalid?: { day: number; month?: number };
  start: number;
  end: number;
}

/**
 * bare: "Friday"; this: "this Friday"; next: "next Friday"; last: "last
 * Friday"; coming: "this coming Friday"; gone: "Friday just gone";
 * next-week / this-week / last-week: "Friday next week" (the week counted Monday to Sunday).
 */
export type WeekdayRule = 'bare' | 'this' | 'next' | 'last' | 'coming' | 'gone' | 'next-week' | 'this-week' | 'last-week';

export type VagueDate =
  | { what: 'week'; weeksFromNow: number }
  | { what: 'month'; month?: number; year?: number; monthsFromNow?: number }
  | { what: 'weekend'; rule: WeekdayRule }
  | { what: 'other'; reason: string };

type Extract = { [c in chrono.Component]?: number };

/** Our rules as chrono parsers: each tags its result so that readDates knows what was said. */
const AU_PARSERS: chrono.Parser[] = DATE_RULES.map((rule) => ({
  pattern: () => rule.pattern,
  extract: (context: chrono.ParsingContext, m: RegExpMatchArray) => {
    const said = rule.read(m as RegExpExecArray);
    if (said === null) return null;
    const components = context.createParsingComponents(said.known as Extract).addTag(TAG + said.tag);
    return said.imply === undefined ? components : components.imply(said.imply.component, said.imply.value);
  },
}));

/** Times of day said on their own: a parser of chrono's that reads any of them reads times, which are ours. */
const TIME_PROBES = ['3:30 pm', 'at 9', 'this afternoon', 'noon'];
const PROBE_INSTANT = new Date(Date.UTC(2026, 0, 15));

/**
 * chrono's parsers that read no time of day on its own. Chosen by what each
 * parser does, not by its class name: chrono does not export its parser
 * classes, and a renamed or minified build would make a name check keep
 * them silently.
 */
export function dateOnlyParsers(parsers: readonly chrono.Parser[]): chrono.Parser[] {
  return parsers.filter((parser) => {
    const alone = new chrono.Chrono({ parsers: [parser], refiners: [] });
    return TIME_PROBES.every((text) => alone.parse(text, PROBE_INSTANT).length === 0);
  });
}

/**
 * chrono's en-GB configuration without its time parsers (times are ours) and
 * with our rules first. Built once: parsing is then a pure function of the text
 * and the reference.
 */
const DATE_PARSER = ((): chrono.Chrono => {
  const c = chrono.en.GB.clone();
  c.parsers = [...AU_PARSERS, ...dateOnlyParsers(c.parsers)];
  return c;
})();

export function readDates(text: string, options: WhenOptions): HeardDate[] {
  // chrono (with our rules first) reads the dates, once per text.
  return heardOf(chronoDates(text, options), text, options.today);
}

function chronoDates(text: string, options: WhenOptions): chrono.ParsedResult[] {
  // The offset in minutes, never the IANA name: chrono ignores names and falls back to machine time.
  return DATE_PARSER.parse(text, { instant: new Date(options.reference), timezone: options.offsetMinutes });
}

/** What readDates reads of a chrono result. */
interface DateMatch {
  index: number;
  text: string;
  start: { get(component: chrono.Component): number | null; isCertain(component: chrono.Component): boolean };
  tags(): ReadonlySet<string>;
}

function heardOf(results: readonly DateMatch[], text: string, today: CivilDate): HeardDate[] {
  const heard: HeardDate[] = [];
  for (const r of results) {
    const date = fromResult(r, text, today);
    if (date !== undefined) heard.push(date);
  }
  return heard;
}

function fromResult(r: DateMatch, text: string, today: CivilDate): HeardDate | undefined {
  const start = r.index;
  const end = r.index + r.text.length;
  const c = r.start;
  const tag = firstOurTag(r.tags());
  const after = text.slice(end).trim();
  if (tag !== undefined) {
    const [kind, a, b] = tag.split(':');
    if (kind === 'invalid') {
      const month = c.get('month') ?? 1;
      // The year said is kept: the days offered instead ("the 28th of February 2029") are in it.
      const year = c.isCertain('year') ? (c.get('year') ?? undefined) : undefined;
      return { invalid: { day: Number(a), month }, year, twoDigitYear: year !== undefined && year < 100 ? true : undefined, start, end };
    }
    if (kind === 'invalid-day') return { invalid: { day: Number(a) }, start, end };
    if (kind === 'nth-weekday') {
      const [month, offset] = [Number(tag.split(':')[3]), Number(tag.split(':')[4])];
      return {
        nthWeekday: {
          n: Number(a),
          weekday: Number(b),
          month: month === 0 ? undefined : month,
          monthOffset: month === 0 ? offset : undefined,
        },
        start,
        end,
      };
    }
    if (kind === 'named') return { named: a, start, end };
    // Read, so that chrono does not read the same words its own way, and dropped: no date.
    if (kind === 'too-far') return undefined;
    if (kind === 'relative') return { exact: addMonths(addDays(today, Number(a)), Number(b)), start, end };
    if (kind === 'leap-day') return { day: 29, month: 2, start, end };
    if (kind === 'day-month') {
      const weekday = c.isCertain('weekday') ? (c.get('weekday') ?? undefined) : undefined;
      const year = c.isCertain('year') ? (c.get('year') ?? undefined) : undefined;
      return {
        day: c.get('day') ?? undefined,
        month: c.get('month') ?? undefined,
        year,
        weekday,
        weekdayRule: weekday === undefined ? undefined : 'bare',
        start,
        end,
      };
    }
    if (kind === 'month-offset') return { day: c.get('day') ?? undefined, monthOffset: Number(a), start, end };
    if (kind === 'numeric-ordinals') {
      const year = c.isCertain('year') ? (c.get('year') ?? undefined) : undefined;
      return {
        day: c.get('day') ?? undefined,
        month: c.get('month') ?? undefined,
        year,
        twoDigitYear: year !== undefined && year < 100,
        start,
        end,
      };
    }
  }
  // chrono's weekday match starts with "on": the words before it are what qualify the day.
  const on = /^on /.test(r.text);
  const said = r.text.trim().replace(/^on /, '');
  const before = `${text.slice(0, start).trim()}${on ? ' on' : ''}`.trim();
  if (/^(?:right )?now$/.test(said)) return undefined;
  if (/\bweekend\b/.test(said)) return { vague: { what: 'weekend', rule: weekdayRule(said, before, after).rule }, start, end };
  if (/\b(few|couple|several|some)\b/.test(said)) return { vague: { what: 'other', reason: `"${said}" is not a date` }, start, end };
  if (/\bend of\b/.test(said)) return { vague: { what: 'other', reason: `"${said}" is not a date` }, start, end };
  const period = /^(?:on )?(next|this|last|the following|following) (week|month|year)$/.exec(said);
  if (period !== null) {
    const n = period[1] === 'last' ? -1 : period[1] === 'this' ? 0 : 1;
    if (period[2] === 'week') return { vague: { what: 'week', weeksFromNow: n }, start, end };
    if (period[2] === 'month') return { vague: { what: 'month', monthsFromNow: n }, start, end };
    return { vague: { what: 'other', reason: `"${said}" is not a date` }, start, end };
  }
  if (c.isCertain('day') && !c.isCertain('month')) {
    // "the 5th", or "Friday the 12th" (chrono merges the weekday into our day, dropping our tag)
    const weekday = c.isCertain('weekday') ? (c.get('weekday') ?? undefined) : undefined;
    return {
      day: c.get('day') ?? undefined,
      weekday,
      weekdayRule: weekday === undefined ? undefined : weekdayRule(said, before, after).rule,
      start,
      end,
    };
  }
  if (c.isCertain('weekday') && !c.isCertain('day')) {
    const weekday = c.get('weekday') ?? 0;
    // "sat", "sun", "mon", "wed" alone are more often words than days.
    if (
      /^(sat|sun|mon|wed)$/.test(said) &&
      !/\b(on|this|next|last|every|till|until|by)$/.test(before) &&
      !/^(at|the|\d|,|morning|afternoon|evening|night)/.test(after) &&
      text.trim() !== said
    ) {
      return undefined;
    }
    if (/\b(every|each)$/.test(before))
      return { vague: { what: 'other', reason: `"every ${WEEKDAY_NAMES[weekday]}" is not one date` }, start, end };
    const { rule, weeksAfter } = weekdayRule(said, before, after);
    return { weekday, weekdayRule: rule, weeksAfter, start, end };
  }
  const y = c.isCertain('year');
  const m = c.isCertain('month');
  const d = c.isCertain('day');
  if (y && m && d && (r.tags().has('result/relativeDate') || r.tags().has('parser/ENCasualDateParser'))) {
    return { exact: { year: c.get('year') ?? 0, month: c.get('month') ?? 0, day: c.get('day') ?? 0 }, start, end };
  }
  if (m && d) {
    const year = y ? (c.get('year') ?? undefined) : undefined;
    const twoDigitYear = year !== undefined && /(?:^|[^\d])\d{2}$/.test(said);
    const weekday = c.isCertain('weekday') ? (c.get('weekday') ?? undefined) : undefined;
    return {
      year,
      twoDigitYear,
      month: c.get('month') ?? undefined,
      day: c.get('day') ?? undefined,
      weekday,
      weekdayRule: weekday === undefined ? undefined : 'bare',
      start,
      end,
    };
  }
  if (m) {
    // "may" on its own is more often the verb.
    if (said === 'may' && !/\b(in|of|during)$/.test(before)) return undefined;
    return { vague: { what: 'month', month: c.get('month') ?? undefined, year: y ? (c.get('year') ?? undefined) : undefined }, start, end };
  }
  return undefined;
}

/** The first of our rules' tags on a result, without the prefix. */
function firstOurTag(tags: ReadonlySet<string>): string | undefined {
  for (const t of tags) if (t.startsWith(TAG)) return t.slice(TAG.length);
  return undefined;
}

/** How a weekday was qualified, from chrono's match and the words around it. */
function weekdayRule(said: string, before: string, after: string): { rule: WeekdayRule; weeksAfter: number } {
  // The unanchored tests below run only when the words they look for are there (most weekdays are said bare).
  let weeksAfter = 0;
  // "a week on Friday", "a fortnight from Tuesday", "2 weeks after Monday"
  const lead =
    before.includes('week') || before.includes('fortnight') ? /\b(a|an|\d+) (weeks?|fortnights?) (?:on|from|after)$/.exec(before) : null;
  if (lead !== null) weeksAfter = (lead[1] === 'a' || lead[1] === 'an' ? 1 : Number(lead[1])) * (lead[2].startsWith('fortnight') ? 2 : 1);
  // Past a century it is no date (as for "in N weeks"): the weekday is read alone.
  if (7 * weeksAfter > MAX_RELATIVE_DAYS) weeksAfter = 0;
  // "Tuesday week", "Tuesday fortnight", "the Tuesday after next"
  if (/^(week|fortnight|after next)\b/.test(after) && !/^week (?:on|from)\b/.test(after)) weeksAfter = /^fortnight/.test(after) ? 2 : 1;
  if (weeksAfter > 0) return { rule: 'coming', weeksAfter };
  const saidWeek = said.includes('week');
  if ((saidWeek && /\b(next|following) week\b/.test(said)) || /^(?:of )?(next|the following) week\b/.test(after))
    return { rule: 'next-week', weeksAfter };
  if ((saidWeek && /\bthis week\b/.test(said)) || /^(?:of )?this week\b/.test(after)) return { rule: 'this-week', weeksAfter };
  if ((saidWeek && /\blast week\b/.test(said)) || /^(?:of )?last week\b/.test(after)) return { rule: 'last-week', weeksAfter };
  if ((before.endsWith('coming') && /\b(this coming|coming|upcoming)$/.test(before)) || /^coming\b/.test(after))
    return { rule: 'coming', weeksAfter };
  if (
    /^(just gone|gone|just past)\b/.test(after) ||
    ((before.endsWith('past') || before.endsWith('gone')) && /\b(this past|the past|just gone)$/.test(before))
  ) {
    return { rule: 'gone', weeksAfter };
  }
  if (/^(?:on )?(last|past)\b/.test(said)) return { rule: 'last', weeksAfter };
  if (/^(?:on )?next\b/.test(said) || (before.endsWith('following') && /\bfollowing$/.test(before))) return { rule: 'next', weeksAfter };
  if (/^(?:on )?this\b/.test(said)) return { rule: 'this', weeksAfter };
  return { rule: 'bare', weeksAfter };
}
