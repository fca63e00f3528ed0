import type { Captured, Reading, ReadContext } from '../objective/capture-spec';
import { addDays, isoDate, parseIsoDate, WEEKDAY_NAMES, weekdayOf, type CivilDate } from '../when/calendar';
import { cutOffDate, yearMayGoOn } from '../when/cut-off';
import { threeFigureDate } from '../when/figure-date';
import { applyPartEdit, readPartEdit, repairWords, splitInlineRepair } from '../when/part-repairs';
import { correctDate, hear, type Heard } from '../when/heard';
import type { WhenOptions } from '../when/options';
import { readDatePartFor } from '../when/birth';
import { type DatePart, type WhenPartial } from '../when/parts';
import { fitsTense, resolveDate } from '../when/resolve';
import { askForDate } from './prompts';

/** The value and fields of a captured date. */
export function dateValue(date: CivilDate): { value: string; fields: Record<string, string> } {
  const value = isoDate(date);
  return {
    value,
    fields: { year: value.slice(0, 4), month: value.slice(5, 7), day: value.slice(8, 10), weekday: WEEKDAY_NAMES[weekdayOf(date)] },
  };
}

export function readDate(utterance: string, context: ReadContext<WhenOptions, WhenPartial>): Reading<WhenPartial> {
  const said = context.partial?.said;
  if (said !== undefined) {
    // "The twenty… what's the whole date?" — "first": the rest completes what was heard;
    // a whole date said again is taken as said.
    // Only an answer with something of a date in it completes ("hello" must not make "the twenty" the 20th).
    const rest = hear(utterance, context.options, 'date');
    if (rest.dates.length > 0 || rest.bareNumber !== undefined) {
      const whole = readHeard(`${said} ${utterance}`, { ...context, partial: undefined });
      if (whole.kind === 'value') return whole;
    }
    return readHeard(utterance, { ...context, partial: undefined });
  }
  return readHeard(utterance, context);
}

function readHeard(utterance: string, context: ReadContext<WhenOptions, WhenPartial>): Reading<WhenPartial> {
  const inline = splitInlineRepair(utterance);
  if (inline !== undefined) {
    // "The 14th of April, not April, May": the date as first said, then the part repaired.
    const first = readHeard(inline.head, context);
    const prev = first.kind === 'value' ? parseIsoDate(first.value) : undefined;
    const edited = prev === undefined ? undefined : editDate(prev, inline.tail, context.options);
    if (edited !== undefined) return toReading(edited, context.options);
  }
  const cut = cutOffDate(utterance);
  if (cut !== undefined) {
    const prompt = askForDate({ type: 'rest-of-date', said: cut }, context.options);
    return { kind: 'partial', partial: { said: cut }, prompt };
  }
  const heard = hear(utterance, context.options, 'date');
  const figures = heard.dates.length === 0 && heard.times.length === 0 ? threeFigureDate(heard.text) : undefined;
  if (figures !== undefined) {
    // "fourteen three eighty seven": read as 14/3/87 is, and always read back.
    const reading = toReading(readDatePartFor(hear(figures, context.options, 'date'), context.partial, context.options), context.options);
    return reading.kind === 'value' ? { ...reading, readBack: true } : reading;
  }
  const part = readDatePartFor(heard, context.partial, context.options);
  if (part.kind === 'missing' && heard.vagueTime !== undefined) {
    // "as soon as possible", "whenever": an answer, but not a date.
    return { kind: 'none', reason: heard.vagueTime, prompt: askForDate({ type: 'exact-day' }, context.options) };
  }
  const reading = toReading(part, context.options);
  return reading.kind === 'value' && yearMayGoOn(utterance) ? { ...reading, readBack: true } : reading;
}

export function toReading(part: DatePart, options: WhenOptions): Reading<WhenPartial> {
  switch (part.kind) {
    case 'date':
      return { kind: 'value', ...dateValue(part.date) };
    case 'missing':
      return { kind: 'none', reason: 'no date heard' };
    case 'ask': {
      const prompt = askForDate(part.ask, options);
      if (part.ambiguous) return { kind: 'ambiguous', reason: part.reason, prompt, partial: part.partial };
      // "next week", "in March": part of a date, the caller is asked for the rest.
      if (part.partial !== undefined) return { kind: 'partial', partial: part.partial, prompt };
      return { kind: 'none', reason: part.reason, prompt };
    }
  }
}

/**
 * A correction of a date the caller did not confirm: "no, the 15th" keeps
 * the month, "no, April" keeps the day, "the day after" / "a week later"
 * moves it, a whole new date replaces it. Undefined when nothing changes.
 */
export function repairDate(
  previous: Captured,
  utterance: string,
  context: ReadContext<WhenOptions, WhenPartial>,
): Reading<WhenPartial> | undefined {
  const prev = parseIsoDate(previous.value);
  // Days offered by the repair's own question ("the 30th of April, or the 1st of May?") are answered, not repaired.
  if (prev === undefined || context.partial?.dates !== undefined) return undefined;
  const part = repairDatePart(prev, hear(utterance, context.options, 'date'), context.options, utterance);
  return part === undefined ? undefined : toReading(part, context.options);
}

export function repairDatePart(prev: CivilDate, heard: Heard, options: WhenOptions, utterance?: string): DatePart | undefined {
  const edited = utterance === undefined ? undefined : editDate(prev, utterance, options);
  if (edited !== undefined) return edited;
  const shift = readShift(heard.text);
  if (shift !== undefined) return inTense(addDays(prev, shift), options);
  if (heard.dates.length === 1) {
    const corrected = correctDate({ year: prev.year, month: prev.month, day: prev.day, start: 0, end: 0 }, heard.dates[0]);
    return readDatePartFor({ ...heard, dates: [corrected] }, undefined, options);
  }
  if (heard.dates.length > 1) return readDatePartFor(heard, undefined, options);
  if (heard.bareNumber !== undefined && heard.bareNumber >= 1 && heard.bareNumber <= 31) {
    return readDatePartFor(
      { ...heard, dates: [{ year: prev.year, month: prev.month, day: heard.bareNumber, start: 0, end: 0 }] },
      undefined,
      options,
    );
  }
  return undefined;
}

/**
 * A month or a year repaired alone ("not March, May", "the year's 86"), the rest of the date
 * kept; a repair naming a part the date has not got is asked about. Undefined: no such repair.
 */
export function editDate(prev: CivilDate, utterance: string, options: WhenOptions): DatePart | undefined {
  const edit = readPartEdit(repairWords(utterance), prev, options.tense, options.today.year);
  if (edit === undefined) return undefined;
  if (edit.kind === 'unclear') return { kind: 'ask', ambiguous: true, reason: edit.reason, ask: { type: 'which-part', date: prev } };
  const date = applyPartEdit(prev, edit);
  const heard: Heard = { dates: [{ ...date, start: 0, end: 0 }], times: [], dayPartsInConflict: false, text: '' };
  return readDatePartFor(heard, undefined, options);
}

function inTense(date: CivilDate, options: WhenOptions): DatePart {
  if (fitsTense(date, options.tense, options.today)) return { kind: 'date', date };
  const resolved = resolveDate({ exact: date, start: 0, end: 0 }, options);
  return resolved.kind === 'invalid'
    ? { kind: 'ask', ambiguous: false, reason: resolved.reason, ask: resolved.ask }
    : { kind: 'date', date };
}

/** "the day after", "a week later", "2 days earlier": days to move the previous date by. */
export function readShift(text: string): number | undefined {
  const m =
    /\b(?:(?:the|a) )?(day|week|fortnight) (after|later|before|earlier)\b(?! (?:tomorrow|today|yesterday|next|that|christmas|\d))|\b(a|an|\d+) (days?|weeks?|fortnights?) (later|earlier|after|before)\b(?! (?:tomorrow|today|yesterday|next|that|christmas|\d))/.exec(
      text,
    );
  if (m === null) return undefined;
  const unit = m[1] ?? m[4];
  const direction = m[2] ?? m[5];
  const count = m[3] === undefined || m[3] === 'a' || m[3] === 'an' ? 1 : Number(m[3]);
  const days = (unit.startsWith('day') ? 1 : unit.startsWith('week') ? 7 : 14) * count;
  return direction === 'before' || direction === 'earlier' ? -days : days;
}
