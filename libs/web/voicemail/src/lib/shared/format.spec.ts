import { formatSeconds, formatUsd, textFigures } from './format';

describe('text figures', () => {
  it('counts characters and words and estimates seconds at 150 words a minute', () => {
    const text = Array.from({ length: 100 }, () => 'word').join(' ');
    expect(textFigures(text)).toEqual({ characters: 499, words: 100, seconds: 40, outOfRange: false });
    expect(textFigures('Too short').outOfRange).toBe(true);
    expect(textFigures(Array.from({ length: 116 }, () => 'w').join(' ')).outOfRange).toBe(true);
  });

  it('prints money and durations for people', () => {
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(0.000392)).toBe('$0.0004');
    expect(formatUsd(12.5)).toBe('$12.50');
    expect(formatSeconds(42)).toBe('42 s');
    expect(formatSeconds(300)).toBe('about 5 min');
    expect(formatSeconds(4800)).toBe('about 1 h 20 min');
  });
});
