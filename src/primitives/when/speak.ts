import { dayNumber, MONTH_NAMES, WEEKDAY_NAMES, weekdayOf, type CivilDate } from './calendar';
import { ordinalSuffix } from './words';

/** How dates and times are read back to an Australian caller: "Friday the 27th of November", "3:30 pm". */

const capital = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

export function speakWeekday(date: CivilDate): string {
  return capital(WEEKDAY_NAMES[weekdayOf(date)]);
}

export function speakMonth(month: number): string {
  return capital(MONTH_NAMES[month - 1]);
}

export function speakDay(day: number): string {
  return `${day}${ordinalSuffix(day)}`;
}

/** "Friday the 27th of November", with ", 2027" when asked for. */
export function speakDate(date: CivilDate, withYear: boolean): string {
  const base = `${speakWeekday(date)} the ${speakDay(date.day)} of ${speakMonth(date.month)}`;
  return withYear ? `${base} ${date.year}` : base;
}

/**
 * The shortest form that is clear near the reference: "Tuesday the 1st"
 * within a fortnight either way, with the month further off, and the year
 * when it is not this year's.
 */
export function speakDateNear(date: CivilDate, today: CivilDate): string {
  if (Math.abs(dayNumber(date) - dayNumber(today)) <= 13) return `${speakWeekday(date)} the ${speakDay(date.day)}`;
  return speakDate(date, date.year !== today.year);
}

/** "today", "tomorrow", or "on Tuesday the 1st": how a day is named after "what time". */
export function speakOnDay(date: CivilDate, today: CivilDate): string {
  const days = dayNumber(date) - dayNumber(today);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  return `on ${speakDateNear(date, today)}`;
}

/** "3 pm", "3:30 pm", "midday", "midnight", "12:15 am". */
export function speakTime(hour: number, minute: number): string {
  if (minute === 0 && hour === 12) return 'midday';
  if (minute === 0 && hour === 0) return 'midnight';
  return `${speakClock(hour % 12 === 0 ? 12 : hour % 12, minute)} ${hour < 12 ? 'am' : 'pm'}`;
}

/** "3", "3:30": a time on the twelve-hour clock without am or pm. */
export function speakClock(hour: number, minute: number): string {
  return minute === 0 ? String(hour) : `${hour}:${String(minute).padStart(2, '0')}`;
}
