import { normaliseUtterance } from '../spoken/normalise';
import type { CivilDate } from './calendar';
import { MONTH_INDEX } from './date-rules';
import type { Tense } from './options';
import { canonicalWords } from './words';

/**
 * A repair of one part of a date, said at its confirmation ("not March, May", "the year's 86")
 * or after it in the same breath ("the 14th of April, not April, May"): which part changes and
 * to what. Days ("no, the 15th") and times ("same day but at 3") are read by the date and time
 * readers themselves; this reads what they cannot: a month said alone ("May" is also a verb),
 * and a year said alone (a number). A repair that names a part the value has not got ("not
 * March" when it is April) cannot be applied unambiguously: it is `unclear`, and asked about.
 */
export type PartEdit = { kind: 'month'; month: number } | { kind: 'year'; year: number } | { kind: 'unclear'; reason: string };

const MONTH = `(${Object.keys(MONTH_INDEX).join('|')})`;
/** A year said in four figures, or two ("eighty six" reads as 86). */
const YEAR = '((?:1[89]|20)\\d\\d|\\d\\d)';
const FOUR_FIGURE_YEAR = '((?:1[89]|20)\\d\\d)';
/** Words between the part ruled out and the part that replaces it: "not March, it's May". */
const LINK = "(?:,? ?(?:but |its |it's |it is |it was |should be |rather |actually |the )*)";
/** What may come before "May, not March": the start, or a word that opens a repair. */
const LEAD = "(?:^|\\b(?:its|it's|it is|no|nah|nope|sorry|oh|actually|i mean) )";
const SAYS = '(?: is| was| should be| should have been|s)?(?: actually)?';

/** [pattern, group of the new part, group of the part ruled out (0: none)]. */
type Rule = readonly [RegExp, number, number];

const MONTH_RULES: readonly Rule[] = [
  [new RegExp(`\\bnot (?:in )?${MONTH}${LINK}(?:in )?${MONTH}$`), 2, 1],
  [new RegExp(`${LEAD}(?:in )?${MONTH},? not (?:in )?${MONTH}$`), 1, 2],
  [new RegExp(`\\bmonth${SAYS} (?:in )?${MONTH}$`), 1, 0],
  [new RegExp(`\\bwrong month${LINK}(?:in )?${MONTH}$`), 1, 0],
  [new RegExp(`\\b(?:same day|(?:the )?days? (?:is )?right|(?:the )?dates? (?:is )?right)${LINK}(?:in )?${MONTH}$`), 1, 0],
];

const YEAR_RULES: readonly Rule[] = [
  [new RegExp(`\\bnot (?:in )?${YEAR}${LINK}(?:in )?${YEAR}$`), 2, 1],
  [new RegExp(`${LEAD}${YEAR},? not ${YEAR}$`), 1, 2],
  [new RegExp(`\\byear${SAYS} ${YEAR}$`), 1, 0],
  [new RegExp(`\\bwrong year${LINK}${YEAR}$`), 1, 0],
  [
    new RegExp(`\\b(?:same day|(?:the )?days? (?:is )?right|(?:the )?dates? (?:is )?right|same date)${LINK}(?:in )?${FOUR_FIGURE_YEAR}$`),
    1,
    0,
  ],
  [new RegExp(`\\bborn in ${YEAR}$`), 1, 0],
  // "no, 1986", "sorry, nineteen eighty six": a four-figure year alone.
  [new RegExp(`^(?:(?:no|nah|nope|sorry|oh|um|uh|its|it's|it is|actually|i mean)[ ,]+)*${FOUR_FIGURE_YEAR}$`), 1, 0],
];

/** The canonical words a repair is matched in: number words as figures, punctuation but commas gone. */
export function repairWords(utterance: string): string {
  return canonicalWords(normaliseUtterance(utterance.replace(/,/g, ' , ')), 'date')
    .replace(/\s+,/g, ',')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The part an utterance repairs, checked against the value it repairs (`prev`): undefined when
 * it says no month or year repair. `tense` places a two-figure year.
 */
export function readPartEdit(words: string, prev: CivilDate, tense: Tense, thisYear: number): PartEdit | undefined {
  for (const [pattern, said, ruledOut] of MONTH_RULES) {
    const m = pattern.exec(words);
    if (m === null) continue;
    const month = MONTH_INDEX[m[said]];
    if (ruledOut > 0 && MONTH_INDEX[m[ruledOut]] !== prev.month) {
      return { kind: 'unclear', reason: `the month ruled out (${m[ruledOut]}) is not the month of the date` };
    }
    return { kind: 'month', month };
  }
  for (const [pattern, said, ruledOut] of YEAR_RULES) {
    const m = pattern.exec(words);
    if (m === null) continue;
    const year = placeYear(m[said], tense, thisYear);
    if (ruledOut > 0 && placeYear(m[ruledOut], tense, thisYear) !== prev.year) {
      return { kind: 'unclear', reason: `the year ruled out (${m[ruledOut]}) is not the year of the date` };
    }
    return { kind: 'year', year };
  }
  return undefined;
}

/** "1986" as said; "86" as a two-figure year is read anywhere: this century unless that is to come in a past tense. */
function placeYear(said: string, tense: Tense, thisYear: number): number {
  const n = Number(said);
  if (said.length === 4) return n;
  if (tense === 'past' && 2000 + n > thisYear) return 1900 + n;
  return 2000 + n;
}

/**
 * A repair said after a date in the same breath: "the 14th of April, not April, May", "the 14th
 * of April 1985, no, 1986". Returns the date as first said and the repair, or undefined.
 */
export function splitInlineRepair(utterance: string): { head: string; tail: string } | undefined {
  // Most answers have no repair word at all: then the words are not canonicalised a second time.
  if (!MAY_REPAIR_INLINE.test(utterance.toLowerCase())) return undefined;
  const words = repairWords(utterance);
  // The month ruled out need not be in the date said: then the repair is unclear, and asked about.
  const month = INLINE_MONTH.exec(words);
  if (month !== null) return { head: month[1], tail: month[2] };
  const year = INLINE_YEAR.exec(words);
  if (year !== null && /(?:1[89]|20)\d\d|\b\d\d\b/.test(year[1])) return { head: year[1], tail: year[2] };
  return undefined;
}

/** Every inline repair has one of these words. */
const MAY_REPAIR_INLINE = /\b(?:not|no|nah|sorry|mean|actually|rather)\b/;
const INLINE_MONTH = new RegExp(`^(.*\\S)(?:,| ) ?(not (?:in )?${MONTH}${LINK}(?:in )?${MONTH})$`);
const INLINE_YEAR = new RegExp(
  `^(.*\\S)(?:,| ) ?((?:(?:no|nah|sorry|i mean|actually|or rather)[ ,]+)+${FOUR_FIGURE_YEAR}|not ${YEAR}${LINK}${YEAR})$`,
);

/** The date with the part changed (its day kept; a day the new month has not got is the caller's to settle). */
export function applyPartEdit(
  prev: CivilDate,
  edit: Extract<PartEdit, { kind: 'month' | 'year' }>,
): { day: number; month: number; year: number } {
  return edit.kind === 'month' ? { ...prev, month: edit.month } : { ...prev, year: edit.year };
}
