import { HEADER_SIZE, OP_REPLY, writeHeader } from './op-codes';

/** The legacy OP_QUERY; drivers still open every socket with an `ismaster` sent this way. */
export interface OpQueryRequest {
  fullCollectionName: string;
  query: Buffer;
}

export function parseOpQuery(message: Buffer): OpQueryRequest {
  let offset = HEADER_SIZE + 4;
  const nameEnd = message.indexOf(0, offset);
  const fullCollectionName = message.toString('utf8', offset, nameEnd);
  offset = nameEnd + 1 + 8;
  const size = message.readInt32LE(offset);
  return { fullCollectionName, query: message.subarray(offset, offset + size) };
}

export function encodeOpReply(requestId: number, responseTo: number, document: Uint8Array): Buffer {
  const fixed = HEADER_SIZE + 4 + 8 + 4 + 4;
  const message = Buffer.allocUnsafe(fixed + document.length);
  writeHeader(message, requestId, responseTo, OP_REPLY);
  message.writeInt32LE(0, HEADER_SIZE);
  message.writeBigInt64LE(0n, HEADER_SIZE + 4);
  message.writeInt32LE(0, HEADER_SIZE + 12);
  message.writeInt32LE(1, HEADER_SIZE + 16);
  message.set(document, fixed);
  return message;
}
