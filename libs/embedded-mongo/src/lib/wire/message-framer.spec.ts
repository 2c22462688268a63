import { crc32c } from './crc32c';
import { InvalidMessageLengthError, MessageFramer } from './message-framer';

function message(length: number, fill: number): Buffer {
  const buffer = Buffer.alloc(length, fill);
  buffer.writeInt32LE(length, 0);
  return buffer;
}

describe('MessageFramer', () => {
  it('joins a message split across chunks, even inside the length prefix', () => {
    const framer = new MessageFramer();
    const whole = message(40, 7);
    expect(framer.push(whole.subarray(0, 2))).toEqual([]);
    expect(framer.push(whole.subarray(2, 30))).toEqual([]);
    expect(framer.push(whole.subarray(30))).toEqual([whole]);
  });

  it('splits messages merged into one chunk', () => {
    const framer = new MessageFramer();
    const a = message(20, 1);
    const b = message(24, 2);
    const c = message(18, 3);
    expect(framer.push(Buffer.concat([a, b, c.subarray(0, 5)]))).toEqual([a, b]);
    expect(framer.push(c.subarray(5))).toEqual([c]);
  });

  it('refuses a length over 48 MB or under 16 before buffering it', () => {
    const header = Buffer.alloc(4);
    header.writeInt32LE(48_000_001);
    expect(() => new MessageFramer().push(header)).toThrow(InvalidMessageLengthError);
    header.writeInt32LE(8);
    expect(() => new MessageFramer().push(header)).toThrow(InvalidMessageLengthError);
  });
});

describe('crc32c', () => {
  it('matches the CRC-32C check value', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
  });
});
