import * as chrono from 'chrono-node';
import { dateOnlyParsers } from './date-grammar';

const REFERENCE = new Date(Date.UTC(2026, 0, 15));
const chronoOf = (parsers: chrono.Parser[]) => new chrono.Chrono({ parsers, refiners: [] });

describe("chrono's parsers kept for dates", () => {
  const all = chrono.en.GB.clone().parsers;

  test('leave out exactly the ones that read a time of day, and keep those that read dates', () => {
    const kept = dateOnlyParsers(all);
    expect(kept.length).toBe(all.length - 2);
    for (const text of ['3:30 pm', 'at 9 tonight', 'this afternoon', 'midnight', 'quarter past 3']) {
      expect(
        chronoOf(kept)
          .parse(text, REFERENCE)
          .filter((r) => r.start.isCertain('hour') && !r.start.isCertain('day')),
      ).toEqual([]);
    }
    for (const text of ['tomorrow', '5th of March', 'next Friday', '12/03/2026'])
      expect(chronoOf(kept).parse(text, REFERENCE)[0]?.text).toBe(text);
  });

  test('are chosen by what they read, not by class name (a renamed or minified chrono)', () => {
    // Plain objects with the same behaviour: constructor.name is "Object" for every one of them.
    const renamed: chrono.Parser[] = all.map((p) => ({ pattern: p.pattern.bind(p), extract: p.extract.bind(p) }));
    expect(renamed.every((p) => p.constructor.name === 'Object')).toBe(true);
    const kept = dateOnlyParsers(renamed);
    expect(kept.length).toBe(all.length - 2);
    expect(chronoOf(kept).parse('3:30 pm', REFERENCE)).toEqual([]);
    expect(chronoOf(kept).parse('this afternoon', REFERENCE)).toEqual([]);
  });
});
