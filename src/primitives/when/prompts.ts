import type { DateAsk, SaidTime, TimeAsk } from './asks';
import { compareDates, type CivilDate } from './calendar';
import { speakClock, speakDate, speakDateNear, speakDay, speakMonth, speakTime, speakWeekday } from './speak';

/**
 * What the caller hears when a date or a time needs asking about: the words
 * for the engine's asks (asks.ts), shared by capture_date_au,
 * capture_time_au and capture_datetime_au.
 */

/** "A, B or C". */
export function either(options: readonly string[]): string {
  if (options.length <= 1) return options.join('');
  return `${options.slice(0, -1).join(', ')}, or ${options[options.length - 1]}`;
}

/** The sentence that asks for an exact day: used whenever no day can be made of an answer. */
export const EXACT_DAY_PROMPT = "Sorry, I'll need an exact day. What date would you like? For example, this Friday, or the 14th of March.";

/** The sentence that asks for a date of birth as one: the day, the month and the year. */
export const BIRTH_DATE_PROMPT = "Sorry, I'll need the date of birth itself: the day, the month and the year, like the 14th of March 1985.";

export function askDate(ask: DateAsk, today: CivilDate): string {
  const near = (d: CivilDate): string => speakDateNear(d, today);
  switch (ask.type) {
    case 'no-such-day': {
      const of = ask.month === undefined ? '' : ` of ${speakMonth(ask.month)}`;
      return `Sorry, there is no ${speakDay(ask.day)}${of}. What date did you mean?`;
    }
    case 'no-such-date': {
      // The year matters for the 29th of February; for the 31st of April it is noise, unless it is not this year.
      const leapDay = ask.day === 29 && ask.month === 2;
      const inYear = ask.year === undefined ? '' : ask.year !== today.year ? ` in ${ask.year}` : leapDay ? ' this year' : '';
      const there = `Sorry, there's no ${speakDay(ask.day)} of ${speakMonth(ask.month)}${inYear}.`;
      if (ask.dates !== undefined && ask.dates.length > 1) {
        const offered = ask.dates.map((d) => `the ${speakDay(d.day)} of ${speakMonth(d.month)}`);
        return `${there} Did you mean ${either(offered)}?`;
      }
      return `${there} What date did you mean?`;
    }
    case 'date-not-found':
      return "Sorry, I couldn't find that date. What date did you mean?";
    case 'no-date':
      return 'Sorry, what date did you mean?';
    case 'which-said':
      return `Sorry, I heard ${either(ask.dates.map(near))}. Which day did you mean?`;
    case 'which-fits':
      return `Just to check, do you mean ${either(ask.dates.map((d) => (compareDates(d, today) === 0 ? `today, ${near(d)}` : near(d))))}?`;
    case 'which-offered':
      return `Sorry, which one: ${either(ask.dates.map((d) => (compareDates(d, today) === 0 ? 'today' : near(d))))}?`;
    case 'passed':
      return `Sorry, ${near(ask.date)} has already passed. What date did you mean?`;
    case 'to-come':
      return `Sorry, ${near(ask.date)} is still to come. What date was it?`;
    case 'wrong-weekday': {
      const said = `the ${speakDay(ask.date.day)}${ask.date.month !== today.month ? ` of ${speakMonth(ask.date.month)}` : ''}`;
      return `Sorry, ${said} is a ${speakWeekday(ask.date)}. Did you mean ${either(ask.dates.map(near))}?`;
    }
    case 'day-in-week':
      return `Sure. Which day ${weekName(ask.weeksFromNow)}?`;
    case 'day-in-month':
      return `Sure. What day in ${speakMonth(ask.month)}?`;
    case 'weekend-day':
      return `Sure. Would that be ${either(ask.dates.map(near))}?`;
    case 'exact-day':
      return EXACT_DAY_PROMPT;
    case 'birth-year': {
      const said = `the ${speakDay(ask.day)} of ${speakMonth(ask.month)}`;
      return ask.again ? `Sorry, what year was that, for ${said}?` : `Thanks, ${said}. And what year?`;
    }
    case 'birth-exact':
      return BIRTH_DATE_PROMPT;
    case 'birth-age':
      return `Sorry, ${ask.date.year} would make an age over 120. What's the date of birth, with the year?`;
    case 'which-part':
      return `Sorry, I'm not sure which part to change. I've got ${speakDate(ask.date, true)}. What's the right date?`;
    case 'rest-of-date':
      return `Sorry, I only caught ${ask.said}. What's the whole date?`;
  }
}

/** "next week", "this week", "last week". */
export function weekName(weeksFromNow: number): string {
  return weeksFromNow === 1 ? 'next week' : weeksFromNow === 0 ? 'this week' : 'last week';
}

export function askTime(ask: TimeAsk): string {
  switch (ask.type) {
    case 'which-time':
      return `Sorry, I heard ${either(ask.times.map(speakSaid))}. Which time would you like?`;
    case 'meridiem':
      return askMeridiem(ask.hour12, ask.minute);
    case 'exact-time':
      return 'Sorry, I need an exact time. What time would suit? For example, 9:30 in the morning, or 2 pm.';
    case 'rest-of-time':
      return `Sorry, I only caught ${ask.said}. What's the whole time?`;
  }
}

function speakSaid(t: SaidTime): string {
  if (t.fromReference !== undefined) return `in ${t.fromReference} minutes`;
  return t.decided ? speakTime(t.hour, t.minute) : speakClock(t.hour, t.minute);
}

/** The question that settles am or pm: "Is that 3 in the morning, or 3 in the afternoon?" */
export function askMeridiem(hour12: number, minute: number): string {
  const clock = speakClock(hour12, minute);
  if (hour12 === 12 && minute === 0) return 'Is that midday, or midnight?';
  if (hour12 === 12) return `Is that ${clock} in the afternoon, or ${clock} at night?`;
  if (hour12 >= 6) return `Is that ${clock} in the morning, or ${clock} in the evening?`;
  return `Is that ${clock} in the morning, or ${clock} in the afternoon?`;
}

/** "No, 5" to 4:30: "Sorry, is that 5 o'clock, or 5:30?" (the hour on the hour, or with the minutes read back). */
export function askHourOrMinutes(hour12: number, minute: number): string {
  return `Sorry, is that ${hour12} o'clock, or ${speakClock(hour12, minute)}?`;
}
