import { WEEKDAY_NAMES } from './calendar';
import { MONTH_WORDS, type WordsHint } from './words';

/**
 * Clock times in one canonical segment (see words.ts), read with our own
 * rules rather than chrono-node's: chrono reads "twenty to five in the
 * afternoon" as 15:00, "8 tonight" as 22:00, "9 in the evening" as 20:00,
 * "3 o'clock" as 3 am, and not "half past three" or "half seven" at all
 * (chrono-node 2.10.3, checked). Dates are left to chrono (date-grammar.ts);
 * `rest` is the segment with the time words taken out, for it to read.
 */
export type DayPart = 'morning' | 'afternoon' | 'evening' | 'night';

export interface HeardTime {
  /** 0–23 when `decided`, else 1–12 on the twelve-hour clock. */
  hour: number;
  minute: number;
  /** Whether am/pm is known: a 24-hour form, am/pm, noon, midnight, or a part of the day said with it. */
  decided: boolean;
  /** The minutes were said against the hour ("half past", "quarter to"): a correction giving only an hour keeps them. */
  relativeMinutes: boolean;
  /** Minutes from the reference instant ("in twenty minutes"), instead of a clock time. */
  fromReference?: number;
  /** Said as "midnight": with a day, the start or the end of it? */
  midnight?: boolean;
  /** "this time tomorrow", "same time next week": the reference's time of day (or, in a correction, the time already heard). */
  sameTime?: boolean;
  /** The part of the day said with this time contradicts it ("9 pm in the morning"). */
  conflict?: boolean;
  start: number;
  end: number;
}

export interface TimeScan {
  times: HeardTime[];
  /** The part of the day said, when only one was. */
  dayPart?: DayPart;
  /** More than one part of the day ("morning or afternoon"). */
  dayParts: DayPart[];
  /** A time that cannot be booked as said: a range, "sometime", "after lunch". */
  vague?: string;
  rest: string;
}

const HOUR_WORD = '(\\d{1,2}|noon|midday|midnight)';
const NOT_A_COUNT = '(?! (?:minutes|hours|days|weeks|months|years|people|nights|of|or so)\\b)';
/** "half past 3", "20 past 4", "quarter after 3" */
const PAST_IDIOM = new RegExp(`\\b(half|a quarter|quarter|\\d{1,2}(?: minutes)?) (?:past|after) ${HOUR_WORD}\\b${NOT_A_COUNT}`, 'g');
/** "quarter to 5", "20 to 5", "10 minutes to 12" */
const TO_IDIOM = new RegExp(`\\b(a quarter|quarter|\\d{1,2}(?: minutes)?) (to|till|til|of) ${HOUR_WORD}\\b${NOT_A_COUNT}`, 'g');

/** Words after which a bare number is a clock time: "at 3", "around 4". */
const CUES = new Set(['at', 'around', 'about', 'say', 'roughly', 'approximately', '@']);
/** Words that make the time a range or a limit, not a time: "after 3", "between 3 and 4". */
const RANGE_CUES = new Set(['after', 'before', 'from', 'between', 'until', 'till', 'til', 'by', 'than']);
const DAY_WORDS = new Set<string>([...WEEKDAY_NAMES, 'today', 'tomorrow', 'tonight', 'yesterday']);
const DAY_PART_WORD: Readonly<Record<string, DayPart>> = {
  morning: 'morning',
  afternoon: 'afternoon',
  evening: 'evening',
  night: 'night',
  tonight: 'night',
  am: 'morning',
  pm: 'afternoon',
};

const VAGUE = /\b(sometime|some time|anytime|any time|whenever|first thing|lunch|lunchtime|dinnertime|dinner time|breakfast|close of business|end of the day|after work|before work|after school|early|late|ish|mid morning|midmorning|later|soon|asap|as soon as)\b/;

export function scanTimes(text: string, hint: WordsHint): TimeScan {
  const claimed: Array<[number, number]> = [];
  const times: HeardTime[] = [];
  const free = (start: number, end: number): boolean => claimed.every(([s, e]) => end <= s || start >= e);
  const add = (match: RegExpExecArray, time: Omit<HeardTime, 'start' | 'end'> | undefined): void => {
    const start = match.index;
    let end = match.index + match[0].length;
    if (time === undefined || !free(start, end)) return;
    const heard: HeardTime = { ...time, start, end };
    // "3 pm", "3:30 am": the meridiem belongs to the time.
    const suffix = /^ (am|pm)\b/.exec(text.slice(end));
    if (suffix !== null) {
      end += suffix[0].length;
      heard.end = end;
      applyMeridiem(heard, suffix[1] as 'am' | 'pm');
    }
    claimed.push([start, end]);
    times.push(heard);
  };
  const each = (pattern: RegExp, f: (m: RegExpExecArray) => void): void => {
    for (const m of text.matchAll(pattern)) f(m as RegExpExecArray);
  };

  each(/\bin (an|a|half an|\d+|\d+ and a half) (hours?|minutes)\b|\b(an|a|half an|\d+) (hours?|minutes) (ago|from now)\b/g, (m) => {
    const amount = m[1] ?? m[3];
    const unit = m[2] ?? m[4];
    const count = amount === 'half an' ? 0.5 : amount === 'an' || amount === 'a' ? 1 : Number.parseFloat(amount) + (/and a half/.test(amount) ? 0.5 : 0);
    const minutes = Math.round(count * (unit.startsWith('hour') ? 60 : 1));
    add(m, { hour: 0, minute: 0, decided: true, relativeMinutes: false, fromReference: m[5] === 'ago' ? -minutes : minutes });
  });
  each(/\b(?:this|the same|same) time\b(?! (?:of|as)\b)/g, (m) => {
    add(m, { hour: 0, minute: 0, decided: true, relativeMinutes: false, fromReference: 0, sameTime: true });
  });
  each(PAST_IDIOM, (m) => {
    const minute = m[1] === 'half' ? 30 : m[1].endsWith('quarter') ? 15 : Number.parseInt(m[1], 10);
    add(m, minute >= 1 && minute <= 30 ? fromHourWord(m[2], minute) : undefined);
  });
  each(TO_IDIOM, (m) => {
    const before = text.slice(0, m.index).trim().split(' ').pop() ?? '';
    if (RANGE_CUES.has(before)) return; // "from 5 to 6" is a range
    const said = m[1].endsWith('quarter') ? 15 : Number.parseInt(m[1], 10);
    const plain = !m[1].includes('minutes') && !m[1].endsWith('quarter');
    // Without "minutes", only the amounts people say this way ("twenty to five", not "3 to 4").
    if (plain && (![5, 10, 20, 25].includes(said) || m[2] === 'of')) return;
    if (said < 1 || said > 30) return;
    const heard = fromHourWord(m[3], 0);
    if (heard === undefined) return;
    add(m, toBefore(heard, said));
  });
  each(/\bhalf (\d{1,2})\b(?! (?:hours|minutes|days|weeks|an|a)\b)/g, (m) => add(m, fromHourWord(m[1], 30)));
  each(/\b(?:12 )?(?:oclock )?(noon|midday|midnight)\b/g, (m) => {
    const time = fromHourWord(m[1], 0);
    add(m, time === undefined ? undefined : { ...time, midnight: m[1] === 'midnight' });
  });
  each(/(?<![\d/.:])(\d{1,2})[:.](\d{2})(?![\d/.:])/g, (m) => {
    const hour = Number(m[1]);
    const minute = Number(m[2]);
    if (hour > 23 || minute > 59) return;
    // 24-hour forms decide am/pm: 15:00, 0:30, and a leading zero said aloud ("oh nine thirty").
    const decided = hour >= 13 || hour === 0 || m[1].length === 2 && m[1].startsWith('0');
    // "10.30" is how some recognisers write a time; in a date answer it may be a day and month.
    if (m[0].includes('.') && hint === 'date' && !/^ (am|pm)\b/.test(text.slice(m.index + m[0].length)) && !CUES.has(wordBefore(text, m.index))) return;
    add(m, { hour, minute, decided, relativeMinutes: false });
  });
  each(/\b(\d{1,2}) oclock\b/g, (m) => add(m, clockHour(Number(m[1]))));
  each(/(?<![\d/.:])\b(\d{1,2})\b(?![\d/.:]|st|nd|rd|th)/g, (m) => {
    const value = Number(m[1]);
    if (value < 1 || value > 12) return;
    const after = text.slice(m.index + m[0].length);
    const before = wordBefore(text, m.index);
    if (/^ (minutes|hours|days|weeks|months|years|people|nights|of|or so|weeks time)\b/.test(after)) return;
    const meridiem = /^ (am|pm|oclock)\b/.test(after);
    // "the 3", "in 3", "nov 3", "3 march" are days and counts, unless am or pm says otherwise.
    if (!meridiem && (before === 'the' || before === 'in' || MONTH_WORDS.has(before) || MONTH_WORDS.has(after.trim().split(' ')[0] ?? ''))) return;
    const withDayPart = /^ (in the (morning|afternoon|evening)|at night|tonight|this (morning|afternoon|evening)|tomorrow (morning|afternoon|evening|night))\b/.test(after);
    // "4 not 3", "not 3, 4": a number set against another is the same kind of thing, an hour.
    const contrasted = hint !== 'date' && (before === 'not' || /^ not (?:at )?\d/.test(after));
    const cued = CUES.has(before) || RANGE_CUES.has(before) || contrasted;
    const afterDay = DAY_WORDS.has(before) && hint !== 'date';
    const alone = hint === 'time' || (hint === 'datetime' && onlyNumber(text));
    // "3 or 4", "at 3 and 4": a second number joined to a time is a time too.
    const listed = (before === 'or' || before === 'and') && times.some((t) => /^ (or|and) $/.test(text.slice(t.end, m.index)));
    if (meridiem || withDayPart || cued || afterDay || alone || listed) add(m, clockHour(value));
  });

  // Ranges and limits: "after 3", "between 3 and 4", "no later than 5".
  let vague: string | undefined;
  for (const t of times) {
    const before = wordBefore(text, t.start);
    if (RANGE_CUES.has(before)) vague = `a range of times ("${before} …"), not a time`;
  }

  const dayParts = readDayParts(text);
  const dayPart = dayParts.length === 1 ? dayParts[0] : undefined;
  if (dayPart !== undefined) for (const t of times) applyDayPart(t, dayPart);
  if (times.length === 0 && vague === undefined) {
    const word = VAGUE.exec(text);
    if (word !== null) vague = `"${word[1]}" is not a time`;
  }

  return { times, dayPart, dayParts, vague, rest: restOf(text, claimed) };
}

function wordBefore(text: string, index: number): string {
  return text.slice(0, index).trim().split(' ').pop() ?? '';
}

/** Whether the segment is a bare number with no date words: the answer to "what time?". */
function onlyNumber(text: string): boolean {
  const numbers = text.match(/\b\d{1,2}\b/g) ?? [];
  return numbers.length === 1 && !/\b\d+(st|nd|rd|th)\b|\//.test(text) && !text.split(' ').some((w) => MONTH_WORDS.has(w));
}

function clockHour(hour: number): Omit<HeardTime, 'start' | 'end'> | undefined {
  if (hour < 0 || hour > 23) return undefined;
  const decided = hour >= 13 || hour === 0;
  return { hour, minute: 0, decided, relativeMinutes: false };
}

function fromHourWord(word: string, minute: number): Omit<HeardTime, 'start' | 'end'> | undefined {
  if (word === 'noon' || word === 'midday') return { hour: 12, minute, decided: true, relativeMinutes: minute !== 0 };
  if (word === 'midnight') return { hour: 0, minute, decided: true, relativeMinutes: minute !== 0 };
  const base = clockHour(Number(word));
  return base === undefined ? undefined : { ...base, minute, relativeMinutes: minute !== 0 };
}

/** "twenty to five": 4:40. To midnight and to noon stay decided. */
function toBefore(time: Omit<HeardTime, 'start' | 'end'>, minutes: number): Omit<HeardTime, 'start' | 'end'> {
  let hour = time.hour - 1;
  if (time.decided) hour = (hour + 24) % 24;
  else if (hour === 0) hour = 12;
  return { ...time, hour, minute: 60 - minutes, relativeMinutes: true };
}

function applyMeridiem(time: HeardTime, meridiem: 'am' | 'pm'): void {
  if (time.decided && time.hour >= 13 && meridiem === 'am') {
    time.conflict = true;
    return;
  }
  if (time.hour > 12) {
    // "15:00 pm" is redundant, not wrong.
    time.decided = true;
    return;
  }
  time.hour = meridiem === 'am' ? time.hour % 12 : (time.hour % 12) + 12;
  time.decided = true;
}

/**
 * A part of the day said with an undecided time decides it when it fits
 * ("3 in the afternoon", "8 tonight"); a decided time that does not fit it
 * ("9 pm in the morning") is a conflict to ask about.
 */
export function applyDayPart(time: HeardTime, part: DayPart): void {
  if (time.fromReference !== undefined) return;
  if (time.decided) {
    if (time.minute === 0 && (time.hour === 12 || time.hour === 0)) return;
    if (dayPartOf(time.hour) !== part && !(part === 'night' && dayPartOf(time.hour) === 'evening') && !(part === 'evening' && dayPartOf(time.hour) === 'night')) {
      time.conflict = true;
    }
    return;
  }
  const h = time.hour;
  const fits: Readonly<Record<DayPart, (h: number) => number | undefined>> = {
    morning: (x) => (x >= 1 && x <= 11 ? x : undefined),
    afternoon: (x) => (x === 12 ? 12 : x >= 1 && x <= 7 ? x + 12 : undefined),
    evening: (x) => (x >= 4 && x <= 11 ? x + 12 : undefined),
    night: (x) => (x >= 6 && x <= 11 ? x + 12 : x === 12 ? 0 : undefined),
  };
  const hour = fits[part](h);
  if (hour === undefined) {
    time.conflict = true;
    return;
  }
  time.hour = hour;
  time.decided = true;
}

/** The part of the day a 24-hour time falls in. */
export function dayPartOf(hour: number): DayPart {
  if (hour >= 4 && hour < 12) return 'morning';
  if (hour >= 12 && hour < 17) return 'afternoon';
  if (hour >= 17 && hour < 21) return 'evening';
  return 'night';
}

function readDayParts(text: string): DayPart[] {
  const parts = new Set<DayPart>();
  for (const m of text.matchAll(/\b(morning|afternoon|evening|night|tonight|am|pm)\b/g)) {
    const part = DAY_PART_WORD[m[1]];
    // am/pm right after a number is the time's own meridiem, handled with it.
    if ((m[1] === 'am' || m[1] === 'pm') && /\d$/.test(text.slice(0, m.index).trim())) continue;
    parts.add(part);
  }
  // "evening" and "night" are the same half of the day.
  if (parts.has('evening') && parts.has('night')) parts.delete('night');
  return [...parts];
}

/**
 * The segment without its time words, for the date grammar: "this arvo",
 * "tonight" and "this morning" become "today", "last night" "yesterday",
 * "tomorrow morning" "tomorrow".
 */
function restOf(text: string, claimed: ReadonlyArray<[number, number]>): string {
  let out = '';
  let at = 0;
  for (const [s, e] of [...claimed].sort((a, b) => a[0] - b[0])) {
    out += `${text.slice(at, s)} , `;
    at = e;
  }
  out += text.slice(at);
  return out
    .replace(/\bthis (?:morning|afternoon|evening|am|pm)\b|\btonight\b/g, ' today ')
    .replace(/\blast (?:night|evening)\b/g, ' yesterday ')
    .replace(/\b(?:in the |at |the )?(?:morning|afternoon|evening|night|am|pm|oclock)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
