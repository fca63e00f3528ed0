import { InvalidParamsError } from '../types';
import type { BooleanParam, EnumParam, IanaZoneParam, IsoTimeParam, NumberParam, ParamDeclaration, TextParam } from './declaration';

/**
 * The one set of readers for declared params. Each takes the wire string
 * (undefined when the caller left the param out) and either returns the value
 * or throws InvalidParamsError naming `params.<name>`. Blank always means
 * absent: the param's default.
 */

function present(raw: string | undefined): string | undefined {
  return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
}

/** The caller's text, quoted back in the message; long values are cut so an error stays one line. */
function quoted(raw: string): string {
  return JSON.stringify(raw.length > 80 ? `${raw.slice(0, 77)}...` : raw);
}

function refuse(name: string, expected: string, raw: string, quote = true): never {
  const got = quote ? quoted(raw) : `${raw.length} characters (not quoted: they are the caller's)`;
  throw new InvalidParamsError(`params.${name}`, `params.${name} must be ${expected}, got ${got}`);
}

export function readText(name: string, declaration: TextParam, raw: string | undefined): string | undefined {
  // Text keeps its spacing (a transcription, a pattern): only a blank value counts as absent.
  if (present(raw) === undefined || raw === undefined) return undefined;
  if (declaration.check !== undefined && !declaration.check(raw))
    refuse(name, declaration.expected ?? 'valid', raw, declaration.private !== true);
  return raw;
}

export function readBoolean(name: string, declaration: BooleanParam, raw: string | undefined): boolean {
  const value = present(raw)?.toLowerCase();
  if (value === undefined || raw === undefined) return declaration.default;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return refuse(name, '"true" or "false"', raw);
}

export function readEnum<V extends string>(name: string, declaration: EnumParam<V>, raw: string | undefined): V {
  const value = present(raw)?.toLowerCase();
  if (value === undefined || raw === undefined) return declaration.default;
  const found = declaration.values.find((v) => v === value);
  return found ?? refuse(name, `one of ${declaration.values.join(', ')}`, raw);
}

/**
 * Decimal notation only: Number() also reads "0x1", "0b1", "0o1" and
 * "Infinity", none of which a caller means as a confidence or a length.
 * The exponent form stays: it is decimal, and JavaScript writes 1e-7 so.
 */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

export function readNumber(name: string, declaration: NumberParam, raw: string | undefined): number | undefined {
  const value = present(raw);
  if (value === undefined || raw === undefined) return declaration.default;
  const { min, max, integer = false } = declaration;
  const kind = integer ? 'a whole number' : 'a number';
  const range = min !== undefined && max !== undefined ? ` from ${min} to ${max}` : min !== undefined ? ` of at least ${min}` : '';
  const n = DECIMAL.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n)) || (min !== undefined && n < min) || (max !== undefined && n > max)) {
    return refuse(name, `${kind}${range}`, raw);
  }
  return n;
}

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function readIsoTime(name: string, _declaration: IsoTimeParam, raw: string | undefined): number | undefined {
  const value = present(raw);
  if (value === undefined || raw === undefined) return undefined;
  const fail = (): never => refuse(name, 'an ISO 8601 date and time with a UTC offset, e.g. 2026-11-26T09:30:00+11:00', raw);
  const m = ISO_WITH_OFFSET.exec(value);
  if (m === null) return fail();
  const second = m[6] === undefined ? 0 : Number(m[6]);
  // Date.parse rolls 30 February over into March: check the fields ourselves.
  if (!isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])) || Number(m[4]) > 23 || Number(m[5]) > 59 || second > 59) return fail();
  // Date.parse wants the offset's colon ("+1100" is written "+11:00").
  const instant = Date.parse(m[7].length === 5 ? `${value.slice(0, -2)}:${value.slice(-2)}` : value);
  return Number.isFinite(instant) ? instant : fail();
}

/** Building a formatter costs about 100 µs and every turn names a zone: names are remembered. */
const zoneNames = new Map<string, string | undefined>();

/** The canonical spelling of an IANA zone ("australia/sydney" → "Australia/Sydney"), or undefined. */
export function canonicalZone(name: string): string | undefined {
  // Offsets and abbreviations are not zones: an offset has no DST rules.
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return undefined;
  if (zoneNames.has(name)) return zoneNames.get(name);
  let zone: string | undefined;
  try {
    zone = new Intl.DateTimeFormat('en-AU', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    zone = undefined;
  }
  if (zoneNames.size < 1000) zoneNames.set(name, zone);
  return zone;
}

export function readIanaZone(name: string, declaration: IanaZoneParam, raw: string | undefined): string {
  const value = present(raw);
  if (value === undefined || raw === undefined) return declaration.default;
  return canonicalZone(value) ?? refuse(name, `an IANA time zone such as ${declaration.default}`, raw);
}

/** Reads one declared param. */
export function readParam(name: string, declaration: ParamDeclaration, raw: string | undefined): unknown {
  switch (declaration.type) {
    case 'text':
      return readText(name, declaration, raw);
    case 'boolean':
      return readBoolean(name, declaration, raw);
    case 'number':
      return readNumber(name, declaration, raw);
    case 'enum':
      return readEnum(name, declaration, raw);
    case 'iso-time':
      return readIsoTime(name, declaration, raw);
    case 'iana-zone':
      return readIanaZone(name, declaration, raw);
  }
}
