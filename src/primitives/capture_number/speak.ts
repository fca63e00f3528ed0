/** How a captured number is read back, the Australian way ("two hundred and fifty"). */

const UNIT_NAMES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEEN_NAMES = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS_NAMES = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALE_NAMES: ReadonlyArray<readonly [bigint, string]> = [
  [1_000_000_000_000n, 'trillion'],
  [1_000_000_000n, 'billion'],
  [1_000_000n, 'million'],
  [1_000n, 'thousand'],
];

function belowHundred(n: number): string {
  if (n < 10) return UNIT_NAMES[n];
  if (n < 20) return TEEN_NAMES[n - 10];
  const unit = n % 10;
  return unit === 0 ? TENS_NAMES[Math.floor(n / 10)] : `${TENS_NAMES[Math.floor(n / 10)]} ${UNIT_NAMES[unit]}`;
}

function belowThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 0) return belowHundred(rest);
  const head = `${UNIT_NAMES[hundreds]} hundred`;
  return rest === 0 ? head : `${head} and ${belowHundred(rest)}`;
}

/** A whole number the Australian way: 250 → "two hundred and fifty", 1005 → "one thousand and five". */
function integerWords(n: bigint): string {
  if (n < 1000n) return belowThousand(Number(n));
  const parts: string[] = [];
  let rest = n;
  for (const [scale, name] of SCALE_NAMES) {
    if (rest >= scale) {
      const count = rest / scale;
      parts.push(`${count >= 1000n ? integerWords(count) : belowThousand(Number(count))} ${name}`);
      rest %= scale;
    }
  }
  if (rest > 0n) parts.push(rest < 100n ? `and ${belowHundred(Number(rest))}` : belowThousand(Number(rest)));
  return parts.join(' ');
}

/** How a canonical decimal string is read aloud: "-2.5" → "minus two point five". */
export function speakNumber(value: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (m === null) return value;
  const whole = BigInt(m[2]);
  if (m[2].length > 15) return value;
  const sign = m[1] === '-' ? 'minus ' : '';
  const fraction = m[3] === undefined ? '' : ` point ${[...m[3]].map((d) => UNIT_NAMES[Number(d)]).join(' ')}`;
  return `${sign}${integerWords(whole)}${fraction}`;
}
