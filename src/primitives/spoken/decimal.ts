/**
 * Exact decimals for spoken numbers: bigint units and a scale, never floats,
 * so 1.5 million is 1500000 and 0.1 + 0.2 is 0.3.
 */

/** `units / 10^scale`. */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

export function decimalOf(n: bigint | number): Decimal {
  return { units: BigInt(n), scale: 0 };
}

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

function aligned(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * pow10(scale - a.scale), b.units * pow10(scale - b.scale), scale];
}

export function addDecimal(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = aligned(a, b);
  return { units: x + y, scale };
}

export function multiplyDecimal(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

export function negateDecimal(a: Decimal): Decimal {
  return { units: -a.units, scale: a.scale };
}

export function equalDecimal(a: Decimal, b: Decimal): boolean {
  const [x, y] = aligned(a, b);
  return x === y;
}

/** a / b when the quotient has a finite decimal expansion (halves, quarters, fifths …); undefined for thirds. */
export function divideExact(a: Decimal, b: bigint): Decimal | undefined {
  if (b === 0n) return undefined;
  for (let extra = 0; extra <= 12; extra++) {
    const scaled = a.units * pow10(extra);
    if (scaled % b === 0n) return { units: scaled / b, scale: a.scale + extra };
  }
  return undefined;
}

/** The canonical decimal string: "42", "3.5", "-2", "1500000"; no exponent, no trailing zeros. */
export function formatDecimal(d: Decimal): string {
  let { units, scale } = d;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale--;
  }
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  const body = fraction.length > 0 ? `${whole}.${fraction}` : whole;
  return negative && body !== '0' ? `-${body}` : body;
}

/** "1500" / "2.5" / ".5" / "-3" → a Decimal; undefined when the text is not a plain figure. */
export function parseFigure(text: string): Decimal | undefined {
  const m = /^(-?)(\d*)(?:\.(\d+))?$/.exec(text);
  if (m === null || (m[2] === '' && m[3] === undefined)) return undefined;
  const fraction = m[3] ?? '';
  const units = BigInt(`${m[2] || '0'}${fraction}`);
  return { units: m[1] === '-' ? -units : units, scale: fraction.length };
}
