import { Decimal128, Double, Int32, Long } from 'bson';

/** A number in any BSON numeric type, as an exact fraction, so a Decimal128 and a double compare exactly. */
export interface Fraction {
  num: bigint;
  den: bigint;
}

export type Special = 'nan' | 'inf' | '-inf';

export function isNumeric(value: unknown): boolean {
  return (
    typeof value === 'number' ||
    typeof value === 'bigint' ||
    value instanceof Long ||
    value instanceof Decimal128 ||
    value instanceof Double ||
    value instanceof Int32
  );
}

export function toExact(value: unknown): Fraction | Special {
  if (typeof value === 'number') return fromDouble(value);
  if (value instanceof Double || value instanceof Int32) return fromDouble(value.value);
  if (typeof value === 'bigint') return { num: value, den: 1n };
  if (value instanceof Long) return { num: BigInt(value.toString()), den: 1n };
  if (value instanceof Decimal128) return fromDecimalString(value.toString());
  throw new TypeError('not a number');
}

function fromDouble(x: number): Fraction | Special {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (Number.isSafeInteger(x)) return { num: BigInt(x), den: 1n };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const exponent = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & 0xfffffffffffffn;
  let power: number;
  if (exponent === 0) power = -1074;
  else {
    mantissa |= 1n << 52n;
    power = exponent - 1075;
  }
  const signed = negative ? -mantissa : mantissa;
  return power >= 0 ? { num: signed << BigInt(power), den: 1n } : reduce(signed, 1n << BigInt(-power));
}

function fromDecimalString(text: string): Fraction | Special {
  if (/nan/i.test(text)) return 'nan';
  if (/inf/i.test(text)) return text.startsWith('-') ? '-inf' : 'inf';
  const match = /^([+-]?)(\d*)\.?(\d*)(?:E([+-]?\d+))?$/i.exec(text);
  if (!match) throw new TypeError(`unparseable decimal ${text}`);
  const [, sign, whole, fraction, exp] = match;
  const digits = BigInt(`${sign === '-' ? '-' : ''}${whole}${fraction}` || '0');
  const scale = Number(exp ?? 0) - fraction.length;
  return scale >= 0 ? { num: digits * 10n ** BigInt(scale), den: 1n } : reduce(digits, 10n ** BigInt(-scale));
}

function reduce(num: bigint, den: bigint): Fraction {
  let a = num < 0n ? -num : num;
  let b = den;
  while (b) [a, b] = [b, a % b];
  return a > 1n ? { num: num / a, den: den / a } : { num, den };
}

const SPECIAL_RANK: Record<Special, number> = { nan: -2, '-inf': -1, inf: 1 };

/** Orders two numbers of any BSON numeric type the way MongoDB does (NaN below everything). */
export function compareNumbers(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number' && !Number.isNaN(a) && !Number.isNaN(b)) {
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const x = toExact(a);
  const y = toExact(b);
  const rank = (v: Fraction | Special): number => (typeof v === 'string' ? SPECIAL_RANK[v] : 0);
  if (typeof x === 'string' || typeof y === 'string') return Math.sign(rank(x) - rank(y));
  const left = x.num * y.den;
  const right = y.num * x.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** A canonical text for a number: equal numbers of any type give the same text. */
export function numberKey(value: unknown): string {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  const exact = toExact(value);
  if (typeof exact === 'string') return exact;
  return exact.den === 1n ? exact.num.toString() : `${exact.num}/${exact.den}`;
}
