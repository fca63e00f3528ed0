import { wordTable } from '../spoken/keys';
import { daysInMonth, MONTH_NAMES, WEEKDAY_NAMES } from './calendar';

/** The furthest a relative date ("in N days", "N weeks from today") may reach: a century. */
export const MAX_RELATIVE_DAYS = 36_525;

/**
 * Our date rules, for what chrono-node's en-GB configuration lacks: "the 3rd
 * of the 4th", a bare "the 5th", "5 March" read as we want it, "in a
 * fortnight", "a week today", the days Australians name, dates that do not
 * exist. Each is a pattern and what a match says; date-grammar.ts runs them
 * as chrono parsers, ahead of chrono's own.
 */

/** Calendar components a rule knows from the words. */
export interface SaidComponents {
  day?: number;
  month?: number;
  year?: number;
}

/** What a rule read from a match: the components said, the tag that tells readDates what it was, and a value implied (not said). */
export interface RuleReading {
  known: SaidComponents;
  tag: string;
  imply?: { component: 'month' | 'year'; value: number };
}

export interface DateRule {
  /** Not global: chrono runs it with exec from the start of the text still unread. */
  pattern: RegExp;
  /** Null when the match is not a date after all (chrono then looks again one character on). */
  read(m: RegExpExecArray): RuleReading | null;
}

/** Prefix of the tags our rules put on chrono's results. */
export const TAG = 'voice-core/';

export const MONTH_INDEX: Readonly<Record<string, number>> = wordTable(
  Object.fromEntries(
    MONTH_NAMES.flatMap((name, i) => [
      [name, i + 1],
      [name.slice(0, 3), i + 1],
    ]),
  ),
);
const MONTH_PATTERN = Object.keys(MONTH_INDEX).join('|');

export const NAMED_DAY_WORDS: ReadonlyArray<readonly [string, string]> = [
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

const NAMED_DAY_PATTERN = new RegExp(`\\b(${NAMED_DAY_WORDS.map(([w]) => w).join('|')})\\b`);
const DAY_MONTH_PATTERN = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?(${MONTH_PATTERN})\\b(?: (\\d{4}))?|\\b(${MONTH_PATTERN}) (?:the )?(\\d{1,2})(?:st|nd|rd|th)?\\b(?: (\\d{4}))?|(?<![\\d/])(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}))?(?![\\d/])`,
);

const NTH_WEEKDAY_PATTERN = new RegExp(
  `\\b(?:the )?(1st|2nd|3rd|4th|last) (${WEEKDAY_NAMES.join('|')}) (?:in|of) (?:(${MONTH_PATTERN})|(this|next|last|the) month)\\b`,
);

const reading = (known: SaidComponents, tag: string, imply?: RuleReading['imply']): RuleReading =>
  imply === undefined ? { known, tag } : { known, tag, imply };

/** In the order chrono runs them (which decides between matches of equal length at one place). */
export const DATE_RULES: readonly DateRule[] = [
  {
    // "the 3rd of the 4th", "3rd of the 4th 2027"
    pattern: /\b(?:the )?(\d{1,2})(?:st|nd|rd|th)? of the (\d{1,2})(?:st|nd|rd|th)?(?: (\d{4}|\d{2}))?\b/,
    read: (m) => reading({ day: Number(m[1]), month: Number(m[2]), ...(m[3] ? { year: Number(m[3]) } : {}) }, 'numeric-ordinals'),
  },
  {
    // "the 5th of next month"
    pattern: /\b(?:the )?(\d{1,2})(?:st|nd|rd|th)? of (this|next|last) month\b/,
    read: (m) => reading({ day: Number(m[1]) }, `month-offset:${m[2] === 'next' ? 1 : m[2] === 'last' ? -1 : 0}`),
  },
  {
    // "the first Monday in December", "the last Friday of the month"
    pattern: NTH_WEEKDAY_PATTERN,
    read: (m) => {
      const n = m[1] === 'last' ? -1 : Number.parseInt(m[1], 10);
      const weekday = WEEKDAY_NAMES.indexOf(m[2] as (typeof WEEKDAY_NAMES)[number]);
      const month = m[3] !== undefined ? MONTH_INDEX[m[3]] : 0;
      const offset = m[4] === 'next' ? 1 : m[4] === 'last' ? -1 : 0;
      return reading({}, `nth-weekday:${n}:${weekday}:${month}:${offset}`);
    },
  },
  {
    // A day of the month on its own: "the 5th", "on the 21st", "the 5"; "the 32nd" does not exist.
    pattern: /\b(?:(?:on )?the )?(\d{1,3})(st|nd|rd|th)\b|\b(?:on )?the (\d{1,2})\b(?! (?:minutes|hours|days|weeks|months|people|of)\b)/,
    read: (m) => {
      const day = Number(m[1] ?? m[3]);
      if (day > 31) return reading({}, `invalid-day:${day}`);
      // chrono would check the day against the reference's month (June has no 31st): imply one that has it.
      return day >= 1 ? reading({ day }, 'day', { component: 'month', value: 1 }) : null;
    },
  },
  {
    pattern: NAMED_DAY_PATTERN,
    read: (m) => reading({}, `named:${NAMED_DAY_WORDS.find(([w]) => w === m[1])?.[1]}`),
  },
  {
    // "in a fortnight", "a fortnight today", "2 weeks from tomorrow", "a week today", "in a month's time"
    pattern:
      /\b(a|an|\d+) (days?|weeks?|fortnights?|months?) (?:from )?(today|tomorrow|now)\b|\bin (a|an|\d+) (days?|weeks?|fortnights?|months?)\b(?: time)?|\b(a|an|\d+) (days?|weeks?|fortnights?|months?) time\b|\b(?:in (?:a |1 )?|a )(fortnight)\b(?! (?:on|from|after)\b)/,
    read: (m) => {
      const amount = m[1] ?? m[4] ?? m[6] ?? 'a';
      const unit = m[2] ?? m[5] ?? m[7] ?? m[8];
      const count = amount === 'a' || amount === 'an' ? 1 : Number(amount);
      const days = unit.startsWith('day') ? count : unit.startsWith('week') ? 7 * count : unit.startsWith('fortnight') ? 14 * count : 0;
      const months = unit.startsWith('month') ? count : 0;
      // "in 9999999999999999 days" is no date anyone books: past a century it is not read as one
      // (a 40-digit count once reached the calendar as NaN and failed the call).
      if (days > MAX_RELATIVE_DAYS || months > MAX_RELATIVE_DAYS / 30) return reading({}, 'too-far');
      return reading({}, `relative:${days + (m[3] === 'tomorrow' ? 1 : 0)}:${months}`);
    },
  },
  {
    // A day and a month ("5 March", "March the 5th", "5/3", "5/3/2027"); days that do not exist, which
    // chrono drops without a word ("the 31st of June", "30/2"); the 29th of February without a year,
    // which chrono drops when this year has none.
    pattern: DAY_MONTH_PATTERN,
    read: (m) => {
      const day = Number(m[1] ?? m[5] ?? m[7]);
      const month = m[2] !== undefined ? MONTH_INDEX[m[2]] : m[4] !== undefined ? MONTH_INDEX[m[4]] : Number(m[8]);
      const yearText = m[3] ?? m[6] ?? m[9];
      if (month < 1 || month > 12 || day < 1) return null;
      // chrono would check the day against this year: any leap year keeps it, and the resolver picks the year.
      if (yearText === undefined && month === 2 && day === 29)
        return reading({ day, month }, 'leap-day', { component: 'year', value: 2028 });
      if (day > daysInMonth(yearText === undefined ? 2024 : Number(yearText), month))
        return reading({ month, ...(yearText === undefined ? {} : { year: Number(yearText) }) }, `invalid:${day}`);
      // Ours rather than chrono's, which reads "January 10" as January 2010.
      return reading({ day, month, ...(yearText === undefined ? {} : { year: Number(yearText) }) }, 'day-month');
    },
  },
  {
    pattern: /\b(?:the )?day (after tomorrow|before yesterday)\b/,
    read: (m) => reading({}, `relative:${m[1] === 'after tomorrow' ? 2 : -2}:0`),
  },
];
