import * as chrono from 'chrono-node';
import { addDays, addMonths, daysInMonth, MONTH_NAMES, WEEKDAY_NAMES, type CivilDate } from './calendar';
import type { WhenOptions } from './options';
import { speakDay, speakMonth } from './speak';

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
  /** A date that does not exist, e.g. the 31st of June. */
  invalid?: string;
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

const MONTH_INDEX: Readonly<Record<string, number>> = Object.fromEntries(
  MONTH_NAMES.flatMap((name, i) => [
    [name, i + 1],
    [name.slice(0, 3), i + 1],
  ]),
);
const MONTH_PATTERN = Object.keys(MONTH_INDEX).join('|');

const NAMED_DAY_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['christmas eve', 'christmas-eve'],
  ['christmas day', 'christmas-day'],
  ['christmas', 'christmas-day'],
  ['boxing day', 'boxing-day'],
  ['new years eve', 'new-years-eve'],
  ['new years day', 'new-years-day'],
  ['australia day', 'australia-day'],
  ['anzac day', 'anzac-day'],
  ['melbourne cup day', 'melbourne-cup-day'],
  ['melbourne cup', 'melbourne-cup-day'],
  ['cup day', 'melbourne-cup-day'],
  ['good friday', 'good-friday'],
  ['easter saturday', 'easter-saturday'],
  ['easter sunday', 'easter-sunday'],
  ['easter monday', 'easter-monday'],
  ['valentines day', 'valentines-day'],
];

const TAG = 'voice-core/';

const NAMED_DAY_PATTERN = new RegExp(`\\b(${NAMED_DAY_WORDS.map(([w]) => w).join('|')})\\b`);
const DAY_MONTH_PATTERN = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?(${MONTH_PATTERN})\\b(?: (\\d{4}))?|\\b(${MONTH_PATTERN}) (?:the )?(\\d{1,2})(?:st|nd|rd|th)?\\b(?: (\\d{4}))?|(?<![\\d/])(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}))?(?![\\d/])`,
);

const NTH_WEEKDAY_PATTERN = new RegExp(
  `\\b(?:the )?(1st|2nd|3rd|4th|last) (${WEEKDAY_NAMES.join('|')}) (?:in|of) (?:(${MONTH_PATTERN})|(this|next|last|the) month)\\b`,
);

type Extract = { [c in chrono.Component]?: number };

/** Our rules, as chrono parsers: each tags its result so that readDates knows what was said. */
const AU_PARSERS: chrono.Parser[] = [
  {
    // "the 3rd of the 4th", "3rd of the 4th 2027"
    pattern: () => /\b(?:the )?(\d{1,2})(?:st|nd|rd|th)? of the (\d{1,2})(?:st|nd|rd|th)?(?: (\d{4}|\d{2}))?\b/,
    extract: (context, m) => tagged(context, { day: Number(m[1]), month: Number(m[2]), ...(m[3] ? { year: Number(m[3]) } : {}) }, 'numeric-ordinals'),
  },
  {
    // "the 5th of next month"
    pattern: () => /\b(?:the )?(\d{1,2})(?:st|nd|rd|th)? of (this|next|last) month\b/,
    extract: (context, m) => tagged(context, { day: Number(m[1]) }, `month-offset:${m[2] === 'next' ? 1 : m[2] === 'last' ? -1 : 0}`),
  },
  {
    // "the first Monday in December", "the last Friday of the month"
    pattern: () => NTH_WEEKDAY_PATTERN,
    extract: (context, m) => {
      const n = m[1] === 'last' ? -1 : Number.parseInt(m[1], 10);
      const weekday = WEEKDAY_NAMES.indexOf(m[2] as (typeof WEEKDAY_NAMES)[number]);
      const month = m[3] !== undefined ? MONTH_INDEX[m[3]] : 0;
      const offset = m[4] === 'next' ? 1 : m[4] === 'last' ? -1 : 0;
      return tagged(context, {}, `nth-weekday:${n}:${weekday}:${month}:${offset}`);
    },
  },
  {
    // A day of the month on its own: "the 5th", "on the 21st", "the 5"; "the 32nd" does not exist.
    pattern: () => /\b(?:(?:on )?the )?(\d{1,3})(st|nd|rd|th)\b|\b(?:on )?the (\d{1,2})\b(?! (?:minutes|hours|days|weeks|months|people|of)\b)/,
    extract: (context, m) => {
      const day = Number(m[1] ?? m[3]);
      if (day > 31) return tagged(context, {}, `invalid-day:${day}`);
      // chrono would check the day against the reference's month (June has no 31st): imply one that has it.
      return day >= 1 ? tagged(context, { day }, 'day').imply('month', 1) : null;
    },
  },
  {
    pattern: () => NAMED_DAY_PATTERN,
    extract: (context, m) => tagged(context, {}, `named:${NAMED_DAY_WORDS.find(([w]) => w === m[1])?.[1]}`),
  },
  {
    // "in a fortnight", "a fortnight today", "2 weeks from tomorrow", "a week today", "in a month's time"
    pattern: () =>
      /\b(a|an|\d+) (days?|weeks?|fortnights?|months?) (?:from )?(today|tomorrow|now)\b|\bin (a|an|\d+) (days?|weeks?|fortnights?|months?)\b(?: time)?|\b(a|an|\d+) (days?|weeks?|fortnights?|months?) time\b|\b(?:in (?:a |1 )?|a )(fortnight)\b(?! (?:on|from|after)\b)/,
    extract: (context, m) => {
      const amount = m[1] ?? m[4] ?? m[6] ?? 'a';
      const unit = m[2] ?? m[5] ?? m[7] ?? m[8];
      const count = amount === 'a' || amount === 'an' ? 1 : Number(amount);
      const days = unit.startsWith('day') ? count : unit.startsWith('week') ? 7 * count : unit.startsWith('fortnight') ? 14 * count : 0;
      const months = unit.startsWith('month') ? count : 0;
      return tagged(context, {}, `relative:${days + (m[3] === 'tomorrow' ? 1 : 0)}:${months}`);
    },
  },
  {
    // A day and a month ("5 March", "March the 5th", "5/3", "5/3/2027"); days that do not exist, which
    // chrono drops without a word ("the 31st of June", "30/2"); the 29th of February without a year,
    // which chrono drops when this year has none.
    pattern: () => DAY_MONTH_PATTERN,
    extract: (context, m) => {
      const day = Number(m[1] ?? m[5] ?? m[7]);
      const month = m[2] !== undefined ? MONTH_INDEX[m[2]] : m[4] !== undefined ? MONTH_INDEX[m[4]] : Number(m[8]);
      const yearText = m[3] ?? m[6] ?? m[9];
      if (month < 1 || month > 12 || day < 1) return null;
      // chrono would check the day against this year: any leap year keeps it, and the resolver picks the year.
      if (yearText === undefined && month === 2 && day === 29) return tagged(context, { day, month }, 'leap-day').imply('year', 2028);
      if (day > daysInMonth(yearText === undefined ? 2024 : Number(yearText), month)) return tagged(context, { month }, `invalid:${day}`);
      // Ours rather than chrono's, which reads "January 10" as January 2010.
      return tagged(context, { day, month, ...(yearText === undefined ? {} : { year: Number(yearText) }) }, 'day-month');
    },
  },
  {
    pattern: () => /\b(?:the )?day (after tomorrow|before yesterday)\b/,
    extract: (context, m) => tagged(context, {}, `relative:${m[1] === 'after tomorrow' ? 2 : -2}:0`),
  },
];

function tagged(context: chrono.ParsingContext, components: Extract, tag: string): chrono.ParsingComponents {
  return context.createParsingComponents(components).addTag(TAG + tag);
}

/**
 * chrono's en-GB configuration without its time parsers (times are ours) and
 * with our rules first. Built once: parsing is then a pure function of the text
 * and the reference.
 */
const DATE_PARSER = ((): chrono.Chrono => {
  const c = chrono.en.GB.clone();
  c.parsers = [...AU_PARSERS, ...c.parsers.filter((p) => !['ENTimeExpressionParser', 'ENCasualTimeParser'].includes(p.constructor.name))];
  return c;
})();

export function readDates(text: string, options: WhenOptions): HeardDate[] {
  // The offset in minutes, never the IANA name: chrono ignores names and falls back to machine time.
  const results = DATE_PARSER.parse(text, { instant: new Date(options.reference), timezone: options.offsetMinutes });
  const heard: HeardDate[] = [];
  for (const r of results) {
    const date = fromResult(r, text, options.today);
    if (date !== undefined) heard.push(date);
  }
  return heard;
}

function fromResult(r: chrono.ParsedResult, text: string, today: CivilDate): HeardDate | undefined {
  const start = r.index;
  const end = r.index + r.text.length;
  const c = r.start;
  const tags = [...r.tags()].filter((t) => t.startsWith(TAG)).map((t) => t.slice(TAG.length));
  const tag = tags[0];
  const after = text.slice(end).trim();
  if (tag !== undefined) {
    const [kind, a, b] = tag.split(':');
    if (kind === 'invalid') {
      const month = c.get('month') ?? 1;
      return { invalid: `there is no ${speakDay(Number(a))} of ${speakMonth(month)}`, start, end };
    }
    if (kind === 'invalid-day') return { invalid: `there is no ${speakDay(Number(a))}`, start, end };
    if (kind === 'nth-weekday') {
      const [month, offset] = [Number(tag.split(':')[3]), Number(tag.split(':')[4])];
      return { nthWeekday: { n: Number(a), weekday: Number(b), month: month === 0 ? undefined : month, monthOffset: month === 0 ? offset : undefined }, start, end };
    }
    if (kind === 'named') return { named: a, start, end };
    if (kind === 'relative') return { exact: addMonths(addDays(today, Number(a)), Number(b)), start, end };
    if (kind === 'leap-day') return { day: 29, month: 2, start, end };
    if (kind === 'day-month') {
      const weekday = c.isCertain('weekday') ? (c.get('weekday') ?? undefined) : undefined;
      const year = c.isCertain('year') ? (c.get('year') ?? undefined) : undefined;
      return { day: c.get('day') ?? undefined, month: c.get('month') ?? undefined, year, weekday, weekdayRule: weekday === undefined ? undefined : 'bare', start, end };
    }
    if (kind === 'month-offset') return { day: c.get('day') ?? undefined, monthOffset: Number(a), start, end };
    if (kind === 'numeric-ordinals') {
      const year = c.isCertain('year') ? (c.get('year') ?? undefined) : undefined;
      return { day: c.get('day') ?? undefined, month: c.get('month') ?? undefined, year, twoDigitYear: year !== undefined && year < 100, start, end };
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
    return { day: c.get('day') ?? undefined, weekday, weekdayRule: weekday === undefined ? undefined : weekdayRule(said, before, after).rule, start, end };
  }
  if (c.isCertain('weekday') && !c.isCertain('day')) {
    const weekday = c.get('weekday') ?? 0;
    // "sat", "sun", "mon", "wed" alone are more often words than days.
    if (/^(sat|sun|mon|wed)$/.test(said) && !/\b(on|this|next|last|every|till|until|by)$/.test(before) && !/^(at|the|\d|,|morning|afternoon|evening|night)/.test(after) && text.trim() !== said) {
      return undefined;
    }
    if (/\b(every|each)$/.test(before)) return { vague: { what: 'other', reason: `"every ${WEEKDAY_NAMES[weekday]}" is not one date` }, start, end };
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
    return { year, twoDigitYear, month: c.get('month') ?? undefined, day: c.get('day') ?? undefined, weekday, weekdayRule: weekday === undefined ? undefined : 'bare', start, end };
  }
  if (m) {
    // "may" on its own is more often the verb.
    if (said === 'may' && !/\b(in|of|during)$/.test(before)) return undefined;
    return { vague: { what: 'month', month: c.get('month') ?? undefined, year: y ? (c.get('year') ?? undefined) : undefined }, start, end };
  }
  return undefined;
}

/** How a weekday was qualified, from chrono's match and the words around it. */
function weekdayRule(said: string, before: string, after: string): { rule: WeekdayRule; weeksAfter: number } {
  let weeksAfter = 0;
  // "a week on Friday", "a fortnight from Tuesday", "2 weeks after Monday"
  const lead = /\b(a|an|\d+) (weeks?|fortnights?) (?:on|from|after)$/.exec(before);
  if (lead !== null) weeksAfter = (lead[1] === 'a' || lead[1] === 'an' ? 1 : Number(lead[1])) * (lead[2].startsWith('fortnight') ? 2 : 1);
  // "Tuesday week", "Tuesday fortnight", "the Tuesday after next"
  if (/^(week|fortnight|after next)\b/.test(after) && !/^week (?:on|from)\b/.test(after)) weeksAfter = /^fortnight/.test(after) ? 2 : 1;
  if (weeksAfter > 0) return { rule: 'coming', weeksAfter };
  if (/\b(next|following) week\b/.test(said) || /^(?:of )?(next|the following) week\b/.test(after)) return { rule: 'next-week', weeksAfter };
  if (/\bthis week\b/.test(said) || /^(?:of )?this week\b/.test(after)) return { rule: 'this-week', weeksAfter };
  if (/\blast week\b/.test(said) || /^(?:of )?last week\b/.test(after)) return { rule: 'last-week', weeksAfter };
  if (/\b(this coming|coming|upcoming)$/.test(before) || /^coming\b/.test(after)) return { rule: 'coming', weeksAfter };
  if (/^(just gone|gone|just past)\b/.test(after) || /\b(this past|the past|just gone)$/.test(before)) return { rule: 'gone', weeksAfter };
  if (/^(?:on )?(last|past)\b/.test(said)) return { rule: 'last', weeksAfter };
  if (/^(?:on )?next\b/.test(said) || /\bfollowing$/.test(before)) return { rule: 'next', weeksAfter };
  if (/^(?:on )?this\b/.test(said)) return { rule: 'this', weeksAfter };
  return { rule: 'bare', weeksAfter };
}
