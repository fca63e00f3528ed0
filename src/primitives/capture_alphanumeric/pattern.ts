import { RE2JS } from 're2js';

/**
 * The caller's `pattern` param, compiled with RE2 (re2js): matching takes
 * time linear in the value, so a pattern from a request cannot make a turn
 * backtrack for seconds the way `(a+)+$` does with RegExp. RE2 has no
 * look-around or back-references; a pattern using them is refused.
 */
export const MAX_PATTERN_LENGTH = 200;

/** Patterns come with every turn of a conversation: compiled ones are remembered. */
const compiled = new Map<string, RE2JS | null>();

export function compilePattern(source: string): RE2JS | undefined {
  const known = compiled.get(source);
  if (known !== undefined) return known ?? undefined;
  let pattern: RE2JS | null = null;
  if (source.length <= MAX_PATTERN_LENGTH) {
    try {
      pattern = RE2JS.compile(source);
    } catch {
      pattern = null;
    }
  }
  if (compiled.size < 1000) compiled.set(source, pattern);
  return pattern ?? undefined;
}

/** Whether the whole value matches (not a part of it: "[A-Z]{2}[0-9]{4}" refuses "XAB1234"). */
export function matchesWhole(pattern: RE2JS, value: string): boolean {
  return pattern.matches(value);
}
