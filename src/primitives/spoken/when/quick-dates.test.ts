import { readDates, readDatesWithChrono } from './date-grammar';
import { readWhenOptions, type WhenOptions } from './options';
import { quickDates } from './quick-dates';

/**
 * quickDates must give exactly what chrono gives, or leave the text to it.
 * Checked on the forms callers use and on random mixes of the words it reads
 * (and some it must leave alone), against chrono itself.
 */

const OPTIONS: WhenOptions[] = ['2026-11-26T09:30:00+11:00', '2027-02-28T23:30:00+11:00', '2026-06-30T01:00:00+10:00', '2027-01-31T12:00:00+11:00'].flatMap(
  (reference) => ['Australia/Sydney', 'Australia/Perth'].map((timezone) => readWhenOptions({ reference_time: reference, timezone }, 0)),
);

const SAID = [
  'tomorrow', 'friday', 'this friday', 'next tuesday', 'yeah can we do monday', 'the 5th of december', '22nd march', 'december 3rd',
  'thursday the 3rd of december', 'friday the 12th', 'friday the 27th yeah friday', 'the 10th of july which is a friday', 'christmas eve',
  'good friday', 'melbourne cup day', 'the 31st of june', 'the 30th of february', 'on the 29th of february', 'in 2 weeks', 'in a fortnight',
  'a fortnight today', 'a week today', 'the day after tomorrow', 'the day before yesterday', 'the 3rd of the 4th', 'the 5th of the 3rd 85',
  'the 5th of next month', '4/7', '4/7/2027', '5/3/85', '12/12 at ,', 'monday next week', 'sometime next week', 'early next month',
  'the weekend', 'tuesday week', 'a week on friday', 'friday just gone', 'in march', 'may', 'the 1st of may', '13th march 82',
  'friday , tomorrow', 'tuesday , christmas', 'this week 2 may', 'in a few days', 'the last friday of the month', 'wednesday ,',
];

const WORDS = {
  weekday: ['monday', 'tuesday', 'friday', 'saturday', 'sunday', 'weekend'],
  structure: ['on', 'the', 'of', 'in', ',', 'this', 'next', 'last', 'a', 'an'],
  number: ['1st', '3rd', '12th', '29th', '31st', '32nd', '5', '12', '25', '45', '0', '2027', '1985', '4/7', '15/01/2027', '5/3/85'],
  month: ['march', 'may', 'jun', 'february', 'december', 'sep'],
  casual: ['today', 'tomorrow', 'yesterday', 'now'],
  inert: ['yeah', 'be', 'been', 'at', 'every', 'just', 'gone', 'coming', 'and', 'or', 'not', 'i', 'think', 'its', 'early', 'sometime'],
  named: ['good', 'new', 'christmas', 'eve', 'day', 'years', 'boxing', 'cup', 'melbourne', 'easter'],
  unit: ['week', 'weeks', 'fortnight', 'days', 'month', 'months', 'year', 'from', 'time', 'after', 'before'],
  other: ['to', 'ago', 'sun', 'mon', 'few', 'end', 'half', 'ad', '-'],
};

/** A small deterministic generator (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('quickDates', () => {
  it.each(SAID)('reads %j as chrono does', (text) => {
    for (const options of OPTIONS) expect(readDates(text, options)).toEqual(readDatesWithChrono(text, options));
  });

  it('reads the everyday forms itself', () => {
    const options = OPTIONS[0];
    for (const text of ['tomorrow', 'next tuesday', 'friday the 12th', 'the 5th of december', 'in a fortnight', '4/7', 'sometime next week']) {
      expect(quickDates(text, options.today, options.reference)).toBeDefined();
    }
  });

  it('agrees with chrono on random mixes of words', () => {
    const next = random(20261126);
    const kinds = Object.values(WORDS);
    let read = 0;
    for (let i = 0; i < 4000; i++) {
      const length = 1 + Math.floor(next() * 7);
      const words = Array.from({ length }, () => {
        const kind = kinds[Math.floor(next() * kinds.length)];
        return kind[Math.floor(next() * kind.length)];
      });
      const text = words.join(' ');
      const options = OPTIONS[Math.floor(next() * OPTIONS.length)];
      if (quickDates(text, options.today, options.reference) === undefined) continue;
      read++;
      expect({ text, heard: readDates(text, options) }).toEqual({ text, heard: readDatesWithChrono(text, options) });
    }
    // Most mixes are words it reads; the rest were left to chrono.
    expect(read).toBeGreaterThan(1000);
  });
});
