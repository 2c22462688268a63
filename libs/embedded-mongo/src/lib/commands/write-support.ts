import { ObjectId, type Document } from 'bson';
import { decodeDocument, decodeFields, encodeDocument, findIdElement } from '../bson/codec';
import { RawDocumentBuilder } from '../bson/raw-document';
import { MongoServerError, toServerError } from '../errors';
import { MAX_BSON_OBJECT_SIZE } from '../wire/limits';

/**
 * One entry of `writeErrors`, as mongod serializes a WriteError: index, code, the error's extra info
 * (keyPattern/keyValue for E11000), errmsg, and no codeName (only command errors carry one).
 */
export function writeError(index: number, error: unknown): Document {
  const serverError = toServerError(error);
  return { index, code: serverError.code, ...serverError.extra, errmsg: serverError.message };
}

export function checkDocumentSize(raw: Buffer, what: string): void {
  if (raw.length > MAX_BSON_OBJECT_SIZE) {
    throw new MongoServerError('BSONObjectTooLarge', `${what} too large. size in bytes: ${raw.length}, max size: ${MAX_BSON_OBJECT_SIZE}`);
  }
}

/**
 * A document to insert, as the bytes to store: `_id` generated when missing and moved to the front when
 * elsewhere, as mongod does. (The arena copies what it stores, so a view of the message is fine.)
 * `doc` holds only `fields` when given (what the indexes need), else the whole document.
 */
export function prepareInsert(raw: Buffer, fields?: ReadonlySet<string>): { raw: Buffer; doc: Document } {
  checkDocumentSize(raw, 'object to insert');
  const id = findIdElement(raw);
  let stored: Buffer;
  if (!id) {
    stored = new RawDocumentBuilder().element(0x07, '_id', Buffer.from(new ObjectId().id)).elementsOf(raw).build();
  } else if (id.start !== 4) {
    const element = raw.subarray(id.start, id.end);
    const before = raw.subarray(4, id.start);
    const after = raw.subarray(id.end, raw.length - 1);
    stored = wrap(Buffer.concat([element, before, after]));
  } else {
    stored = raw;
  }
  return { raw: stored, doc: fields ? decodeFields(stored, fields) : decodeDocument(stored) };
}

function wrap(elements: Buffer): Buffer {
  const doc = Buffer.allocUnsafe(elements.length + 5);
  doc.writeInt32LE(doc.length, 0);
  elements.copy(doc, 4);
  doc[doc.length - 1] = 0;
  return doc;
}

/** Encodes an updated document and enforces the size limit. */
export function encodeUpdated(doc: Document): Buffer {
  const raw = encodeDocument(doc);
  if (raw.length > MAX_BSON_OBJECT_SIZE) {
    throw new MongoServerError('BSONObjectTooLarge', `Resulting document after update is larger than ${MAX_BSON_OBJECT_SIZE}`);
  }
  return raw;
}
