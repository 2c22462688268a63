import { BSON, type Document } from 'bson';

/**
 * Documents are decoded in two shapes. The query shape promotes numbers to JS numbers (and small Longs
 * too) because mingo only computes with those; Decimal128 and Longs beyond 2^53 stay objects. The typed
 * shape keeps Int32/Double/Long wrappers and is what anything re-encoded without evaluation goes through,
 * so 5.0 stays a double.
 */
const QUERY_OPTIONS = { promoteLongs: true, promoteValues: true, promoteBuffers: false, bsonRegExp: false };
const TYPED_OPTIONS = { promoteValues: false, bsonRegExp: true };

export function decodeDocument(raw: Uint8Array): Document {
  return BSON.deserialize(raw, QUERY_OPTIONS);
}

export function decodeTyped(raw: Uint8Array): Document {
  return BSON.deserialize(raw, TYPED_OPTIONS);
}

export function encodeDocument(doc: Document): Buffer {
  const bytes = BSON.serialize(doc);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const TYPE_DOCUMENT = 0x03;
const TYPE_ARRAY = 0x04;

/** The raw bytes of each embedded document in a top-level array field, without decoding them. */
export function rawArrayElements(raw: Buffer, field: string): Buffer[] | undefined {
  for (const [type, nameOffset, nameLength, offset] of BSON.onDemand.parseToElements(raw, 0)) {
    if (raw.toString('utf8', nameOffset, nameOffset + nameLength) !== field) continue;
    if (type !== TYPE_ARRAY) return undefined;
    const docs: Buffer[] = [];
    for (const [itemType, , , itemOffset, itemLength] of BSON.onDemand.parseToElements(raw, offset)) {
      if (itemType !== TYPE_DOCUMENT) return undefined;
      docs.push(raw.subarray(itemOffset, itemOffset + itemLength));
    }
    return docs;
  }
  return undefined;
}

/** Where the `_id` element sits in a raw document, if anywhere. */
export function findIdElement(raw: Buffer): { start: number; end: number } | undefined {
  for (const [, nameOffset, nameLength, offset, length] of BSON.onDemand.parseToElements(raw, 0)) {
    if (nameLength === 3 && raw.toString('utf8', nameOffset, nameOffset + 3) === '_id') {
      return { start: nameOffset - 1, end: offset + length };
    }
  }
  return undefined;
}
