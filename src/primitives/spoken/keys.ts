/**
 * Word tables answer only for their own keys. A plain object literal also
 * "has" constructor, toString, valueOf, __proto__ … through its prototype,
 * so `word in table` or `table[word]` on one reads a caller's "constructor"
 * as a known word (issue 8). Tables are built with `wordTable` (no
 * prototype) and tested with `keysOf` (a Set of the own keys).
 */

/** The entries as a frozen object without a prototype: `table[word]` is undefined for every word not in it. */
export function wordTable<T>(entries: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

/**
 * `key in table` for a word table, by its own keys only, as a Set lookup
 * (V8's keyed `in` is slow on an object with many keys). Built once per table.
 */
export function keysOf(table: object): (key: string) => boolean {
  const keys = new Set(Object.keys(table));
  return (key) => keys.has(key);
}
