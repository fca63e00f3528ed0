import type { Reading } from '../objective/capture-spec';
import type { Heard } from '../when/heard';
import type { WhenOptions } from '../when/options';
import type { WhenPartial } from '../when/parts';
import { speakTime } from '../when/speak';
import { OTHER_DAY_WORDS, TODAY_WORDS } from './today-words';

const wordsPattern = (words: readonly string[]): RegExp => new RegExp(`\\b(?:${words.join('|')})\\b`);
const TODAY = wordsPattern(TODAY_WORDS);
const OTHER_DAY = wordsPattern(OTHER_DAY_WORDS);

/**
 * A time of day is taken as said whatever the reference ("9 am" at 10:15 may be tomorrow's): a
 * time with no day is never "already past". Tied to today ("9 am this morning", "today at 9 am"),
 * it is a moment, and the tense can rule it out: for a booking (future) one earlier than the
 * reference has passed, for an incident (past) one later has not come yet. Asked, not taken.
 * Tonight's times are left alone: "1 am tonight" is tomorrow's small hours.
 */
export function ruledOutToday(
  heard: Heard,
  time: { hour: number; minute: number },
  options: WhenOptions,
): Extract<Reading<WhenPartial>, { kind: 'none' }> | undefined {
  if (options.tense === 'any' || heard.dayPart === 'night') return undefined;
  if (!TODAY.test(heard.text) || OTHER_DAY.test(heard.text)) return undefined;
  const at = time.hour * 60 + time.minute;
  const said = speakTime(time.hour, time.minute);
  if (options.tense === 'future' && at < options.minuteOfDay) {
    return {
      kind: 'none',
      reason: 'a time today that has already passed',
      prompt: `Sorry, ${said} today has already passed. What time did you mean?`,
    };
  }
  if (options.tense === 'past' && at > options.minuteOfDay) {
    return {
      kind: 'none',
      reason: 'a time today that is still to come',
      prompt: `Sorry, ${said} today is still to come. What time was it?`,
    };
  }
  return undefined;
}
