/** Names every plain object has through its prototype ("constructor", "toString" …): `in` finds them too. */
const INHERITED_NAMES: readonly string[] = Object.getOwnPropertyNames(Object.prototype);

/**
 * `key in table` for a constant word table, as a Set lookup: the table's keys
 * and the inherited names, so it answers exactly as `in` does, without V8's
 * slow keyed `in` on an object with many keys. Built once per table.
 */
export function keysOf(table: object): (key: string) => boolean {
  const keys = new Set([...Object.keys(table), ...INHERITED_NAMES]);
  return (key) => keys.has(key);
}
