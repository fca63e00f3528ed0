import { DAY_ANSWERS, HOUR_ANSWERS, NUMBER_LEAD_INS } from './day-or-hour-words';

/**
 * A number said on its own to a day-and-time read-back ("no, 5" to "Tuesday the 9th of March at
 * 3 pm"): a day, or an hour? Said with what makes it one ("the 5th", "5 pm", "at 5", "half past
 * 5") the date and time readers place it and this is not asked. Said alone, it is read the way a
 * careful operator would: as the part it can only be, and asked about when it could be either.
 *
 * - over 12 (up to 31) it is a day: no clock says 20 o'clock to an Australian caller;
 * - the day or the hour already read back is not the change: "no, 9" to the 9th is the hour;
 * - set against the part it replaces ("not 3, 5", "5 not 9"), it is that part; a part the value
 *   has not got ("not 4, 5" when it is the 9th at 3) is `unclear`;
 * - anything else could be either: `either`, and the caller is asked ("the 5th, or 5 o'clock?").
 *
 * `words` are the canonical repair words (part-repairs.ts `repairWords`: figures, no commas).
 */
export type DayOrHour =
  { kind: 'day'; day: number } | { kind: 'hour'; hour: number } | { kind: 'either'; number: number } | { kind: 'unclear'; reason: string };

/** What the value being repaired has: its day of the month, and its hour on the twelve-hour clock. */
export interface DayAndHour {
  day: number;
  hour12: number;
}

const LEAD = `^(?:(?:${NUMBER_LEAD_INS.join('|')}) )*`;
const ALONE = new RegExp(`${LEAD}(\\d{1,2})$`);
/** "not 3 5", "not 3 its 5" (commas gone), and "5 not 3". */
const RULED_OUT_FIRST = new RegExp(`${LEAD}not (\\d{1,2}) (?:(?:but|its|it is|it was|should be|rather|actually) )*(\\d{1,2})$`);
const RULED_OUT_LAST = new RegExp(`${LEAD}(\\d{1,2}) not (\\d{1,2})$`);

export function readDayOrHour(words: string, value: DayAndHour): DayOrHour | undefined {
  const first = RULED_OUT_FIRST.exec(words);
  if (first !== null) return contrasted(Number(first[2]), Number(first[1]), value);
  const last = RULED_OUT_LAST.exec(words);
  if (last !== null) return contrasted(Number(last[1]), Number(last[2]), value);
  const alone = ALONE.exec(words);
  if (alone === null) return undefined;
  const number = Number(alone[1]);
  const day = number >= 1 && number <= 31 && number !== value.day;
  const hour = number >= 1 && number <= 12 && number !== value.hour12;
  if (day && hour) return { kind: 'either', number };
  if (day) return { kind: 'day', day: number };
  if (hour) return { kind: 'hour', hour: number };
  // The day and the hour it would replace are both this number already: it changes nothing.
  return undefined;
}

/** "Not 3, 5": the 5 is the same part as the 3 it replaces. */
function contrasted(said: number, ruledOut: number, value: DayAndHour): DayOrHour {
  const isDay = ruledOut === value.day;
  const isHour = ruledOut === value.hour12;
  if (isDay && isHour) return { kind: 'either', number: said };
  if (isDay) return { kind: 'day', day: said };
  if (isHour) return { kind: 'hour', hour: said };
  return { kind: 'unclear', reason: `the number ruled out (${ruledOut}) is neither the day nor the hour read back` };
}

/**
 * The answer to "the 5th, or 5 o'clock?" when it names the part rather than the value: "the
 * day", "the time", "the first one", "the second one". Undefined for anything else ("the 5th" and
 * "5 pm" are read as repairs of their own). `words`: the canonical repair words.
 */
export function readDayOrHourAnswer(words: string): 'day' | 'hour' | undefined {
  const said = words.replace(new RegExp(LEAD), '');
  if (DAY_ANSWERS.includes(said)) return 'day';
  if (HOUR_ANSWERS.includes(said)) return 'hour';
  return undefined;
}
