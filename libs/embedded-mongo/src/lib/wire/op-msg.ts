import { crc32c } from './crc32c';
import { HEADER_SIZE, OP_MSG, writeHeader } from './op-codes';

export const FLAG_CHECKSUM_PRESENT = 1 << 0;
export const FLAG_MORE_TO_COME = 1 << 1;

/** An OP_MSG as received: the kind-0 body still raw, kind-1 document sequences split into raw documents. */
export interface OpMsgRequest {
  flags: number;
  body: Buffer;
  sequences: Map<string, Buffer[]>;
}

export class MalformedMessageError extends Error {}

export function parseOpMsg(message: Buffer): OpMsgRequest {
  const flags = message.readUInt32LE(HEADER_SIZE);
  let end = message.length;
  if (flags & FLAG_CHECKSUM_PRESENT) {
    end -= 4;
    const expected = message.readUInt32LE(end);
    if (crc32c(message, 0, end) !== expected) throw new MalformedMessageError('OP_MSG checksum mismatch');
  }
  let offset = HEADER_SIZE + 4;
  let body: Buffer | undefined;
  const sequences = new Map<string, Buffer[]>();
  while (offset < end) {
    const kind = message[offset++];
    if (kind === 0) {
      if (body) throw new MalformedMessageError('OP_MSG has more than one body section');
      const size = message.readInt32LE(offset);
      body = message.subarray(offset, offset + size);
      offset += size;
    } else if (kind === 1) {
      const size = message.readInt32LE(offset);
      const sectionEnd = offset + size;
      const nameEnd = message.indexOf(0, offset + 4);
      const identifier = message.toString('utf8', offset + 4, nameEnd);
      const docs: Buffer[] = [];
      let cursor = nameEnd + 1;
      while (cursor < sectionEnd) {
        const docSize = message.readInt32LE(cursor);
        docs.push(message.subarray(cursor, cursor + docSize));
        cursor += docSize;
      }
      sequences.set(identifier, [...(sequences.get(identifier) ?? []), ...docs]);
      offset = sectionEnd;
    } else {
      throw new MalformedMessageError(`OP_MSG section kind ${kind} is not valid`);
    }
  }
  if (!body) throw new MalformedMessageError('OP_MSG has no body section');
  return { flags, body, sequences };
}

export function encodeOpMsg(requestId: number, responseTo: number, body: Uint8Array): Buffer {
  const message = Buffer.allocUnsafe(HEADER_SIZE + 4 + 1 + body.length);
  writeHeader(message, requestId, responseTo, OP_MSG);
  message.writeUInt32LE(0, HEADER_SIZE);
  message[HEADER_SIZE + 4] = 0;
  message.set(body, HEADER_SIZE + 5);
  return message;
}
