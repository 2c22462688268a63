import { Decimal128, Double, Long, ObjectId } from 'bson';
import { compareValues, stringComparer } from './bson-order';
import { compareNumbers, numberKey } from './exact-number';
import { valueKey } from './value-key';

describe('numbers across BSON types', () => {
  it('compares Decimal128, Long and doubles exactly', () => {
    expect(compareNumbers(Decimal128.fromString('10.5'), 2)).toBe(1);
    expect(compareNumbers(Decimal128.fromString('0.1'), 0.1)).not.toBe(0);
    expect(compareNumbers(Long.fromString('9007199254740993'), 9007199254740992)).toBe(1);
    expect(compareNumbers(Decimal128.fromString('1.0E+3'), 1000)).toBe(0);
    expect(compareNumbers(NaN, -Infinity)).toBe(-1);
  });

  it('gives equal numbers of any type one hash key', () => {
    expect(numberKey(Decimal128.fromString('5.00'))).toBe(numberKey(5));
    expect(valueKey(new Double(5))).toBe(valueKey(Long.fromNumber(5)));
    expect(valueKey(1.5)).not.toBe(valueKey(Decimal128.fromString('1.6')));
  });
});

describe('compareValues', () => {
  it('orders types as MongoDB does', () => {
    const ordered = [null, 1, 'a', { a: 1 }, [1], new ObjectId(), false, new Date(0)];
    const shuffled = [...ordered].reverse().sort((a, b) => compareValues(a, b));
    expect(shuffled).toEqual(ordered);
  });

  it('applies collation strength to strings', () => {
    expect(compareValues('Alice', 'alice', stringComparer({ locale: 'en', strength: 2 }))).toBe(0);
    expect(compareValues('Alice', 'alice')).not.toBe(0);
  });
});
