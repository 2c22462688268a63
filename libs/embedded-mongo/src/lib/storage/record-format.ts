import { BSON, type Document } from 'bson';
import { crc32c } from '../wire/crc32c';

/**
 * The one on-disk framing, shared by the journal and the snapshot:
 *   uint32 payload length | uint32 CRC-32C of the payload | payload
 * where the payload is a small BSON header ({ t: kind, ... }) optionally followed by a stored document's
 * bytes, copied as they are so recovery never re-encodes a document.
 */
export interface StoredRecord {
  meta: Document;
  raw?: Buffer;
}

const FRAME_HEADER = 8;

export function encodeRecord(meta: Document, raw?: Buffer): Buffer {
  const head = BSON.serialize(meta);
  const payloadLength = head.length + (raw?.length ?? 0);
  const frame = Buffer.allocUnsafe(FRAME_HEADER + payloadLength);
  frame.writeUInt32LE(payloadLength, 0);
  frame.set(head, FRAME_HEADER);
  raw?.copy(frame, FRAME_HEADER + head.length);
  frame.writeUInt32LE(crc32c(frame, FRAME_HEADER, frame.length), 4);
  return frame;
}

/**
 * Reads records until the end or the first frame that is cut short or fails its checksum: that is the
 * tail a crash tore, and `validLength` tells where the good part ends.
 */
export function readRecords(file: Buffer): { records: Generator<StoredRecord>; validLength: () => number } {
  let offset = 0;
  function* records(): Generator<StoredRecord> {
    while (offset + FRAME_HEADER <= file.length) {
      const length = file.readUInt32LE(offset);
      const end = offset + FRAME_HEADER + length;
      if (end > file.length || length < 5) return;
      if (crc32c(file, offset + FRAME_HEADER, end) !== file.readUInt32LE(offset + 4)) return;
      const payload = file.subarray(offset + FRAME_HEADER, end);
      const headLength = payload.readInt32LE(0);
      const meta = BSON.deserialize(payload.subarray(0, headLength));
      const raw = headLength < payload.length ? Buffer.from(payload.subarray(headLength)) : undefined;
      offset = end;
      yield { meta, raw };
    }
  }
  return { records: records(), validLength: () => offset };
}
