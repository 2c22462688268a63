import { countSmsSegments, hasOptOutInstruction, withOptOutLine } from './sms-text';

describe('SMS segments', () => {
  it('fits 160 GSM-7 characters in one segment and splits at 153 per part beyond', () => {
    expect(countSmsSegments('a'.repeat(160))).toMatchObject({ encoding: 'GSM-7', segments: 1, units: 160 });
    expect(countSmsSegments('a'.repeat(161))).toMatchObject({ encoding: 'GSM-7', segments: 2 });
    expect(countSmsSegments('a'.repeat(306)).segments).toBe(2);
    expect(countSmsSegments('a'.repeat(307)).segments).toBe(3);
  });

  it('switches the whole message to UCS-2 for one emoji or smart quote (70 / 67 per part)', () => {
    const emoji = countSmsSegments('Hi Ana 😀');
    expect(emoji).toMatchObject({ encoding: 'UCS-2', segments: 1, nonGsmCharacters: ['😀'] });
    expect(countSmsSegments('’'.repeat(70))).toMatchObject({ encoding: 'UCS-2', segments: 1 });
    expect(countSmsSegments('’'.repeat(71))).toMatchObject({ encoding: 'UCS-2', segments: 2 });
    expect(countSmsSegments('’'.repeat(134)).segments).toBe(2);
    expect(countSmsSegments('’'.repeat(135)).segments).toBe(3);
  });

  it('counts GSM-7 extension characters as two units and keeps é in GSM-7', () => {
    expect(countSmsSegments('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSmsSegments('€'.repeat(81)).segments).toBe(2);
    expect(countSmsSegments('café').encoding).toBe('GSM-7');
  });

  it('counts an empty body as nothing to send', () => {
    expect(countSmsSegments('')).toEqual({ encoding: 'GSM-7', segments: 0, units: 0, nonGsmCharacters: [] });
  });
});

describe('opt-out line', () => {
  it('is appended to a first message without one', () => {
    expect(withOptOutLine('Hi Ana, new listing on Elm St.', { firstMessage: true })).toBe('Hi Ana, new listing on Elm St.\nReply STOP to opt out');
  });

  it('is not added twice, whatever the wording of the existing instruction', () => {
    for (const body of ['Hi! Reply STOP to opt out', 'Hi! reply stop to unsubscribe', 'Hi! Text STOP to quit', 'Hi, reply with "STOP" to end']) {
      expect(hasOptOutInstruction(body)).toBe(true);
      expect(withOptOutLine(body, { firstMessage: true })).toBe(body);
    }
  });

  it('is not fooled by the word stop in the message itself', () => {
    expect(hasOptOutInstruction('Stop by the open house on Sunday')).toBe(false);
    expect(withOptOutLine('Stop by the open house on Sunday', { firstMessage: true })).toBe('Stop by the open house on Sunday\nReply STOP to opt out');
  });

  it('is left out of follow-up messages', () => {
    expect(withOptOutLine('Following up on Elm St.', { firstMessage: false })).toBe('Following up on Elm St.');
  });

  it('can push a message into a second segment, which the cost must reflect', () => {
    const body = 'x'.repeat(150);
    expect(countSmsSegments(body).segments).toBe(1);
    expect(countSmsSegments(withOptOutLine(body, { firstMessage: true })).segments).toBe(2);
  });

  it('takes a custom line', () => {
    expect(withOptOutLine('Hi  \n', { firstMessage: true, line: 'Txt STOP to end' })).toBe('Hi\nTxt STOP to end');
  });
});
