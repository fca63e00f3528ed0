/**
 * Whole numbers of at least `min` (1 unless told) read from the environment, one per key of `names`
 * (the variable that sets it). A variable that is absent or empty is left out, so the key keeps its
 * default; anything else that is not such a number stops startup with a message naming the variable.
 */
export function wholeNumbersFromEnv<K extends string>(
  env: NodeJS.ProcessEnv,
  names: Record<K, string>,
  min = 1,
): Partial<Record<K, number>> {
  const numbers: Partial<Record<K, number>> = {};
  for (const [key, name] of Object.entries(names) as Array<[K, string]>) {
    const text = env[name];
    if (text === undefined || text.trim() === '') continue;
    const value = Number(text);
    if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min}, got "${text}"`);
    numbers[key] = value;
  }
  return numbers;
}
