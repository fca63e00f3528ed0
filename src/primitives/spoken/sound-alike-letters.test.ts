import { HINT_CLUSTERS, LETTER_CONFUSIONS, SOUND_ALIKE_LETTERS, SOUND_ALIKES } from './sound-alike-letters';

describe('the one table of letter confusions and its two views', () => {
  test('a confusion names read is plain letters (names read them as text, both ways; only the word end is a place)', () => {
    for (const c of LETTER_CONFUSIONS.filter((x) => x.use !== 'email')) {
      expect(c).toMatchObject({ heard: expect.stringMatching(/^[a-z]+$/), becomes: expect.stringMatching(/^[a-z]+$/) });
      expect([c.hint, c.before, c.after, c.notAfter, c.at === 'start' ? 'start' : undefined]).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
    }
  });

  test('no confusion is listed twice for the same reader', () => {
    const keys = LETTER_CONFUSIONS.map((c) => JSON.stringify({ ...c, use: undefined }));
    expect(new Set(keys).size).toBe(keys.length);
    // Names read each way round: a pair listed once covers both directions.
    const pairs = SOUND_ALIKES.map(([a, b, end]) => `${[a, b].sort().join('/')}${end ?? ''}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  test('the names view: plain respellings, the word end marked', () => {
    expect(SOUND_ALIKES).toContainEqual(['v', 'ph']);
    expect(SOUND_ALIKES).toContainEqual(['y', 'ie', 'end']);
    expect(SOUND_ALIKES).toContainEqual(['cks', 'x']);
    expect(SOUND_ALIKES).not.toContainEqual(['q', 'k']);
  });

  test('the email view: by the letters a hint names, the places as patterns, in the table order', () => {
    expect(SOUND_ALIKE_LETTERS.ph.map((r) => r.pattern)).toEqual(['ff', 'f', 'v']);
    expect(SOUND_ALIKE_LETTERS.y).toEqual([
      { pattern: 'i', becomes: 'y' },
      { pattern: 'ie(?=$|[^aeiou])', becomes: 'y' },
      { pattern: 'ee$', becomes: 'y' },
      { pattern: 'a(?=[^aeiouy]e$)', becomes: 'ay' },
    ]);
    expect(SOUND_ALIKE_LETTERS.k.map((r) => r.pattern)).toEqual(['ch', 'c(?!k)', 'q']);
    expect(SOUND_ALIKE_LETTERS.h).toEqual([
      { pattern: '[aeiou]$', becomes: '$&h' },
      { pattern: 'on$', becomes: 'ohn' },
      { pattern: '^t(?!h)', becomes: 'th' },
    ]);
    expect(SOUND_ALIKE_LETTERS.e.map((r) => r.pattern)).toEqual(['(?<=[^aeiouy])$', 'a(?=y$)']);
    expect(SOUND_ALIKE_LETTERS.x).toBeUndefined();
    expect(HINT_CLUSTERS).toEqual(['ie', 'ey', 'ph', 'ck', 'th']);
  });
});
