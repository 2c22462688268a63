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

/**
 * Only some top-level fields of a raw document, decoded in the query shape: their elements are copied
 * into a small document and only that is deserialized. Sorting many large documents by a date needs
 * a fraction of the work of decoding them whole.
 */
export function decodeFields(raw: Buffer, fields: ReadonlySet<string>): Document {
  const lengths = byteLengthsOf(fields);
  // Element bounds as pairs of offsets: names are only read (a string made) when their length could match.
  const bounds: number[] = [];
  let size = 5;
  for (const [, nameOffset, nameLength, offset, length] of BSON.onDemand.parseToElements(raw, 0)) {
    if (!lengths.has(nameLength) || !fields.has(raw.toString('utf8', nameOffset, nameOffset + nameLength))) continue;
    bounds.push(nameOffset - 1, offset + length);
    size += offset + length - (nameOffset - 1);
  }
  const mini = Buffer.allocUnsafe(size);
  mini.writeInt32LE(size, 0);
  let position = 4;
  for (let i = 0; i < bounds.length; i += 2) position += raw.copy(mini, position, bounds[i], bounds[i + 1]);
  mini[position] = 0;
  return BSON.deserialize(mini, QUERY_OPTIONS);
}

const fieldByteLengths = new WeakMap<ReadonlySet<string>, Set<number>>();

function byteLengthsOf(fields: ReadonlySet<string>): Set<number> {
  let lengths = fieldByteLengths.get(fields);
  if (!lengths) fieldByteLengths.set(fields, (lengths = new Set([...fields].map((field) => Buffer.byteLength(field, 'utf8')))));
  return lengths;
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
