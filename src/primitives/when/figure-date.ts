/**
 * A date said as three figures in a row, day, month and year, the Australian order of
 * 14/3/87: "fourteen three eighty seven" (heard as "14 3 87"), "it's 1 2 1987". Only when
 * they are the only figures said, the day could be a day (1–31), the month a month (1–12) and
 * the year two figures or four. Figures in a row can be grouped wrongly by the recogniser
 * ("one two" or "twelve"), so a date read this way is always read back.
 *
 * `text` is the canonical text of when/heard.ts (number words already figures). Returns the
 * date as figures with slashes ("14/3/87"), to be read like one written that way, or undefined.
 */
export function threeFigureDate(text: string): string | undefined {
  const figures = text.match(/\d+/g);
  if (figures === null || figures.length !== 3) return undefined;
  const m = THREE_FIGURES.exec(text);
  if (m === null) return undefined;
  const [day, month] = [Number(m[1]), Number(m[2])];
  if (day < 1 || day > 31 || month < 1 || month > 12) return undefined;
  return `${m[1]}/${m[2]}/${m[3]}`;
}

/** Three figures standing alone, next to each other: no ":" or "/" (a time, a date already written). */
const THREE_FIGURES = /(?<![\d/:.])(\d{1,2}) (\d{1,2}) (\d{2}|\d{4})(?![\d/:.])/;
