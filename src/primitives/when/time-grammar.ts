import { WEEKDAY_NAMES } from './calendar';
import { MONTH_WORDS, type WordsHint } from './words';
import { wordTable } from '../spoken/keys';

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
const DAY_PART_WORD: Readonly<Record<string, DayPart>> = wordTable({
  morning: 'morning',
  afternoon: 'afternoon',
  evening: 'evening',
  night: 'night',
  tonight: 'night',
  am: 'morning',
  pm: 'afternoon',
});

const VAGUE =
  /\b(sometime|some time|anytime|any time|whenever|first thing|lunch|lunchtime|dinnertime|dinner time|breakfast|close of business|end of the day|after work|before work|after school|early|late|ish|mid morning|midmorning|later|soon|asap|as soon as)\b/;

// The patterns, compiled once. Each is global and run with an exec loop from lastIndex 0
// (matchAll would clone the regex and allocate an iterator on every call).
const RELATIVE = /\bin (an|a|half an|\d+|\d+ and a half) (hours?|minutes)\b|\b(an|a|half an|\d+) (hours?|minutes) (ago|from now)\b/g;
const SAME_TIME = /\b(?:this|the same|same) time\b(?! (?:of|as)\b)/g;
const HALF_HOUR = /\bhalf (\d{1,2})\b(?! (?:hours|minutes|days|weeks|an|a)\b)/g;
const NOON = /\b(?:12 )?(?:oclock )?(noon|midday|midnight)\b/g;
const CLOCK = /(?<![\d/.:])(\d{1,2})[:.](\d{2})(?![\d/.:])/g;
const OCLOCK = /\b(\d{1,2}) oclock\b/g;
const BARE_HOUR = /(?<![\d/.:])\b(\d{1,2})\b(?![\d/.:]|st|nd|rd|th)/g;
/** Sticky: tried exactly where a time ends. */
const MERIDIEM_AFTER = / (am|pm)\b/y;
const COUNT_AFTER = / (minutes|hours|days|weeks|months|years|people|nights|of|or so|weeks time)\b/y;
const MERIDIEM_OR_OCLOCK_AFTER = / (am|pm|oclock)\b/y;
const DAY_PART_AFTER =
  / (in the (morning|afternoon|evening)|at night|tonight|this (morning|afternoon|evening)|tomorrow (morning|afternoon|evening|night))\b/y;
const NOT_NUMBER_AFTER = / not (?:at )?\d/y;

function stickyAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

function eachMatch(pattern: RegExp, text: string, f: (m: RegExpExecArray) => void): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) f(m);
}

export function scanTimes(text: string, hint: WordsHint): TimeScan {
  const claimed: Array<[number, number]> = [];
  const times: HeardTime[] = [];
  const free = (start: number, end: number): boolean => claimed.every(([s, e]) => end <= s || start >= e);
  const add = (match: RegExpExecArray, time: Omit<HeardTime, 'start' | 'end'> | undefined): void => {
    const start = match.index;
    let end = match.index + match[0].length;
    if (time === undefined || !free(start, end)) return;
    const heard = placed(time, start, end);
    // "3 pm", "3:30 am": the meridiem belongs to the time.
    const suffix = stickyAt(MERIDIEM_AFTER, text, end);
    if (suffix !== null) {
      end += suffix[0].length;
      heard.end = end;
      applyMeridiem(heard, suffix[1] as 'am' | 'pm');
    }
    claimed.push([start, end]);
    times.push(heard);
  };
  // Every pattern below needs some word or character: when the text has none of them it cannot match.
  const digits = /\d/.test(text);

  if (text.includes('hour') || text.includes('minutes')) {
    eachMatch(RELATIVE, text, (m) => {
      const amount = m[1] ?? m[3];
      const unit = m[2] ?? m[4];
      const count =
        amount === 'half an'
          ? 0.5
          : amount === 'an' || amount === 'a'
            ? 1
            : Number.parseFloat(amount) + (/and a half/.test(amount) ? 0.5 : 0);
      const minutes = Math.round(count * (unit.startsWith('hour') ? 60 : 1));
      add(m, { hour: 0, minute: 0, decided: true, relativeMinutes: false, fromReference: m[5] === 'ago' ? -minutes : minutes });
    });
  }
  if (text.includes('time')) {
    eachMatch(SAME_TIME, text, (m) => {
      add(m, { hour: 0, minute: 0, decided: true, relativeMinutes: false, fromReference: 0, sameTime: true });
    });
  }
  const noonWord = text.includes('noon') || text.includes('mid');
  if (digits || noonWord) {
    if (text.includes(' past ') || text.includes(' after ')) {
      eachMatch(PAST_IDIOM, text, (m) => {
        const minute = m[1] === 'half' ? 30 : m[1].endsWith('quarter') ? 15 : Number.parseInt(m[1], 10);
        add(m, minute >= 1 && minute <= 30 ? fromHourWord(m[2], minute) : undefined);
      });
    }
    if (text.includes(' to ') || text.includes(' til') || text.includes(' of ')) {
      eachMatch(TO_IDIOM, text, (m) => {
        const before = wordBefore(text, m.index);
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
    }
  }
  if (digits && text.includes('half ')) eachMatch(HALF_HOUR, text, (m) => add(m, fromHourWord(m[1], 30)));
  if (noonWord) {
    eachMatch(NOON, text, (m) => {
      const time = fromHourWord(m[1], 0);
      add(m, time === undefined ? undefined : { ...time, midnight: m[1] === 'midnight' });
    });
  }
  if (digits && (text.includes(':') || text.includes('.'))) {
    eachMatch(CLOCK, text, (m) => {
      const hour = Number(m[1]);
      const minute = Number(m[2]);
      if (hour > 23 || minute > 59) return;
      // 24-hour forms decide am/pm: 15:00, 0:30, and a leading zero said aloud ("oh nine thirty").
      const decided = hour >= 13 || hour === 0 || (m[1].length === 2 && m[1].startsWith('0'));
      // "10.30" is how some recognisers write a time; in a date answer it may be a day and month.
      if (
        m[0].includes('.') &&
        hint === 'date' &&
        stickyAt(MERIDIEM_AFTER, text, m.index + m[0].length) === null &&
        !CUES.has(wordBefore(text, m.index))
      )
        return;
      add(m, { hour, minute, decided, relativeMinutes: false });
    });
  }
  if (digits && text.includes('oclock')) eachMatch(OCLOCK, text, (m) => add(m, clockHour(Number(m[1]))));
  if (digits) {
    eachMatch(BARE_HOUR, text, (m) => {
      const value = Number(m[1]);
      if (value < 1 || value > 12) return;
      const at = m.index + m[0].length;
      const before = wordBefore(text, m.index);
      if (stickyAt(COUNT_AFTER, text, at) !== null) return;
      const meridiem = stickyAt(MERIDIEM_OR_OCLOCK_AFTER, text, at) !== null;
      // "the 3", "in 3", "nov 3", "3 march" are days and counts, unless am or pm says otherwise.
      if (!meridiem && (before === 'the' || before === 'in' || MONTH_WORDS.has(before) || MONTH_WORDS.has(wordAfter(text, at)))) return;
      const withDayPart = stickyAt(DAY_PART_AFTER, text, at) !== null;
      // "4 not 3", "not 3, 4": a number set against another is the same kind of thing, an hour.
      const contrasted = hint !== 'date' && (before === 'not' || stickyAt(NOT_NUMBER_AFTER, text, at) !== null);
      const cued = CUES.has(before) || RANGE_CUES.has(before) || contrasted;
      const afterDay = DAY_WORDS.has(before) && hint !== 'date';
      // (Whether the number is alone in the segment is asked only when nothing else made it a time.)
      const alone = (): boolean => hint === 'time' || (hint === 'datetime' && onlyNumber(text));
      // "3 or 4", "at 3 and 4": a second number joined to a time is a time too.
      const listed = (before === 'or' || before === 'and') && times.some((t) => /^ (or|and) $/.test(text.slice(t.end, m.index)));
      if (meridiem || withDayPart || cued || afterDay || listed || alone()) add(m, clockHour(value));
    });
  }

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

/** The time at its place in the text (what `{ ...time, start, end }` gives, without a generic object copy). */
function placed(time: Omit<HeardTime, 'start' | 'end'>, start: number, end: number): HeardTime {
  const heard: HeardTime = {
    hour: time.hour,
    minute: time.minute,
    decided: time.decided,
    relativeMinutes: time.relativeMinutes,
    start,
    end,
  };
  if (time.fromReference !== undefined) heard.fromReference = time.fromReference;
  if (time.midnight !== undefined) heard.midnight = time.midnight;
  if (time.sameTime !== undefined) heard.sameTime = time.sameTime;
  if (time.conflict !== undefined) heard.conflict = time.conflict;
  return heard;
}

const isSpace = (c: string): boolean => c === ' ' || (c > ' ' && c < '\x80' ? false : /\s/.test(c));

/** The last space-separated word of text[0, index), trimmed: what `text.slice(0, index).trim().split(' ').pop()` gives, without the copies. */
function wordBefore(text: string, index: number): string {
  let end = index;
  while (end > 0 && isSpace(text[end - 1])) end--;
  let first = 0;
  while (first < end && isSpace(text[first])) first++;
  return text.slice(Math.max(first, text.lastIndexOf(' ', end - 1) + 1), end);
}

/** The first space-separated word of text[index…], trimmed: `text.slice(index).trim().split(' ')[0]`. */
function wordAfter(text: string, index: number): string {
  let start = index;
  while (start < text.length && isSpace(text[start])) start++;
  let last = text.length;
  while (last > start && isSpace(text[last - 1])) last--;
  const space = text.indexOf(' ', start);
  return text.slice(start, space < 0 || space > last ? last : space);
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
    if (
      dayPartOf(time.hour) !== part &&
      !(part === 'night' && dayPartOf(time.hour) === 'evening') &&
      !(part === 'evening' && dayPartOf(time.hour) === 'night')
    ) {
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

const DAY_PART_WORDS = /\b(morning|afternoon|evening|night|tonight|am|pm)\b/g;

function readDayParts(text: string): DayPart[] {
  const parts: DayPart[] = [];
  eachMatch(DAY_PART_WORDS, text, (m) => {
    const part = DAY_PART_WORD[m[1]];
    // am/pm right after a number is the time's own meridiem, handled with it.
    if ((m[1] === 'am' || m[1] === 'pm') && digitBefore(text, m.index)) return;
    if (!parts.includes(part)) parts.push(part);
  });
  // "evening" and "night" are the same half of the day.
  if (parts.includes('evening') && parts.includes('night')) parts.splice(parts.indexOf('night'), 1);
  return parts;
}

/** Whether the text before index, trailing spaces ignored, ends with a digit. */
function digitBefore(text: string, index: number): boolean {
  let end = index;
  while (end > 0 && isSpace(text[end - 1])) end--;
  const c = end > 0 ? text.charCodeAt(end - 1) : 0;
  return c >= 48 && c <= 57;
}

const TODAY_WORDS = /\bthis (?:morning|afternoon|evening|am|pm)\b|\btonight\b/g;
const LAST_NIGHT = /\blast (?:night|evening)\b/g;
const DAY_PART_PHRASE = /\b(?:in the |at |the )?(?:morning|afternoon|evening|night|am|pm|oclock)\b/g;

/**
 * The segment without its time words, for the date grammar: "this arvo",
 * "tonight" and "this morning" become "today", "last night" "yesterday",
 * "tomorrow morning" "tomorrow".
 */
function restOf(text: string, claimed: ReadonlyArray<[number, number]>): string {
  let out = text;
  if (claimed.length > 0) {
    out = '';
    let at = 0;
    for (const [s, e] of claimed.length === 1 ? claimed : [...claimed].sort((a, b) => a[0] - b[0])) {
      out += `${text.slice(at, s)} , `;
      at = e;
    }
    out += text.slice(at);
  }
  // Each replacement is tried only when its words are there (most segments have none of them).
  if (out.includes('this ') || out.includes('tonight')) out = out.replace(TODAY_WORDS, ' today ');
  if (out.includes('last ')) out = out.replace(LAST_NIGHT, ' yesterday ');
  out = out.replace(DAY_PART_PHRASE, ' ');
  // Collapsing white space changes the text only where it has a run of it, or a character other than a space.
  if (/\s\s|[^\S ]/.test(out)) out = out.replace(/\s+/g, ' ');
  return out.trim();
}
