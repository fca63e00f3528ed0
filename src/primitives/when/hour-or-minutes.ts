import type { Heard } from './heard';
import { NUMBER_LEAD_INS, ON_THE_HOUR_ANSWERS, POSITION_ANSWERS, WITH_MINUTES_ANSWERS } from './day-or-hour-words';

/** What the answer picked: the day offered, or a time. */
export type HourOrMinutes = { kind: 'day' } | { kind: 'time'; hour: number; minute: number };

/**
 * "No, 5" to a read-back of 4:30 pm: 5 o'clock, or 5:30? A lone hour that replaces a time with
 * minutes is not guessed; the caller is asked, and this reads the answer. `withMinutes` is the
 * hour said with the minutes read back (17:30); on the hour is the same hour at :00. With
 * `dayOffered` the question was "the 5th, 5 o'clock, or 5:30?" (5 could be the day too).
 *
 * Understood: "5:30", "half past", "half five", "thirty" (the minutes read back); "five o'clock",
 * "on the hour", "sharp", and "5" again when no day was offered (on the hour); "the first one",
 * "the second one", "the last one", in the order the question offers them; a time in the same
 * hour with other minutes ("5:15") is that time. Undefined for anything else, which is then read
 * as a repair of its own ("6 pm", "Friday", "the 5th").
 *
 * `words`: the canonical repair words (part-repairs.ts `repairWords`); `heard`: the same answer heard.
 */
export function readHourOrMinutes(
  words: string,
  heard: Heard,
  withMinutes: { hour: number; minute: number },
  dayOffered: boolean,
): HourOrMinutes | undefined {
  const onHour: HourOrMinutes = { kind: 'time', hour: withMinutes.hour, minute: 0 };
  const minutes: HourOrMinutes = { kind: 'time', ...withMinutes };
  const offered: HourOrMinutes[] = dayOffered ? [{ kind: 'day' }, onHour, minutes] : [onHour, minutes];
  const said = withoutLeadIns(words);
  for (const [answers, index] of POSITION_ANSWERS) {
    if (answers.includes(said)) return offered[index === 'last' ? offered.length - 1 : index];
  }
  const hour12 = withMinutes.hour % 12 === 0 ? 12 : withMinutes.hour % 12;
  const rest = said.replace(new RegExp(`^(?:at )?${hour12}(?= |$)`), '').trim();
  // "5" alone again: on the hour, unless the day was offered too (then it is as unclear as before).
  if (rest === '' && (dayOffered || said === '')) return undefined;
  if (ON_THE_HOUR_ANSWERS.includes(rest)) return onHour;
  if (WITH_MINUTES_ANSWERS.includes(rest) || minutesSaid(rest, withMinutes.minute)) return minutes;
  const times = heard.times.filter((t) => t.fromReference === undefined);
  if (times.length !== 1) return undefined;
  const t = times[0];
  // Only the hour asked about: another hour ("6 pm") is a new time, read as a repair.
  if ((t.hour % 12 === 0 ? 12 : t.hour % 12) !== hour12 || t.conflict === true) return undefined;
  if (t.decided && t.hour !== withMinutes.hour) return undefined;
  return { kind: 'time', hour: withMinutes.hour, minute: t.minute };
}

/**
 * "no, 5", "no, at 5", "make it 5": an hour on the twelve-hour clock said alone (1 to 12), or
 * undefined. Whether it could also be a day is day-or-hour.ts's to say.
 */
export function readLoneHour(words: string): number | undefined {
  const m = /^(?:at )?(\d{1,2})$/.exec(withoutLeadIns(words));
  const hour = m === null ? 0 : Number(m[1]);
  return hour >= 1 && hour <= 12 ? hour : undefined;
}

/** "30", "half past", "half", "quarter past" …: the minutes read back, said without their hour. */
function minutesSaid(rest: string, minute: number): boolean {
  if (rest === String(minute) || rest === `${minute} past` || rest === `${minute} minutes past`) return true;
  if (minute === 30) return rest === 'half past' || rest === 'half' || rest === 'and a half' || rest === 'the half hour';
  if (minute === 15) return rest === 'quarter past' || rest === 'a quarter past';
  return false;
}

function withoutLeadIns(words: string): string {
  let out = words.replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
  for (let changed = true; changed;) {
    changed = false;
    for (const lead of NUMBER_LEAD_INS) {
      if (out === lead || out.startsWith(`${lead} `)) {
        out = out.slice(lead.length).trim();
        changed = true;
      }
    }
  }
  return out;
}
