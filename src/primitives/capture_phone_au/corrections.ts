import type { Position } from './digits';
import { groupBoundaries, hasCompleteShape, interpretDigits, type Phone } from './numbering';

/**
 * Corrections that restate part of a number: a group replaced ("0412 345
 * 678, sorry, 679 at the end"), or an incomplete number continued or its
 * last group restarted ("… oh one five, sorry, one five six").
 */
export type CorrectionResult =
  | { kind: 'phone'; phone: Phone }
  | { kind: 'digits'; digits: string }
  | { kind: 'which'; digits: string; correction: string; options: Position[] };

/** "oh four nine one five seven oh" + "one five six"; "… oh one five, sorry, one five six". */
export function continueDigits(digits: string, said: string): CorrectionResult | undefined {
  const candidates = new Set<string>();
  const asWhole = interpretDigits(said, false);
  if (asWhole.kind === 'incomplete' && said.length >= digits.length) return { kind: 'digits', digits: said };
  const appended = digits + said;
  if (interpretDigits(appended, false).kind === 'valid') candidates.add(appended);
  const bounds = groupBoundaries(digits);
  for (const b of bounds) {
    if (b >= digits.length || b === 0) continue;
    const restarted = digits.slice(0, b) + said;
    if (restarted !== appended && interpretDigits(restarted, false).kind === 'valid') candidates.add(restarted);
  }
  if (candidates.size === 1) {
    const only = interpretDigits([...candidates][0], false);
    if (only.kind === 'valid') return { kind: 'phone', phone: only.phone };
  }
  if (candidates.size === 0 && interpretDigits(appended, false).kind === 'incomplete') return { kind: 'digits', digits: appended };
  return undefined;
}

/**
 * Replaces the group(s) of `digits` that `said` restates: the place named
 * ("at the end", "starts with", "area code"), else the group-aligned span it
 * differs least from. Two equally good places are asked about.
 */
export function replaceGroup(digits: string, said: string, position: Position | undefined): CorrectionResult | undefined {
  const k = said.length;
  if (k === 0 || k >= digits.length) return undefined;
  const options: Array<{ position: Position; result: string; distance: number }> = [];
  const add = (start: number, end: number): void => {
    const result = digits.slice(0, start) + said + digits.slice(end);
    // Shape first: only the places that remain are validated.
    if (!hasCompleteShape(result)) return;
    const where: Position = start === 0 ? 'start' : end === digits.length ? 'end' : 'middle';
    if (!options.some((o) => o.result === result))
      options.push({ position: where, result, distance: distance(digits.slice(start, end), said) });
  };
  if (position === 'end') add(digits.length - k, digits.length);
  else if (position === 'start') add(0, k);
  else if (position === 'area') {
    const area = said.length === 1 ? `0${said}` : said;
    if (/^0[2378]$/.test(area) && /^0[2378]/.test(digits)) {
      const result = area + digits.slice(2);
      if (interpretDigits(result, false).kind === 'valid') options.push({ position: 'area', result, distance: 0 });
    }
  } else {
    const bounds = groupBoundaries(digits);
    for (let i = 0; i < bounds.length; i++) {
      for (let j = i + 1; j < bounds.length; j++) {
        if (bounds[j] - bounds[i] !== k) continue;
        if (position === 'middle' && (bounds[i] === 0 || bounds[j] === digits.length)) continue;
        add(bounds[i], bounds[j]);
      }
    }
  }
  // The closest places that make a valid number; further ones only when none of those do.
  for (const best of [...new Set(options.map((o) => o.distance))].sort((a, b) => a - b)) {
    const closest = options.filter((o) => o.distance === best && interpretDigits(o.result, false).kind === 'valid');
    if (closest.length === 0) continue;
    if (closest.length > 1) return { kind: 'which', digits, correction: said, options: closest.map((o) => o.position) };
    const chosen = interpretDigits(closest[0].result, false);
    return chosen.kind === 'valid' ? { kind: 'phone', phone: chosen.phone } : undefined;
  }
  return undefined;
}

/** Digits that differ between a group as heard and as restated. */
function distance(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) d++;
  return d;
}

/** Applies the caller's answer to "which part is that?" to a pending group correction. */
export function placeCorrection(digits: string, correction: string, position: Position): Phone | undefined {
  const result = replaceGroup(digits, correction, position);
  return result?.kind === 'phone' ? result.phone : undefined;
}
