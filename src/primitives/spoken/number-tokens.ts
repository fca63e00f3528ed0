import { wordTable } from './keys';

/**
 * The figures recognisers write, as words the number parser reads ("50k" →
 * 50 k, "$20" → 20 dollars), and thousands separators joined.
 */

/**
 * Splits the figures recognisers write into words the parser reads:
 * "50k" → 50 k, "$20" → 20 dollars, "20%" → 20 percent, "1.5m" → 1.5 million,
 * "10-20" → 10 to 20, "-2" → minus 2, "twenty-five" → twenty five.
 * Expects normalised words (see normaliseUtterance); thousands separators
 * should have been joined before normalising (see joinThousands).
 */
export function numberTokens(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    let w = word.replace(/\u2212/g, '-');
    let dollars = false;
    if (/^-?\$\d/.test(w)) {
      dollars = true;
      w = w.replace('$', '');
    } else if (/^\$/.test(w) && w.length > 1) {
      w = w.slice(1);
    }
    const range = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(w);
    if (range !== null) {
      out.push(range[1], 'to', range[2]);
      continue;
    }
    if (/^[a-z]+(-[a-z]+)+$/.test(w)) {
      out.push(...w.split('-'));
      continue;
    }
    const figure = /^(-?)(\d*\.?\d+)(k|m|mil|bn|b|%|ish)?$/.exec(w);
    if (figure !== null) {
      if (figure[1] === '-') out.push('minus');
      out.push(figure[2]);
      const suffix = figure[3];
      if (suffix !== undefined) out.push(SUFFIX_WORDS[suffix]);
      if (dollars) out.push('dollars');
      continue;
    }
    out.push(w);
  }
  return out;
}

const SUFFIX_WORDS: Readonly<Record<string, string>> = wordTable({
  k: 'thousand',
  m: 'million',
  mil: 'million',
  bn: 'billion',
  b: 'billion',
  '%': 'percent',
  ish: 'ish',
});

/** "1,500,000" → "1500000", before punctuation is stripped; "5, 6" keeps its comma. */
export function joinThousands(text: string): string {
  let previous: string;
  let joined = text;
  do {
    previous = joined;
    joined = joined.replace(/(\d),(\d{3})(?!\d)/g, '$1$2');
  } while (joined !== previous);
  return joined;
}
