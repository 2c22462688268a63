import { countSmsSegments, withOptOutLine } from './sms-segments';

describe('SMS segments', () => {
  it('fits 160 GSM-7 characters in one segment and splits longer texts in parts of 153', () => {
    expect(countSmsSegments('a'.repeat(160))).toMatchObject({ encoding: 'GSM-7', segments: 1, units: 160 });
    expect(countSmsSegments('a'.repeat(161))).toMatchObject({ segments: 2 });
    expect(countSmsSegments('a'.repeat(306))).toMatchObject({ segments: 2 });
    expect(countSmsSegments('a'.repeat(307))).toMatchObject({ segments: 3 });
  });

  it('counts extension characters such as € and [ as two', () => {
    expect(countSmsSegments('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSmsSegments('[' + 'a'.repeat(159))).toMatchObject({ units: 161, segments: 2 });
  });

  it('switches to UCS-2 for a character outside GSM-7 and names it', () => {
    const curly = countSmsSegments(`It’s ${'a'.repeat(65)}`);
    expect(curly).toMatchObject({ encoding: 'UCS-2', units: 70, segments: 1, nonGsmCharacters: ['’'] });
    expect(countSmsSegments(`😀${'a'.repeat(69)}`)).toMatchObject({ encoding: 'UCS-2', units: 71, segments: 2 });
  });

  it('adds the opt-out line to the first message only, and not twice', () => {
    expect(withOptOutLine('Hi there  ', true)).toBe('Hi there\nReply STOP to opt out');
    expect(withOptOutLine('Hi there', false)).toBe('Hi there');
    expect(withOptOutLine('Hi! Text STOP to quit', true)).toBe('Hi! Text STOP to quit');
  });
});
